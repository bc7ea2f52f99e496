package io.greenlang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.pipelinerun.StepStatus;
import io.greenlang.crds.runtime.RunProvenance;
import io.greenlang.testsupport.RedisServerAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quickstart's CBAM quarterly pipeline end to end: the operator renders the Agent's Deployment,
 * two agent-runtime pods run its steps over Redis and store them in the tenant's PostgreSQL, and
 * the run succeeds with the figures worked out by hand (docs/runtime/worker.md); and the same run
 * with a worker killed (SIGKILL) after it took a step: another replica reclaims the task after the
 * claim idle time and every step is stored exactly once.
 */
class CbamPipelineE2E extends PlatformE2ESupport {
  private static final String AGENT = "cbam-calculator";
  private static final List<String> STEPS =
      List.of("intake", "embedded-emissions", "obligation", "report");

  @BeforeAll
  static void tenantWithTheQuickstartAgent() throws Exception {
    createTenant("cbam");
    applyAgent(load("quickstart/03-agent-cbam-calculator.yaml", Agent.class));
    applySamples(
        "quickstart/04-pipeline-cbam-quarterly.yaml",
        "quickstart/05-cbam-factors-configmap.yaml",
        "quickstart/05-shipments-configmap.yaml");
    awaitPods(AGENT, 2);
  }

  @Test
  void theQuarterlyRunSucceedsWithTheFiguresWorkedOutByHand() throws Exception {
    createRun(quarterlyRun("cbam-2026-q1"));

    PipelineRun done = awaitFinished("cbam-2026-q1");

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().toString())
        .isEqualTo(RunPhase.Succeeded);
    assertThat(done.getStatus().getSteps())
        .extracting(StepStatus::getName, StepStatus::getPhase, StepStatus::getAttempts)
        .containsExactly(
            STEPS.stream()
                .map(s -> org.assertj.core.groups.Tuple.tuple(s, RunPhase.Succeeded, 1))
                .toArray(org.assertj.core.groups.Tuple[]::new));
    assertThat(done.getStatus().getProvenanceRootHash())
        .isEqualTo(
            RunProvenance.rootHash(
                done.getStatus().getSteps().stream().map(StepStatus::getProvenanceHash).toList()));

    List<StoredResults.Row> rows = storedResults(done);
    var emissions = StoredResults.succeeded(rows, "embedded-emissions");
    var obligation = StoredResults.succeeded(rows, "obligation");
    assertThat(emissions.decimal("embeddedTotalTonnes")).isEqualByComparingTo("8530.41");
    assertThat(emissions.decimal("embeddedDirectTonnes")).isEqualByComparingTo("4796.715");
    assertThat(obligation.decimal("certificates")).isEqualByComparingTo("1758.95625");
    assertThat(obligation.decimal("costEur")).isEqualByComparingTo("131921.71875");
    var report = StoredResults.succeeded(rows, "report");
    assertThat(report.outputs().get("csv").asText())
        .contains("S-003,76011000,CN,default,direct,300,1.7,10.5,510,3150,3660,510,450,");
    for (StepStatus step : done.getStatus().getSteps()) {
      assertThat(StoredResults.succeeded(rows, step.getName()).provenanceHash())
          .as("the status cites the stored result of " + step.getName())
          .isEqualTo(step.getProvenanceHash());
    }
  }

  @Test
  void aWorkerKilledAfterTakingAStepLeavesItToAnotherReplicaWhichRunsItOnce() throws Exception {
    List<String> pods = awaitPods(AGENT, 2);
    String name = "cbam-fault-" + UUID.randomUUID().toString().substring(0, 6);
    String killed;
    String survivor = null;
    if (platform.canFreeze()) {
      RedisServerAddress redis = platform.redis().orElseThrow();
      // Both workers blocked in a read with at least 10 of its 30 s left: frozen, the first read
      // in Redis's queue takes the step's task, and its worker can neither run nor give it back.
      await(
          Duration.ofSeconds(60),
          () -> {
            List<Long> ages = WorkerReads.blockedReadAges(redis, tenant);
            return ages.size() == 2 && ages.stream().allMatch(age -> age <= 20);
          },
          () ->
              "both workers blocked in XREADGROUP: " + WorkerReads.blockedReadAges(redis, tenant));
      for (String pod : pods) {
        platform.freeze(namespace, pod);
      }
      createRun(quarterlyRun(name));
      await(
          Duration.ofSeconds(20),
          () -> WorkerReads.pendingConsumer(redis, tenant, AGENT).isPresent(),
          () -> "a frozen worker took the intake task");
      String consumer = WorkerReads.pendingConsumer(redis, tenant, AGENT).orElseThrow();
      killed = pods.stream().filter(consumer::startsWith).findFirst().orElseThrow();
      survivor = pods.stream().filter(p -> !p.equals(killed)).findFirst().orElseThrow();
      platform.kill(namespace, killed);
      platform.thaw(namespace, survivor);
    } else {
      // A real cluster: kill a worker as soon as the first step is dispatched.
      createRun(quarterlyRun(name));
      awaitRun(
          name,
          r -> r.getStatus().getSteps().stream().anyMatch(s -> s.getPhase() == RunPhase.Running));
      killed = pods.get(0);
      platform.kill(namespace, killed);
    }

    PipelineRun done = awaitFinished(name);

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().toString())
        .isEqualTo(RunPhase.Succeeded);
    assertThat(done.getStatus().getSteps()).extracting(StepStatus::getAttempts).containsOnly(1);
    List<StoredResults.Row> rows = storedResults(done);
    Map<String, Long> perAttempt =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.step() + "/" + r.attempt() + (r.compensation() ? "/compensation" : ""),
                    Collectors.counting()));
    assertThat(perAttempt)
        .as("one stored result per step attempt")
        .containsOnlyKeys(STEPS.stream().map(s -> s + "/1").toArray(String[]::new))
        .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
    if (survivor != null) {
      // Taken over by whichever replica reclaimed it first: the survivor, or the killed pod's
      // replacement (which reclaims idle tasks as soon as it starts).
      String worker = StoredResults.succeeded(rows, "intake").worker();
      assertThat(worker).as("the intake step ran on another replica").doesNotStartWith(killed);
    }
    assertThat(StoredResults.succeeded(rows, "obligation").decimal("certificates"))
        .isEqualByComparingTo("1758.95625");
    // The Deployment replaced the killed pod.
    List<String> after = awaitPods(AGENT, 2);
    assertThat(after).doesNotContain(killed);
  }

  private static PipelineRun quarterlyRun(String name) throws Exception {
    PipelineRun run = load("quickstart/06-pipelinerun-cbam-2026-q1.yaml", PipelineRun.class);
    run.getMetadata().setName(name);
    run.getMetadata().setAnnotations(null);
    return run;
  }
}
