package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepResult.Outcome;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.worker.TestTools.CountingTool;
import io.greenlang.runtime.worker.TestTools.HoldingTool;
import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workers that die in the middle of a step: the task is reclaimed by another worker after the claim
 * idle time and its result stored and published exactly once.
 */
class WorkerCrashIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private StepBus bus;

  @BeforeEach
  void bus() throws Exception {
    bus = new StepBus("calc");
  }

  @AfterEach
  void cleanUp() throws Exception {
    bus.close();
  }

  @Test
  void aTaskReadByAConsumerThatNeverAcknowledgesIsReclaimedAndCompletedOnce() throws Exception {
    CountingTool count = new CountingTool();
    StepTask task = bus.task("run-1", "double", "count", Map.of("n", "5"));
    bus.redis.xgroupCreate(
        XReadArgs.StreamOffset.from(bus.tasksStream(), "0"),
        StepStreams.WORKER_GROUP,
        XGroupCreateArgs.Builder.mkstream());
    bus.publish(task);
    // A pod that read the task and was killed before it acknowledged.
    assertThat(
            bus.redis.xreadgroup(
                Consumer.from(StepStreams.WORKER_GROUP, "killed-pod"),
                XReadArgs.StreamOffset.lastConsumed(bus.tasksStream())))
        .hasSize(1);

    StepWorker survivor = bus.start(bus.factory(StepBus.fastSettings(), count));

    await().atMost(WAIT).until(() -> !bus.results("run-1").isEmpty() && bus.pending() == 0);
    StepResult result = bus.results("run-1").get(0);
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.worker()).isEqualTo(survivor.consumer());
    assertThat(bus.results("run-1")).hasSize(1);
    assertThat(count.runsOf(task.taskId())).isEqualTo(1);
    assertThat(bus.storedTaskIds("run-1")).containsExactly(task.taskId());
    assertThat(bus.counter("reclaimed")).isEqualTo(1);
  }

  @Test
  void aWorkerKilledMidStepLeavesTheTaskToAnotherWhichCompletesItOnce() throws Exception {
    HoldingTool firstTool = new HoldingTool();
    HoldingTool secondTool = new HoldingTool();
    secondTool.release.countDown();
    StepWorker first = bus.start(bus.factory(StepBus.fastSettings(), firstTool));
    StepTask task = bus.task("run-2", "slow", "hold", Map.of());
    bus.publish(task);
    assertThat(firstTool.started.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(first.stop(Duration.ZERO)).as("killed, not finished").isFalse();
    StepWorker second = bus.start(bus.factory(StepBus.fastSettings(), secondTool));
    // The killed worker's tool returns now; the dead worker must not act on its result.
    firstTool.release.countDown();

    await().atMost(WAIT).until(() -> !bus.results("run-2").isEmpty() && bus.pending() == 0);
    Thread.sleep(500);
    List<StepResult> results = bus.results("run-2");
    assertThat(results).hasSize(1);
    assertThat(results.get(0).worker()).isEqualTo(second.consumer());
    assertThat(secondTool.runs.get()).isEqualTo(1);
    assertThat(bus.storedTaskIds("run-2")).containsExactly(task.taskId());
  }

  @Test
  void aLiveWorkerKeepsItsClaimOnALongStep() throws Exception {
    HoldingTool hold = new HoldingTool();
    // Claims expire after 500 ms idle; the step takes 2 s.
    StepWorkerFactory factory = bus.factory(StepBus.fastSettings(), hold);
    StepWorker busy = bus.start(factory);
    bus.publish(bus.task("run-3", "slow", "hold", Map.of()));
    assertThat(hold.started.await(30, TimeUnit.SECONDS)).isTrue();
    bus.start(factory);

    Thread.sleep(2000);
    hold.release.countDown();

    await().atMost(WAIT).until(() -> !bus.results("run-3").isEmpty() && bus.pending() == 0);
    assertThat(hold.runs.get()).as("not reclaimed from the live worker").isEqualTo(1);
    assertThat(bus.counter("reclaimed")).isZero();
    assertThat(bus.results("run-3"))
        .singleElement()
        .extracting(StepResult::worker)
        .isEqualTo(busy.consumer());
  }
}
