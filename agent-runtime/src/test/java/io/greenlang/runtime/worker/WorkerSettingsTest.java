package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.crds.runtime.StepTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerSettingsTest {

  @TempDir Path directory;

  @Test
  void invalidSettingsNameTheirKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkerSettings.defaults().withMaxDeliveries(0))
        .withMessage("greenlang.worker.max-deliveries must be at least 1, was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkerSettings.defaults().withBlockTimeout(Duration.ofMinutes(10)))
        .withMessageContaining("greenlang.worker.consumer-expiry must be at least 10 times");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> WorkerSettings.defaults().withReclaim(Duration.ZERO, Duration.ofSeconds(1)))
        .withMessageStartingWith("greenlang.worker.claim-idle-time must be positive");
  }

  @Test
  void tasksThatCannotBeAnsweredAreRejectedNamingTheField() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskProcessor.parse(null))
        .withMessage("the stream entry has no 'payload' field");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskProcessor.parse("[1]"))
        .withMessageStartingWith("'payload' is not a StepTask");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                TaskProcessor.parse(
                    "{\"taskId\":\"u/s/1\",\"tenant\":\"t\",\"step\":\"s\","
                        + "\"agent\":\"a\",\"attempt\":1}"))
        .withMessage("the task has no runUid");
    StepTask task =
        TaskProcessor.parse(
            "{\"taskId\":\"u/s/2\",\"tenant\":\"t\",\"runUid\":\"u\",\"step\":\"s\",\"agent\":\"a\","
                + "\"attempt\":2,\"inputs\":{\"n\":\"1.50\"},\"futureField\":true}");
    assertThat(task.attempt()).isEqualTo(2);
    assertThat(task.inputs()).containsEntry("n", "1.50");
  }

  @Test
  void toolsHaveUniqueNames() {
    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                new ToolRegistry(
                    List.of(new TestTools.CountingTool(), new TestTools.CountingTool())))
        .withMessageStartingWith("Two tools are named count");
  }

  @Test
  void theAgentConfigurationFileNamesWhatIsMissing() throws IOException {
    Path file = directory.resolve("agent.yaml");
    Files.writeString(
        file,
        """
        tenant: acme
        agent: cbam-intake
        namespace: gl-shared
        spec:
          tools:
            - name: validate-csv
              config:
                columns: "cn_code:cn-code"
          memory:
            shortTermTtlSeconds: 600
        someNewField: ignored
        """);
    var configuration = AgentConfigurationFile.read(file);
    assertThat(configuration.getAgent()).isEqualTo("cbam-intake");
    assertThat(configuration.getSpec().getTools().get(0).getConfig())
        .containsEntry("columns", "cn_code:cn-code");
    assertThat(configuration.getSpec().getMemory().getShortTermTtlSeconds()).isEqualTo(600);

    Files.writeString(file, "agent: x\n");
    assertThatThrownBy(() -> AgentConfigurationFile.read(file))
        .hasMessage("The agent configuration " + file + " has no 'tenant'");
    assertThatThrownBy(() -> AgentConfigurationFile.read(directory.resolve("absent.yaml")))
        .hasMessageStartingWith("greenlang.agent.configuration-file: no agent configuration at");
  }
}
