package io.greenlang.runtime.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.crds.common.SecretKeySelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

  @TempDir Path secrets;

  @Test
  void readsTheMountedKeyEveryTimeSoARotationTakesEffect() throws IOException {
    Files.createDirectories(secrets.resolve("llm-keys"));
    Files.writeString(secrets.resolve("llm-keys/anthropic"), "sk-ant-first\n");
    ApiKeys keys = new ApiKeys(secrets, name -> null);
    SecretKeySelector ref = new SecretKeySelector("llm-keys", "anthropic");

    assertThat(keys.read(ref, "spec.llm.providers[0].apiKeySecretRef")).isEqualTo("sk-ant-first");
    Files.writeString(secrets.resolve("llm-keys/anthropic"), "sk-ant-rotated");
    assertThat(keys.read(ref, "spec.llm.providers[0].apiKeySecretRef")).isEqualTo("sk-ant-rotated");
  }

  @Test
  void fallsBackToTheSecretsEnvironmentVariable() {
    SecretKeySelector ref = new SecretKeySelector("llm-keys", "azure.primary");
    ApiKeys keys =
        new ApiKeys(secrets, Map.of("GL_SECRET_LLM_KEYS_AZURE_PRIMARY", "key-from-env\n")::get);

    assertThat(ApiKeys.variableName(ref)).isEqualTo("GL_SECRET_LLM_KEYS_AZURE_PRIMARY");
    assertThat(keys.read(ref, "f")).isEqualTo("key-from-env");
  }

  @Test
  void saysWhereItLookedNeverWhatItFound() throws IOException {
    ApiKeys keys = new ApiKeys(secrets, name -> null);

    assertThatThrownBy(
            () ->
                keys.read(
                    new SecretKeySelector("llm-keys", "openai"),
                    "spec.llm.providers[1].apiKeySecretRef"))
        .hasMessageContaining("spec.llm.providers[1].apiKeySecretRef")
        .hasMessageContaining(secrets.resolve("llm-keys/openai").toString())
        .hasMessageContaining("GL_SECRET_LLM_KEYS_OPENAI");
    Files.createDirectories(secrets.resolve("llm-keys"));
    Files.writeString(secrets.resolve("llm-keys/blank"), " \n");
    assertThatThrownBy(() -> keys.read(new SecretKeySelector("llm-keys", "blank"), "f"))
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> keys.read(new SecretKeySelector("..", "etc"), "f"))
        .hasMessageContaining("escapes");
  }
}
