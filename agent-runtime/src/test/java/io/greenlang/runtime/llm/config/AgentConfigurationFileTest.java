package io.greenlang.runtime.llm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigurationFileTest {

  @TempDir Path directory;

  @Test
  void readsTheAgentYamlTheOperatorRendersIgnoringFieldsItDoesNotKnow() throws IOException {
    Path file = directory.resolve("agent.yaml");
    Files.writeString(
        file,
        """
        tenant: acme-steel
        agent: cbam-calculator
        namespace: gl-acme-steel
        tier: PROFESSIONAL
        regionName: eu
        region:
          code: EU
          primaryLocation: eu-central-1
          llmEndpoints:
            - name: anthropic-eu
              provider: anthropic
              url: https://api.anthropic.com
              location: eu-central-1
        tenantBudget:
          monthlyLimitUsd: "5000.00"
          allowOverage: true
          maxOveragePercent: 20
        llmTokensPerDay: 1000000
        addedByANewerOperator: true
        spec:
          dataClass: business
          llm:
            providers:
              - name: primary
                endpoint: anthropic-eu
                model: claude-sonnet-4-5
                apiKeySecretRef: {name: llm-keys, key: anthropic}
        """);

    AgentRuntimeConfiguration configuration = AgentConfigurationFile.read(file);

    assertThat(configuration.getTenant()).isEqualTo("acme-steel");
    assertThat(configuration.getRegion().getLlmEndpoints().get(0).getProvider())
        .isEqualTo(LlmProvider.ANTHROPIC);
    assertThat(configuration.getTenantBudget().monthlyLimit()).isEqualByComparingTo("5000");
    assertThat(configuration.getSpec().getDataClass()).isEqualTo(DataClass.BUSINESS);
    assertThat(configuration.getSpec().getLlm().getProviders().get(0).getApiKeySecretRef().getKey())
        .isEqualTo("anthropic");
  }

  @Test
  void namesTheFileAndTheField() throws IOException {
    Path file = directory.resolve("agent.yaml");
    Files.writeString(file, "tenant: acme\nspec:\n  dataClass: secret\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> AgentConfigurationFile.read(file))
        .withMessageContaining("greenlang.agent.configuration-file " + file)
        .withMessageContaining("dataClass");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AgentConfigurationFile.read(directory.resolve("missing.yaml")))
        .withMessageContaining("cannot be read");
  }
}
