package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.audit.AuditActors;
import io.greenlang.runtime.audit.AuditLedger;
import io.greenlang.runtime.calculation.CalculationVerifications;
import io.greenlang.runtime.calculation.CatalogService;
import io.greenlang.runtime.calculation.verification.RunVerification;
import io.greenlang.runtime.catalog.TableSummary;
import io.greenlang.runtime.schema.audit.AuditEntry;
import io.greenlang.runtime.schema.audit.ChainAnchor;
import io.greenlang.runtime.worker.tools.SamplePipeline;
import io.greenlang.runtime.worker.tools.cbam.CbamQuickstart;
import io.greenlang.testsupport.TestRedis;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The quickstart's CBAM quarterly pipeline through the real runtime: the Agent of
 * samples/quickstart as the pod's configuration, its tools as CDI beans, each of the Pipeline's
 * four steps published as the operator publishes it (inputs resolved from the PipelineRun's params,
 * the ConfigMaps and the previous steps' published outputs), over Redis, results and calculations
 * in PostgreSQL as the tenant's login role. The figures are those worked out by hand ({@link
 * CbamQuickstart}); the calculation runs verify; the report cites each step's provenance hash; the
 * tenant's audit chain records each step, run and table version once, by the agent.
 */
@QuarkusTest
@WithTestResource(QuickstartAgentTestResource.class)
class CbamQuickstartIT {

  @Inject StepWorkerService service;
  @Inject CalculationVerifications verifications;
  @Inject CatalogService catalog;
  @Inject AuditLedger ledger;

