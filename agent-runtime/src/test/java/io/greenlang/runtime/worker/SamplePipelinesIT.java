package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipeline.StepCompensation;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepResult.Outcome;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.audit.AuditRecorder;
import io.greenlang.runtime.calculation.CalculationService;
import io.greenlang.runtime.calculation.CalculationSettings;
import io.greenlang.runtime.calculation.CatalogService;
import io.greenlang.runtime.calculation.store.TenantTransactions;
import io.greenlang.runtime.memory.AgentMemoryStore;
import io.greenlang.runtime.memory.LongTermMemory;
import io.greenlang.runtime.memory.MemoryLimits;
import io.greenlang.runtime.memory.ShortTermMemory;
import io.greenlang.runtime.worker.tools.ReportTool;
import io.greenlang.runtime.worker.tools.SamplePipeline;
import io.greenlang.runtime.worker.tools.calculation.ServiceStepCalculations;
import io.greenlang.runtime.worker.tools.calculation.StepCalculations;
import io.greenlang.runtime.worker.tools.eudr.EudrRiskScoreTool;
import io.greenlang.runtime.worker.tools.ghg.LocationBasedTool;
import io.greenlang.runtime.worker.tools.ghg.MarketBasedTool;
import io.greenlang.runtime.worker.tools.ghg.StationaryCombustionTool;
import io.greenlang.runtime.worker.tools.memory.ForgetTool;
import io.greenlang.runtime.worker.tools.memory.RememberTool;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PARALLEL and ORCHESTRATION sample pipelines through real workers over Redis and PostgreSQL,
 * each step published as the operator publishes it: the GHG inventory's three steps at once to two
 * workers; the EUDR due diligence with its {@code when} condition and the saga pair {@code
 * memory.remember} / {@code memory.forget}; and tools run twice for one task (a worker that died
 * after the tool ran) storing one calculation run and one memory entry.
 */
class SamplePipelinesIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  /** One tenant database for all tests (creating one is slow on a busy server). */
  private static StepBus bus;

  private final List<StepWorker> workers = new ArrayList<>();

  @BeforeAll
  static void tenant() throws SQLException {
    bus = new StepBus("sample-agent");
  }

  @AfterAll
  static void dropTenant() throws SQLException {
    bus.close();
  }

  @AfterEach
  void stopWorkers() {
    // The next test runs another agent's tools on the same stream.
    workers.forEach(worker -> worker.stop(Duration.ofSeconds(5)));
  }

  private void start(StepWorkerFactory factory) {
    workers.add(bus.start(factory));
  }

  @Test
  void theGhgInventoryStepsRunInParallel() throws Exception {
    SamplePipeline sample =
        SamplePipeline.load(
            "pipelines/pipeline-parallel.yaml",
            "pipelineruns/pipelinerun-ghg-2025.yaml",
            "inputs/ghg-activity-2025.yaml");
    Agent agent = SamplePipeline.agent("agents/agent-ghg-calculator.yaml");
    StepCalculations calculations = calculations();
    StepWorkerFactory factory =
        bus.factory(
            StepBus.fastSettings(),
            configuration(agent),
            new StationaryCombustionTool(calculations),
            new LocationBasedTool(calculations),
            new MarketBasedTool(calculations));
    start(factory);
    start(factory);

    for (PipelineStep step : sample.pipeline.getSpec().getSteps()) {
      bus.publish(
          task(
              "ghg",
              step.getName(),
              step.getTool(),
              sample.inputs(step.getInputs(), Map.of()),
              false));
    }
    await().atMost(WAIT).until(() -> bus.results("ghg").size() == 3);

    Map<String, StepResult> byStep = new LinkedHashMap<>();
    bus.results("ghg").forEach(result -> byStep.put(result.step(), result));
    byStep
        .values()
        .forEach(
            r ->
                assertThat(r.outcome())
                    .as(r.step() + ": " + r.message())
                    .isEqualTo(Outcome.SUCCEEDED));
    assertThat(decimal(byStep.get("scope1"), "totalCO2eTonnes")).isEqualByComparingTo("2855.40018");
    assertThat(decimal(byStep.get("scope2-location"), "co2eTonnes")).isEqualByComparingTo("500");
    assertThat(decimal(byStep.get("scope2-market"), "co2eTonnes")).isEqualByComparingTo("875");
    assertThat(runs(byStep.values())).isEqualTo(3);
    assertThat(
            count(
                "SELECT count(*) FROM greenlang.factor_tables WHERE table_id = 'nordic-paper-electricity'"))
        .as("two steps publish the same rows, maybe at once: at most one more version")
        .isBetween(1L, 2L);
  }

  @Test
  void theDueDiligenceRemembersAndItsCompensationForgets() throws Exception {
    SamplePipeline sample =
        SamplePipeline.load(
            "pipelines/pipeline-orchestration.yaml",
            "pipelineruns/pipelinerun-eudr-supplier-2048.yaml",
            "inputs/eudr-risk-scores.yaml");
    Agent agent = SamplePipeline.agent("agents/agent-autoscaled.yaml");
    start(
        bus.factory(
            StepBus.fastSettings(),
            configuration(agent),
            new EudrRiskScoreTool(calculations()),
            new RememberTool(),
            new ForgetTool(),
            new ReportTool()));
    Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();

    StepResult score = runStep(sample, "eudr", "score", outputs);
    assertThat(score.outputs()).containsEntry("level", "low");
    assertThat(sample.when(sample.step("remember-assessment"), outputs)).isTrue();
    StepResult remembered = runStep(sample, "eudr", "remember-assessment", outputs);
    long id = ((Number) remembered.outputs().get("id")).longValue();
    assertThat(memory().recall("supplier-2048", 10))
        .singleElement()
        .satisfies(entry -> assertThat(entry.id()).isEqualTo(id));
    StepResult report = runStep(sample, "eudr", "report", outputs);
    assertThat(report.outputs().get("json").toString()).contains("\"supplier\":\"2048\"");

    // The run fails later: the operator compensates the remembered step.
    StepCompensation compensation = sample.step("remember-assessment").getCompensation();
    bus.publish(
        task(
            "eudr",
            "remember-assessment",
            compensation.getTool(),
            sample.inputs(compensation.getInputs(), outputs),
            true));
    await().atMost(WAIT).until(() -> bus.results("eudr").size() == 4);
    StepResult forgotten = bus.results("eudr").get(3);
    assertThat(forgotten.compensation()).isTrue();
    assertThat(forgotten.outputs()).containsEntry("deleted", true);
    assertThat(memory().recall("supplier-2048", 10)).isEmpty();

    // Forgetting again (another attempt of the compensation) succeeds: the entry is gone.
    StepTask again =
        new StepTask(
            StepTask.taskId("eudr", "remember-assessment", 2, true),
            bus.tenant,
            "gl-nordic-paper",
            "eudr-supplier-2048",
            "eudr",
            "remember-assessment",
            2,
            bus.agent,
            ForgetTool.NAME,
            Map.of("id", id),
            true,
            0);
    bus.publish(again);
    await().atMost(WAIT).until(() -> bus.results("eudr").size() == 5);
    assertThat(bus.results("eudr").get(4).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(bus.results("eudr").get(4).outputs()).containsEntry("deleted", false);
  }

  @Test
  void toolsRunTwiceForOneTaskStoreOneCalculationAndOneMemoryEntry() throws Exception {
    Agent agent = SamplePipeline.agent("agents/agent-autoscaled.yaml");
    StepCalculations calculations = calculations();
    EudrRiskScoreTool score = new EudrRiskScoreTool(calculations);
    RememberTool remember = new RememberTool();
    start(bus.factory(StepBus.fastSettings(), configuration(agent), score, remember));
    Map<String, Object> scoreInputs =
        Map.of(
            "commodity",
            "wood",
            "scores",
            SamplePipeline.load(
                    "pipelines/pipeline-orchestration.yaml",
                    "pipelineruns/pipelinerun-eudr-supplier-2048.yaml",
                    "inputs/eudr-risk-scores.yaml")
                .inputs(Map.of("s", "${inputs.riskScores}"), Map.of())
                .get("s"));
    StepTask scoreTask = task("twice", "score", EudrRiskScoreTool.NAME, scoreInputs, false);
    StepTask rememberTask =
        task(
            "twice",
            "remember",
            RememberTool.NAME,
            Map.of("content", "assessed", "conversation", "c-1"),
            false);
    // As a worker that ran the tools and died before storing their results.
    ToolContext direct = new ToolContext(scoreTask, Map.of(), memoryStore(), List::of);
    ToolResult first = score.execute(scoreInputs, direct);
    ToolResult firstMemory =
        remember.execute(
            rememberTask.inputs(),
            new ToolContext(rememberTask, Map.of(), memoryStore(), List::of));

    bus.publish(scoreTask);
    bus.publish(rememberTask);
    await().atMost(WAIT).until(() -> bus.results("twice").size() == 2);

    StepResult scored = bus.results("twice").get(0);
    assertThat(scored.outputs().get("calculationRunId"))
        .isEqualTo(first.outputs().get("calculationRunId"));
    assertThat(scored.provenanceHash()).isEqualTo(first.provenanceHash());
    assertThat(runs(List.of(scored))).isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM greenlang.calculation_results WHERE run_id = '"
                    + scored.outputs().get("calculationRunId")
                    + "'"))
        .isEqualTo(1);
    StepResult remembered = bus.results("twice").get(1);
    assertThat(((Number) remembered.outputs().get("id")).longValue())
        .isEqualTo(firstMemory.outputs().get("id"));
    assertThat(memory().recall("c-1", 10)).hasSize(1);
  }

  private StepResult runStep(
      SamplePipeline sample, String runUid, String name, Map<String, Map<String, Object>> outputs) {
    PipelineStep step = sample.step(name);
    int before = bus.results(runUid).size();
    bus.publish(
        task(runUid, name, step.getTool(), sample.inputs(step.getInputs(), outputs), false));
    await().atMost(WAIT).until(() -> bus.results(runUid).size() > before);
    StepResult result = bus.results(runUid).get(before);
    assertThat(result.outcome()).as(name + ": " + result.message()).isEqualTo(Outcome.SUCCEEDED);
    outputs.put(name, result.outputs());
    return result;
  }

  private StepTask task(
      String runUid, String step, String tool, Map<String, Object> inputs, boolean compensation) {
    return new StepTask(
        StepTask.taskId(runUid, step, 1, compensation),
        bus.tenant,
        "gl-nordic-paper",
        "run-" + runUid,
        runUid,
        step,
        1,
        bus.agent,
        tool,
        inputs,
        compensation,
        0);
  }

  private AgentRuntimeConfiguration configuration(Agent agent) {
    AgentSpec spec = agent.getSpec();
    spec.setTenant(bus.tenant);
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant(bus.tenant);
    configuration.setAgent(bus.agent);
    configuration.setSpec(spec);
    return configuration;
  }

  private StepCalculations calculations() {
    TenantTransactions transactions = new TenantTransactions(bus.pool);
    CalculationSettings settings = settings();
    AuditRecorder audit = new AuditRecorder(bus.meters);
    return new ServiceStepCalculations(
        new CalculationService(transactions, settings, "test", audit),
        new CatalogService(transactions, audit),
        settings);
  }

  private LongTermMemory memory() {
    return new LongTermMemory(bus.pool, bus.tenant, bus.agent, MemoryLimits.of(null));
  }

  private AgentMemoryStore memoryStore() {
    MemoryLimits limits = MemoryLimits.of(null);
    return new AgentMemoryStore(
        new ShortTermMemory(bus.connection, bus.tenant, bus.agent, limits, Clock.systemUTC()),
        memory(),
        limits);
  }

  /** Stored calculation runs named by the results' outputs. */
  private long runs(Collection<StepResult> results) throws SQLException {
    String ids =
        results.stream()
            .map(r -> "'" + r.outputs().get("calculationRunId") + "'")
            .collect(Collectors.joining(","));
    return count("SELECT count(*) FROM greenlang.calculation_runs WHERE run_id IN (" + ids + ")");
  }

  private long count(String sql) throws SQLException {
    try (Connection admin = bus.database.admin();
        PreparedStatement query = admin.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static BigDecimal decimal(StepResult result, String output) {
    return new BigDecimal(result.outputs().get(output).toString());
  }

  private static CalculationSettings settings() {
    return new CalculationSettings() {
      @Override
      public Batch batch() {
        return new Batch() {
          @Override
          public int maxReportedErrors() {
            return 1000;
          }

          @Override
          public boolean parallel() {
            return false;
          }
        };
      }

      @Override
      public int maxJsonLines() {
        return 10_000;
      }

      @Override
      public int maxPageSize() {
        return 1000;
      }
    };
  }
}
