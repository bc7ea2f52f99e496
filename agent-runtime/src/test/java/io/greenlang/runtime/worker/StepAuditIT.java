package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepResult.Outcome;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.audit.AuditRecorder;
import io.greenlang.runtime.schema.audit.AuditChainVerifier;
import io.greenlang.runtime.schema.audit.AuditEntry;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import io.greenlang.runtime.worker.TestTools.CountingTool;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every stored step result is one {@code agent.executed} entry in the tenant's audit chain,
 * appended in the transaction that stores it, by the worker connected as the tenant's login role: a
 * task delivered twice, or stored by two workers at once, is recorded once, and the chain verifies.
 */
class StepAuditIT {

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
  void aStepDeliveredTwiceIsRecordedOnceAsTheAgentsExecution() throws Exception {
    CountingTool count = new CountingTool();
    bus.start(bus.factory(StepBus.fastSettings(), count));
    StepTask task = bus.task("run-a", "double", "count", Map.of("n", "21.5"));

    bus.publish(task);
    await().atMost(WAIT).until(() -> bus.results("run-a").size() == 1);
    bus.publish(task);
    await().atMost(WAIT).until(() -> bus.results("run-a").size() == 2);
    await().atMost(WAIT).until(() -> bus.pending() == 0);

    List<AuditEntry> chain = chain();
    assertThat(chain).hasSize(1);
    AuditEntry executed = chain.get(0);
    StepResult result = bus.results("run-a").get(0);
    assertThat(executed.eventType()).isEqualTo("agent.executed");
    assertThat(executed.actor()).isEqualTo("agent:gl-" + bus.tenant + "/intake");
    assertThat(executed.target()).isEqualTo("step:" + task.taskId());
    assertThat(executed.outcome()).isEqualTo("success");
    JsonNode details = CanonicalJson.MAPPER.readTree(executed.details());
    assertThat(details.get("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(details.get("outputHash").asText()).isEqualTo(result.outputHash());
    assertThat(details.get("provenanceHash").asText()).isEqualTo(result.provenanceHash());
    assertThat(details.get("tool").asText()).isEqualTo("count");
    assertThat(details.get("pipelineRun").asText()).isEqualTo("gl-" + bus.tenant + "/run-run-a");
    assertThat(details.has("outputs")).as("outputs are not copied into the chain").isFalse();
    assertChainIntact(1);
  }

  @Test
  void aFailedStepIsRecordedAsAFailureWithItsReason() throws Exception {
    CountingTool count = new CountingTool();
    bus.start(bus.factory(StepBus.fastSettings(), count));
    StepTask late =
        bus.task("run-b", "double", 1, "count", Map.of("n", "1"), System.currentTimeMillis() - 1);

    bus.publish(late);
    await().atMost(WAIT).until(() -> bus.results("run-b").size() == 1);

    AuditEntry executed = chain().get(0);
    assertThat(executed.outcome()).isEqualTo("failure");
    assertThat(CanonicalJson.MAPPER.readTree(executed.details()).get("reason").asText())
        .isEqualTo(StepExecutor.DEADLINE_EXCEEDED);
  }

  @Test
  void twoWorkersStoringOneResultAtOnceRecordItOnce() throws Exception {
    StepResultStore store = new StepResultStore(bus.pool, new AuditRecorder(bus.meters));
    StepTask task = bus.task("run-c", "double", "count", Map.of("n", "2"));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<StoredStepResult>> stores = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String worker = "pod-" + i;
        Callable<StoredStepResult> storeOnce = () -> store.storeOnce(task, result(task, worker));
        stores.add(threads.submit(storeOnce));
      }
      List<String> workers = new ArrayList<>();
      for (Future<StoredStepResult> stored : stores) {
        workers.add(stored.get().result().worker());
      }
      assertThat(workers)
          .as("every store returns the one stored result")
          .containsOnly(workers.get(0));
    } finally {
      threads.shutdownNow();
    }

    assertThat(chain()).hasSize(1);
    assertThat(bus.storedTaskIds("run-c")).containsExactly(task.taskId());
    assertThat(bus.meters.find("greenlang.audit.entries.appended").counter().count()).isEqualTo(1);
    assertChainIntact(1);
  }

  private StoredStepResult result(StepTask task, String worker) {
    Map<String, Object> outputs = Map.of("doubled", 4);
    return new StoredStepResult(
        bus.agent,
        "count",
        null,
        new StepResult(
            task.taskId(),
            task.step(),
            task.attempt(),
            false,
            Outcome.SUCCEEDED,
            outputs,
            CanonicalJson.sha256(outputs),
            "p".repeat(64),
            0,
            "0",
            null,
            null,
            worker,
            1_000,
            2_000));
  }

  /** The tenant's chain, read as its login role. */
  private List<AuditEntry> chain() throws Exception {
    try (Connection tenant = bus.database.connect(bus.tenant)) {
      return new AuditLedgerClient().read(tenant, bus.tenant, 1, Long.MAX_VALUE, 1000);
    }
  }

  private void assertChainIntact(long entries) throws Exception {
    try (Connection tenant = bus.database.connect(bus.tenant)) {
      var verification = new AuditChainVerifier().verify(tenant, bus.tenant);
      assertThat(verification.intact()).isTrue();
      assertThat(verification.entriesChecked()).isEqualTo(entries);
    }
  }
}
