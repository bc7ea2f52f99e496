package io.greenlang.sandbox.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mount paths of a pod translated to the pod's folder, for files and for env values. */
class PodFilesystemTest {
  @TempDir Path pod;

  @Test
  void pathsUnderAMountOrHoldingMountsAreTranslatedOthersAreNot() throws Exception {
    var container =
        new ContainerBuilder()
            .withName("agent-runtime")
            .addNewVolumeMount()
            .withName("tmp")
            .withMountPath("/tmp")
            .endVolumeMount()
            .addNewVolumeMount()
            .withName("keys")
            .withMountPath("/var/run/greenlang/secrets/llm-keys")
            .endVolumeMount()
            .build();
    var spec =
        new PodSpecBuilder()
            .addNewVolume()
            .withName("tmp")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .addNewVolume()
            .withName("keys")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .build();

    PodFilesystem files = new PodFilesystem(pod).materialize(spec, container, null);

    Path root = pod.resolve("root");
    assertThat(files.translate("/tmp/x.csv")).isEqualTo(root.resolve("tmp/x.csv").toString());
    assertThat(files.translate("/var/run/greenlang/secrets"))
        .as("the folder that holds the mounted Secrets")
        .isEqualTo(root.resolve("var/run/greenlang/secrets").toString());
    assertThat(files.translate("/etc/passwd")).isEqualTo("/etc/passwd");
    assertThat(files.translate("redis://host:6379")).isEqualTo("redis://host:6379");
    assertThat(files.translate("/")).isEqualTo("/");
    assertThat(Files.isDirectory(root.resolve("var/run/greenlang/secrets/llm-keys"))).isTrue();
    assertThat(files.temporaryDirectory()).isEqualTo(root.resolve("tmp"));
  }
}