  @Test
  void theQuickstartPipelineRunsOverTheBusWithTheFiguresWorkedOutByHand() throws Exception {
    String tenant = service.agent().orElseThrow().getTenant();
    String runUid = "run-" + TenantDatabase.randomHex(4);
    SamplePipeline sample = CbamQuickstart.pipeline();
    Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
    List<StepResult> results = new ArrayList<>();
    try (RedisClient client = RedisClient.create(TestRedis.server().toRedisUri());
        var connection = client.connect()) {
      RedisCommands<String, String> redis = connection.sync();
      for (PipelineStep step : sample.pipeline.getSpec().getSteps()) {
        StepTask task = task(tenant, runUid, step, sample.inputs(step.getInputs(), outputs));
        redis.xadd(
            StepStreams.tasks(tenant, step.getAgent()),
            Map.of(StepStreams.PAYLOAD_FIELD, CanonicalJson.MAPPER.writeValueAsString(task)));
        List<StepResult> published = awaitResults(redis, tenant, runUid, results.size() + 1);
        StepResult result = published.get(published.size() - 1);
        assertThat(result.outcome())
            .as(step.getName() + ": " + result.message())
            .isEqualTo(StepResult.Outcome.SUCCEEDED);
        assertThat(result.provenanceHash()).hasSize(64);
        results.add(result);
        outputs.put(step.getName(), result.outputs());
      }
    }

    Map<String, Object> emissions = outputs.get("embedded-emissions");
    assertThat(decimal(emissions, "embeddedDirectTonnes"))
        .isEqualByComparingTo(CbamQuickstart.EMBEDDED_DIRECT);
    assertThat(decimal(emissions, "embeddedIndirectTonnes"))
        .isEqualByComparingTo(CbamQuickstart.EMBEDDED_INDIRECT);
    assertThat(decimal(emissions, "freeAllocationBasisTonnes"))
        .isEqualByComparingTo(CbamQuickstart.BASIS_TOTAL);
    Map<String, Object> obligation = outputs.get("obligation");
    assertThat(decimal(obligation, "freeAllocationAdjustmentTonnes"))
        .isEqualByComparingTo(CbamQuickstart.ADJUSTMENT);
    assertThat(decimal(obligation, "certificates"))
        .isEqualByComparingTo(CbamQuickstart.CERTIFICATES);
    assertThat(decimal(obligation, "costEur")).isEqualByComparingTo(CbamQuickstart.COST);
    assertThat(obligation.get("linesChainHash")).isEqualTo(emissions.get("rootHash"));

    // The calculations are stored as the REST API stores them, and verify.
    for (String step : List.of("embedded-emissions", "obligation")) {
      UUID runId = UUID.fromString(outputs.get(step).get("calculationRunId").toString());
      RunVerification verification = verifications.verifyRun(tenant, AuditActors.RUNTIME, runId);
      assertThat(verification.verified()).as(step + " " + verification.firstFailure()).isTrue();
      assertThat(verification.recomputedRootHash()).isEqualTo(outputs.get(step).get("rootHash"));
    }
    assertThat(catalog.tables(tenant).stream().filter(t -> t.id().equals("acme-steel-cbam")))
        .as("both steps publish the same rows: one version")
        .extracting(TableSummary::version)
        .containsExactly(1);

    Map<String, Object> report = outputs.get("report");
    assertThat((String) report.get("csv"))
        .contains("S-003,76011000,CN,default,direct,300,1.7,10.5,510,3150,3660,510,450,");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sources =
        (List<Map<String, Object>>) ((Map<String, Object>) report.get("report")).get("sources");
    assertThat(sources)
        .extracting(source -> source.get("provenanceHash"))
        .containsExactlyInAnyOrder(
            results.get(0).provenanceHash(),
            results.get(1).provenanceHash(),
            results.get(2).provenanceHash());

    // The tenant's audit chain: each step's execution, each stored run and the published table,
    // all by the step's agent; the verifications above by the runtime.
    List<AuditEntry> chain = ledger.read(tenant, 1, Long.MAX_VALUE, 1000);
    String agent = "agent:" + QuickstartAgentTestResource.NAMESPACE + "/";
    assertThat(chain.stream().filter(e -> e.eventType().equals("agent.executed")))
        .extracting(AuditEntry::target)
        .containsExactlyElementsOf(results.stream().map(r -> "step:" + r.taskId()).toList());
    for (String step : List.of("embedded-emissions", "obligation")) {
      String run = "calculation-run:" + outputs.get(step).get("calculationRunId");
      assertThat(chain.stream().filter(e -> e.target().equals(run)))
          .extracting(AuditEntry::eventType)
          .containsExactly("calculation.performed", "calculation.recalculated");
      assertThat(
              chain.stream().filter(e -> e.target().equals(run)).findFirst().orElseThrow().actor())
          .startsWith(agent);
    }
    assertThat(chain.stream().filter(e -> e.target().equals("factor-table:acme-steel-cbam/1")))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).startsWith(agent));
    assertThat(ledger.verify(tenant, ChainAnchor.GENESIS).intact()).isTrue();
  }

  private static StepTask task(
      String tenant, String runUid, PipelineStep step, Map<String, Object> inputs) {
    return new StepTask(
        StepTask.taskId(runUid, step.getName(), 1, false),
        tenant,
        QuickstartAgentTestResource.NAMESPACE,
        "cbam-2026-q1",
        runUid,
        step.getName(),
        1,
        step.getAgent(),
        step.getTool(),
        inputs,
        false,
        System.currentTimeMillis() + Duration.ofMinutes(5).toMillis());
  }

  private static List<StepResult> awaitResults(
      RedisCommands<String, String> redis, String tenant, String runUid, int count) {
    String stream = StepStreams.results(tenant, runUid);
    await().atMost(Duration.ofSeconds(60)).until(() -> redis.xlen(stream) >= count);
    List<StepResult> results = new ArrayList<>();
    for (var entry : redis.xrange(stream, Range.create("-", "+"))) {
      try {
        results.add(
            CanonicalJson.MAPPER.readValue(
                entry.getBody().get(StepStreams.PAYLOAD_FIELD), StepResult.class));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return results;
  }

  private static BigDecimal decimal(Map<String, Object> outputs, String key) {
    return new BigDecimal(outputs.get(key).toString());
  }
}
