package io.greenlang.runtime.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.crds.common.SecretKeySelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyFilesTest {

  @TempDir Path secrets;

  @Test
  void readsTheMountedKeyEveryTimeSoARotationTakesEffect() throws IOException {
    Files.createDirectories(secrets.resolve("llm-keys"));
    Files.writeString(secrets.resolve("llm-keys/anthropic"), "sk-ant-first\n");
    ApiKeyFiles keys = new ApiKeyFiles(secrets);
    SecretKeySelector ref = new SecretKeySelector("llm-keys", "anthropic");

    assertThat(keys.read(ref, "spec.llm.providers[0].apiKeySecretRef")).isEqualTo("sk-ant-first");
    Files.writeString(secrets.resolve("llm-keys/anthropic"), "sk-ant-rotated");
    assertThat(keys.read(ref, "spec.llm.providers[0].apiKeySecretRef")).isEqualTo("sk-ant-rotated");
  }

  @Test
  void saysWhichFileIsMissingOrEmptyNeverWhatIsInIt() throws IOException {
    ApiKeyFiles keys = new ApiKeyFiles(secrets);

    assertThatThrownBy(
            () ->
                keys.read(
                    new SecretKeySelector("llm-keys", "openai"),
                    "spec.llm.providers[1].apiKeySecretRef"))
        .hasMessageContaining("spec.llm.providers[1].apiKeySecretRef")
        .hasMessageContaining(secrets.resolve("llm-keys/openai").toString())
        .hasMessageContaining("does not exist");
    Files.createDirectories(secrets.resolve("llm-keys"));
    Files.writeString(secrets.resolve("llm-keys/blank"), " \n");
    assertThatThrownBy(() -> keys.read(new SecretKeySelector("llm-keys", "blank"), "f"))
        .hasMessageContaining("is empty");
    assertThatThrownBy(() -> keys.read(new SecretKeySelector("..", "etc"), "f"))
        .hasMessageContaining("escapes");
  }
}
