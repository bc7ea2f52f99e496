package io.greenlang.operator.agent.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config hash changes with any ConfigMap or Secret data and with nothing else. */
class AgentConfigHashTest {
  private static final ConfigMap CONFIG =
      new ConfigMapBuilder().addToData("agent.yaml", "tenant: acme\n").build();

  private static Secret secret(String key, String value) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName("s")
        .withResourceVersion("1")
        .endMetadata()
        .addToData(key, value)
        .build();
  }

  @Test
  void isStableAndIndependentOfMetadata() {
    String first = AgentConfigHash.of(CONFIG, Map.of("creds", secret("pw", "YQ==")));
    Secret sameData = secret("pw", "YQ==");
    sameData.getMetadata().setResourceVersion("99");

    assertThat(AgentConfigHash.of(CONFIG, Map.of("creds", sameData))).isEqualTo(first);
    assertThat(first).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void changesWhenASecretValueChanges() {
    String before = AgentConfigHash.of(CONFIG, Map.of("creds", secret("pw", "YQ==")));

    assertThat(AgentConfigHash.of(CONFIG, Map.of("creds", secret("pw", "Yg=="))))
        .isNotEqualTo(before);
    assertThat(AgentConfigHash.of(CONFIG, Map.of("creds", secret("pw2", "YQ=="))))
        .isNotEqualTo(before);
    assertThat(
            AgentConfigHash.of(
                CONFIG, Map.of("creds", secret("pw", "YQ=="), "llm-key", secret("k", "eA=="))))
        .isNotEqualTo(before);
  }

  @Test
  void changesWhenTheConfigurationChanges() {
    Map<String, Secret> secrets = Map.of("creds", secret("pw", "YQ=="));
    ConfigMap other = new ConfigMapBuilder().addToData("agent.yaml", "tenant: acme2\n").build();

    assertThat(AgentConfigHash.of(other, secrets))
        .isNotEqualTo(AgentConfigHash.of(CONFIG, secrets));
  }

  @Test
  void keyAndValueBoundariesMatter() {
    assertThat(AgentConfigHash.of(CONFIG, Map.of("s", secret("ab", "c"))))
        .isNotEqualTo(AgentConfigHash.of(CONFIG, Map.of("s", secret("a", "bc"))));
  }
}
