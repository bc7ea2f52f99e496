package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepResult.Outcome;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.worker.TestTools.CountingTool;
import io.greenlang.runtime.worker.TestTools.ExplodingTool;
import io.greenlang.runtime.worker.TestTools.HoldingTool;
import io.greenlang.runtime.worker.tools.CsvValidationTool;
import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker against real Redis and PostgreSQL: the paths one task can take through it. */
class StepWorkerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private StepBus bus;

  @BeforeEach
  void bus() throws Exception {
    bus = new StepBus("intake");
  }

  @AfterEach
  void cleanUp() throws Exception {
    bus.close();
  }

  @Test
  void validatesCbamShipmentsStoresThenPublishesThenAcknowledges() throws Exception {
    StepWorkerFactory factory =
        bus.factory(
            StepBus.fastSettings(),
            bus.configuration(
                Map.of(CsvValidationTool.NAME, CbamShipments.INTAKE_SETTINGS),
                CsvValidationTool.NAME),
            new CsvValidationTool());
    StepWorker worker = bus.start(factory);
    StepTask task =
        bus.task("run-a", "intake", CsvValidationTool.NAME, Map.of("csv", CbamShipments.VALID));

    bus.publish(task);

    StepResult result = awaitOneResult("run-a");
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.taskId()).isEqualTo(task.taskId());
    assertThat(result.worker()).isEqualTo(worker.consumer());
    assertThat(result.outputHash()).isEqualTo(CanonicalJson.sha256(result.outputs()));
    assertThat(result.provenanceHash()).hasSize(64);
    assertThat(result.costUsd()).isEqualTo("0");
    assertThat(result.outputs()).containsEntry("validRowCount", 3).containsEntry("valid", true);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) result.outputs().get("rows");
    assertThat(rows)
        .extracting(
            r ->
                r.get("cn_code")
                    + " "
                    + r.get("country_of_origin")
                    + " "
                    + r.get("net_mass_tonnes"))
        .containsExactly("72085120 CN 120.500", "76011000 IN 35.25", "25232900 TR 1000");
    assertThat(bus.storedTaskIds("run-a")).containsExactly(task.taskId());
    await().atMost(WAIT).until(() -> bus.pending() == 0);
    assertThat(bus.redis.xlen(bus.tasksStream())).as("acknowledged tasks are deleted").isZero();
    assertThat(bus.counter("succeeded")).isEqualTo(1);
  }

  @Test
  void invalidShipmentLinesFailTheStepNamingRowAndColumn() throws Exception {
    bus.start(
        bus.factory(
            StepBus.fastSettings(),
            bus.configuration(
                Map.of(CsvValidationTool.NAME, CbamShipments.INTAKE_SETTINGS),
                CsvValidationTool.NAME),
            new CsvValidationTool()));

    bus.publish(
        bus.task(
            "run-b", "intake", CsvValidationTool.NAME, Map.of("csv", CbamShipments.WITH_ERRORS)));

    StepResult result = awaitOneResult("run-b");
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).isEqualTo("InvalidRows");
    assertThat(result.message())
        .startsWith("3 of 4 rows of input 'csv' are invalid; first: row 2, column cn_code:");
    assertThat(result.outputs()).containsEntry("invalidRowCount", 3);
    assertThat(bus.storedTaskIds("run-b")).hasSize(1);
  }

  @Test
  void theSameTaskDeliveredTwiceIsStoredOnceAndAnsweredWithTheSameResult() throws Exception {
    CountingTool count = new CountingTool();
    bus.start(bus.factory(StepBus.fastSettings(), count));
    StepTask task = bus.task("run-c", "double", "count", Map.of("n", "21.5"));

    bus.publish(task);
    awaitOneResult("run-c");
    bus.publish(task);

    await().atMost(WAIT).until(() -> bus.results("run-c").size() == 2);
    List<StepResult> results = bus.results("run-c");
    assertThat(results.get(1)).isEqualTo(results.get(0));
    assertThat(results.get(0).outputs()).containsEntry("doubled", new java.math.BigDecimal("43.0"));
    assertThat(count.runsOf(task.taskId())).isEqualTo(1);
    assertThat(bus.storedTaskIds("run-c")).containsExactly(task.taskId());
    assertThat(bus.counter("republished")).isEqualTo(1);
  }

  @Test
  void aRedeliveredTaskWhoseResultIsStoredIsRepublishedWithoutRunning() throws Exception {
    CountingTool count = new CountingTool();
    StepWorkerFactory factory = bus.factory(StepBus.fastSettings(), count);
    StepTask task = bus.task("run-d", "double", "count", Map.of("n", "2"));
    // As if a worker had stored the result and died before publishing it.
    StepResultStore store =
        new StepResultStore(bus.pool, new io.greenlang.runtime.audit.AuditRecorder(bus.meters));
    StoredStepResult earlier =
        new StoredStepResult(
            bus.agent,
            "count",
            null,
            new StepResult(
                task.taskId(),
                task.step(),
                1,
                false,
                Outcome.SUCCEEDED,
                Map.of("doubled", 4),
                CanonicalJson.sha256(Map.of("doubled", 4)),
                "p".repeat(64),
                0,
                "0",
                null,
                null,
                "crashed-pod-1",
                1_000,
                2_000));
    StoredStepResult stored = store.storeOnce(task, earlier);
    bus.start(factory);

    bus.publish(task);

    assertThat(awaitOneResult("run-d")).isEqualTo(stored.result());
    assertThat(count.totalRuns()).isZero();
  }

  @Test
  void aTaskPastItsDeadlineIsNotStarted() throws Exception {
    CountingTool count = new CountingTool();
    bus.start(bus.factory(StepBus.fastSettings(), count));
    StepTask late =
        bus.task(
            "run-e", "double", 1, "count", Map.of("n", "1"), System.currentTimeMillis() - 1000);

    bus.publish(late);

    StepResult result = awaitOneResult("run-e");
    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).isEqualTo(StepExecutor.DEADLINE_EXCEEDED);
    assertThat(result.message()).contains("was not started");
    assertThat(count.totalRuns()).isZero();
    assertThat(bus.storedTaskIds("run-e")).containsExactly(late.taskId());
  }

  @Test
  void aTaskDeliveredMoreThanMaxDeliveriesIsDeadLetteredAndItsStepFails() throws Exception {
    CountingTool count = new CountingTool();
    WorkerSettings settings = StepBus.fastSettings().withMaxDeliveries(2);
    StepTask task = bus.task("run-f", "double", "count", Map.of("n", "1"));
    String stream = bus.tasksStream();
    bus.redis.xgroupCreate(
        XReadArgs.StreamOffset.from(stream, "0"),
        StepStreams.WORKER_GROUP,
        io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
    String entryId = bus.publish(task);
    // Delivery 1 and 2 to consumers that die without acknowledging.
    bus.redis.xreadgroup(
        Consumer.from(StepStreams.WORKER_GROUP, "dead-pod-1"),
        XReadArgs.StreamOffset.lastConsumed(stream));
    Thread.sleep(600);
    bus.redis.xautoclaim(
        stream,
        new XAutoClaimArgs<String>()
            .consumer(Consumer.from(StepStreams.WORKER_GROUP, "dead-pod-2"))
            .minIdleTime(Duration.ofMillis(500))
            .startId("0-0"));

    StepWorker worker = bus.start(bus.factory(settings, count));

    StepResult result = awaitOneResult("run-f");
    assertThat(result.outcome()).isEqualTo(Outcome.DEAD_LETTERED);
    assertThat(result.reason()).isEqualTo(StepExecutor.MAX_DELIVERIES_EXCEEDED);
    assertThat(result.message()).contains("delivered 3 times", "max-deliveries=2");
    assertThat(count.totalRuns()).isZero();
    List<StreamMessage<String, String>> dead =
        bus.redis.xrange(bus.deadLetterStream(), Range.create("-", "+"));
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).getBody())
        .containsEntry("reason", StepExecutor.MAX_DELIVERIES_EXCEEDED)
        .containsEntry("deliveries", "3")
        .containsEntry("taskEntryId", entryId)
        .containsEntry("consumer", worker.consumer())
        .containsKey(StepStreams.PAYLOAD_FIELD);
    assertThat(bus.storedTaskIds("run-f")).containsExactly(task.taskId());
    await().atMost(WAIT).until(() -> bus.pending() == 0);
    assertThat(bus.counter("dead.lettered")).isEqualTo(1);
  }

  @Test
  void unreadableAndMisroutedEntriesGoToTheDeadLetterStream() throws Exception {
    bus.start(bus.factory(StepBus.fastSettings(), new CountingTool()));
    StepTask otherAgents =
        new StepTask(
            "run-g/x/1",
            bus.tenant,
            "ns",
            "run",
            "run-g",
            "x",
            1,
            "another-agent",
            "count",
            Map.of(),
            false,
            0);

    bus.redis.xadd(bus.tasksStream(), Map.of(StepStreams.PAYLOAD_FIELD, "{not json"));
    bus.redis.xadd(bus.tasksStream(), Map.of("something", "else"));
    bus.publish(otherAgents);

    await()
        .atMost(WAIT)
        .until(() -> bus.redis.xlen(bus.deadLetterStream()) == 3 && bus.pending() == 0);
    assertThat(bus.redis.xrange(bus.deadLetterStream(), Range.create("-", "+")))
        .extracting(m -> m.getBody().get("reason"))
        .containsExactly(
            TaskProcessor.MALFORMED_TASK,
            TaskProcessor.MALFORMED_TASK,
            TaskProcessor.MISROUTED_TASK);
    assertThat(bus.results("run-g")).isEmpty();
  }

  @Test
  void unknownUndeclaredAndFailingToolsFailTheStepWithTheirReason() throws Exception {
    bus.start(
        bus.factory(
            StepBus.fastSettings(),
            bus.configuration(Map.of(), "count", "explode", "missing"),
            new CountingTool(),
            new ExplodingTool()));

    bus.publish(bus.task("run-h", "a", "missing", Map.of()));
    bus.publish(bus.task("run-h", "b", "hold", Map.of()));
    bus.publish(bus.task("run-h", "c", "explode", Map.of()));
    bus.publish(bus.task("run-h", "d", null, Map.of()));

    await().atMost(WAIT).until(() -> bus.results("run-h").size() == 4);
    Map<String, StepResult> byStep = new java.util.TreeMap<>();
    bus.results("run-h").forEach(r -> byStep.put(r.step(), r));
    assertThat(byStep.values()).allMatch(r -> r.outcome() == Outcome.FAILED);
    assertThat(byStep.get("a").reason()).isEqualTo(StepExecutor.UNKNOWN_TOOL);
    assertThat(byStep.get("a").message()).contains("'missing'", "[count, explode]");
    assertThat(byStep.get("b").reason()).isEqualTo(StepExecutor.TOOL_NOT_DECLARED);
    assertThat(byStep.get("c").reason()).isEqualTo(StepExecutor.TOOL_ERROR);
    assertThat(byStep.get("c").message()).contains("boom");
    assertThat(byStep.get("d").reason()).isEqualTo(StepExecutor.NO_TOOL_NAMED);
    assertThat(bus.counter("failed")).isEqualTo(4);
  }

  @Test
  void aGracefulStopFinishesTheCurrentTaskAndReadsNoMore() throws Exception {
    HoldingTool hold = new HoldingTool();
    StepWorker worker = bus.start(bus.factory(StepBus.fastSettings(), hold));
    bus.publish(bus.task("run-i", "slow", "hold", Map.of()));
    assertThat(hold.started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Boolean> stopped =
        CompletableFuture.supplyAsync(() -> worker.stop(Duration.ofSeconds(20)));
    Thread.sleep(300);
    bus.publish(bus.task("run-i", "next", "hold", Map.of()));
    hold.release.countDown();

    assertThat(stopped.get()).isTrue();
    assertThat(worker.state()).isEqualTo(StepWorker.State.STOPPED);
    assertThat(bus.results("run-i"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.step()).isEqualTo("slow");
              assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED);
            });
    assertThat(hold.runs.get()).isEqualTo(1);
    assertThat(bus.redis.xlen(bus.tasksStream())).as("the next task waits").isEqualTo(1);
  }

  private StepResult awaitOneResult(String runUid) {
    await().atMost(WAIT).until(() -> !bus.results(runUid).isEmpty());
    return bus.results(runUid).get(0);
  }
}
