package io.greenlang.operator.pipelinerun;

import static io.greenlang.operator.pipeline.PipelineSpecs.spec;
import static io.greenlang.operator.pipeline.PipelineSpecs.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.pipeline.ConcurrencyPolicy;
import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.WorkflowPattern;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.tenant.QuotaOverrides;
import io.greenlang.testsupport.bus.StepTaskResponder.Reply;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tenant's concurrent-run quota and the Pipeline's concurrency policy: runs beyond the quota
 * queue and start, oldest first, when a slot frees; under Forbid a run of the same Pipeline waits
 * for the one running; Replace cancels the older run.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineRunQueueIT {
  private PipelineRunFixtures fixtures;
  private CountDownLatch release;

  @BeforeAll
  void setUp() {
    fixtures = new PipelineRunFixtures(MockKubernetesApiResource.api().client());
  }

  @BeforeEach
  void holdFirstTask() {
    release = new CountDownLatch(1);
  }

  @AfterEach
  void stopResponders() {
    release.countDown();
    fixtures.closeResponders();
  }

  @AfterAll
  void tearDown() throws Exception {
    fixtures.close();
  }

  private static PipelineSpec single(ConcurrencyPolicy policy) {
    return single(policy, "worker");
  }

  private static PipelineSpec single(ConcurrencyPolicy policy, String agent) {
    PipelineSpec spec = spec(WorkflowPattern.SINGLE, step("work", agent));
    spec.setConcurrencyPolicy(policy);
    return spec;
  }

  /** The first task waits until the test releases it; the others answer at once. */
  private Reply held() {
    try {
      release.await(PipelineRunFixtures.WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Reply.succeed(Map.of("done", true));
  }

  private static Condition succeeded(PipelineRun run) {
    return run.getStatus().condition(PipelineRunStatus.SUCCEEDED).orElseThrow();
  }

  private static boolean phase(PipelineRun run, RunPhase phase) {
    return run.getStatus() != null && run.getStatus().getPhase() == phase;
  }

  @Test
  void runsBeyondTheTenantsQuotaQueueAndStartOldestFirstWhenASlotFrees() throws Exception {
    String tenant =
        fixtures.readyTenant(
            "small",
            spec -> {
              QuotaOverrides quotas = new QuotaOverrides();
              quotas.setConcurrentRuns(1);
              spec.setQuotas(quotas);
            });
    String namespace = "gl-" + tenant;
    fixtures.agent(namespace, "worker", "report");
    fixtures.pipeline(namespace, "report-a", single(ConcurrencyPolicy.Allow));
    fixtures.pipeline(namespace, "report-b", single(ConcurrencyPolicy.Allow));
    fixtures.responder(
        tenant,
        "worker",
        task -> task.pipelineRun().equals("first") ? held() : Reply.succeed(Map.of()));
    PipelineRun first = fixtures.run(namespace, "first", "report-a", Map.of());
    fixtures.awaitRun(first, r -> phase(r, RunPhase.Running));
    Thread.sleep(1100); // creation times have a one-second resolution: keep the order visible
    PipelineRun second = fixtures.run(namespace, "second", "report-b", Map.of());
    Thread.sleep(1100);
    PipelineRun third = fixtures.run(namespace, "third", "report-a", Map.of());

    PipelineRun queued = fixtures.awaitRun(second, r -> phase(r, RunPhase.Queued));
    fixtures.awaitRun(third, r -> phase(r, RunPhase.Queued));
    assertThat(succeeded(queued).getReason()).isEqualTo("TenantConcurrencyLimit");
    assertThat(succeeded(queued).getMessage())
        .isEqualTo(
            "tenant "
                + tenant
                + " has 1 of 1 concurrent runs (quota concurrentRuns); 0 queued before this one");
    assertThat(fixtures.events(queued)).extracting(Event::getReason).contains("RunQueued");

    release.countDown();

    PipelineRun secondDone = fixtures.awaitRun(second, r -> phase(r, RunPhase.Succeeded));
    PipelineRun thirdDone = fixtures.awaitRun(third, r -> phase(r, RunPhase.Succeeded));
    assertThat(RunTimes.parse(thirdDone.getStatus().getStartTime()))
        .as("FIFO: the second starts before the third")
        .isAfterOrEqualTo(RunTimes.parse(secondDone.getStatus().getCompletionTime()));
  }

  @Test
  void forbidQueuesARunOfTheSamePipelineWhileOneRuns() {
    String tenant = fixtures.readyTenant("forbid", spec -> {});
    String namespace = "gl-" + tenant;
    fixtures.agent(namespace, "worker", "report");
    fixtures.pipeline(namespace, "quarterly", single(ConcurrencyPolicy.Forbid));
    fixtures.agent(namespace, "other-worker", "report");
    fixtures.pipeline(namespace, "other", single(ConcurrencyPolicy.Forbid, "other-worker"));
    fixtures.responder(tenant, "other-worker", task -> Reply.succeed(Map.of()));
    fixtures.responder(
        tenant,
        "worker",
        task -> task.pipelineRun().equals("q1") ? held() : Reply.succeed(Map.of()));
    PipelineRun q1 = fixtures.run(namespace, "q1", "quarterly", Map.of());
    fixtures.awaitRun(q1, r -> phase(r, RunPhase.Running));

    PipelineRun q2 = fixtures.run(namespace, "q2", "quarterly", Map.of());
    PipelineRun unrelated = fixtures.run(namespace, "unrelated", "other", Map.of());

    PipelineRun waiting = fixtures.awaitRun(q2, r -> phase(r, RunPhase.Queued));
    assertThat(succeeded(waiting).getReason()).isEqualTo("WaitingForRun");
    assertThat(succeeded(waiting).getMessage())
        .isEqualTo(
            "Pipeline " + namespace + "/quarterly forbids concurrent runs: waiting for run q1");
    fixtures.awaitRun(unrelated, r -> phase(r, RunPhase.Succeeded));

    release.countDown();

    fixtures.awaitRun(q2, r -> phase(r, RunPhase.Succeeded));
  }

  @Test
  void replaceCancelsTheOlderRun() {
    String tenant = fixtures.readyTenant("replace", spec -> {});
    String namespace = "gl-" + tenant;
    fixtures.agent(namespace, "worker", "report");
    fixtures.pipeline(namespace, "latest-only", single(ConcurrencyPolicy.Replace));
    fixtures.responder(
        tenant,
        "worker",
        task -> task.pipelineRun().equals("old") ? Reply.never() : Reply.succeed(Map.of()));
    PipelineRun old = fixtures.run(namespace, "old", "latest-only", Map.of());
    fixtures.awaitRun(old, r -> phase(r, RunPhase.Running));

    PipelineRun fresh = fixtures.run(namespace, "fresh", "latest-only", Map.of());

    PipelineRun cancelled = fixtures.awaitRun(old, r -> phase(r, RunPhase.Cancelled));
    assertThat(succeeded(cancelled).getMessage())
        .isEqualTo("replaced by run fresh (concurrencyPolicy Replace)");
    fixtures.awaitRun(fresh, r -> phase(r, RunPhase.Succeeded));
  }
}
