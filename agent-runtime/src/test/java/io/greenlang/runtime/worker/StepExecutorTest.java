package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.runtime.StepResult.Outcome;
import io.greenlang.crds.runtime.StepTask;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StepExecutorTest {

  private static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final AtomicReference<ToolContext> seen = new AtomicReference<>();

  private final AgentTool echoLength =
      new AgentTool() {
        @Override
        public String name() {
          return "length";
        }

        @Override
        public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
          seen.set(context);
          return new ToolResult(
              Map.of("length", inputs.get("text").toString().length()),
              null,
              "f".repeat(64),
              120,
              new BigDecimal("0.0042"));
        }
      };

  @Test
  void runsTheNamedDeclaredToolWithItsSettingsAndHashesTheOutputs() {
    StoredStepResult result =
        executor(Map.of("length", Map.of("mode", "strict")))
            .run(task("length", Map.of("text", "hello"), 0), "pod-1");

    assertThat(result.result().outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.result().outputs()).containsEntry("length", 5);
    assertThat(result.result().outputHash()).isEqualTo(CanonicalJson.sha256(Map.of("length", 5)));
    assertThat(result.result().tokens()).isEqualTo(120);
    assertThat(result.result().costUsd()).isEqualTo("0.0042");
    assertThat(result.result().startedEpochMillis()).isEqualTo(NOW.toEpochMilli());
    assertThat(result.tool()).isEqualTo("length");
    assertThat(seen.get().toolConfig()).containsEntry("mode", "strict");
    assertThat(seen.get().setting("missing", "fallback")).isEqualTo("fallback");
  }

  @Test
  void withoutAToolNameTheAgentsOnlyToolRuns() {
    assertThat(
            executor(Map.of("length", Map.of()))
                .run(task(null, Map.of("text", "abc"), 0), "pod-1")
                .result()
                .outputs())
        .containsEntry("length", 3);
  }

  @Test
  void aTaskWhoseDeadlinePassedIsNotStarted() {
    StoredStepResult result =
        executor(Map.of("length", Map.of()))
            .run(task("length", Map.of("text", "x"), NOW.toEpochMilli()), "pod-1");

    assertThat(result.result().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.result().reason()).isEqualTo(StepExecutor.DEADLINE_EXCEEDED);
    assertThat(result.result().message())
        .isEqualTo(
            "the deadline 2026-04-01T10:00:00Z had passed when worker pod-1 received the task;"
                + " it was not started");
    assertThat(seen.get()).isNull();
  }

  @Test
  void aStepFailureKeepsItsReasonAndOutputs() {
    AgentTool refusing =
        new AgentTool() {
          @Override
          public String name() {
            return "refuse";
          }

          @Override
          public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
            throw new StepFailure("InvalidInput", "input 'x' is missing", Map.of("checked", 0));
          }
        };
    StepExecutor executor =
        new StepExecutor(
            agent(Map.of("refuse", Map.of())),
            new ToolRegistry(List.of(refusing)),
            null,
            null,
            clock);

    StoredStepResult result = executor.run(task("refuse", Map.of(), 0), "pod-1");

    assertThat(result.result().reason()).isEqualTo("InvalidInput");
    assertThat(result.result().message()).isEqualTo("input 'x' is missing");
    assertThat(result.result().outputs()).containsEntry("checked", 0);
  }

  @Test
  void deadLetteredResultsNameTheDeliveries() {
    StoredStepResult result =
        executor(Map.of()).deadLettered(task("length", Map.of(), 0), "pod-2", 6, 5);
    assertThat(result.result().outcome()).isEqualTo(Outcome.DEAD_LETTERED);
    assertThat(result.result().message()).startsWith("delivered 6 times");
  }

  private StepExecutor executor(Map<String, Map<String, String>> declared) {
    return new StepExecutor(
        agent(declared), new ToolRegistry(List.of(echoLength)), null, null, clock);
  }

  private static AgentRuntimeConfiguration agent(Map<String, Map<String, String>> declared) {
    AgentSpec spec = new AgentSpec();
    declared.forEach(
        (name, settings) -> {
          io.greenlang.crds.agent.AgentTool tool = new io.greenlang.crds.agent.AgentTool(name);
          tool.getConfig().putAll(settings);
          spec.getTools().add(tool);
        });
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant("acme");
    configuration.setAgent("agent");
    configuration.setSpec(spec);
    return configuration;
  }

  private static StepTask task(String tool, Map<String, Object> inputs, long deadline) {
    return new StepTask(
        "uid/s/1", "acme", "ns", "run", "uid", "s", 1, "agent", tool, inputs, false, deadline);
  }
}
