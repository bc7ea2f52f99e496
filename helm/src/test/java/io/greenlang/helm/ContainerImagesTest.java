package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * operator/ and agent-runtime/src/main/docker/Dockerfile.jvm: JVM-mode images over the Quarkus
 * fast-jar that run as the chart's non-root user and need no shell, checked without a Docker engine
 * by reading the Dockerfiles.
 */
class ContainerImagesTest {
  /** registry/path:tag or registry/path@sha256:digest. */
  private static final Pattern IMAGE =
      Pattern.compile(
          "^(?<name>[^@\\s]+?)(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>sha256:[0-9a-f]{64}))?$");

  private static final List<String> FAST_JAR_LAYERS =
      List.of(
          "target/quarkus-app/lib/ /deployments/lib/",
          "target/quarkus-app/*.jar /deployments/",
          "target/quarkus-app/app/ /deployments/app/",
          "target/quarkus-app/quarkus/ /deployments/quarkus/");

  private static Dockerfile dockerfile(String module) {
    Path repository = OperatorChart.directory().getParent().getParent();
    return Dockerfile.read(repository.resolve(module).resolve("src/main/docker/Dockerfile.jvm"));
  }

  private static Container operatorContainer() {
    return OperatorChart.render()
        .deployment()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "agent-runtime"})
  void startsFromOneBaseImagePinnedByTag(String module) {
    Matcher image = IMAGE.matcher(dockerfile(module).only("FROM").arguments());

    assertThat(image.matches()).as("FROM names one image").isTrue();
    assertThat(image.group("tag") != null || image.group("digest") != null)
        .as("pinned by tag or digest")
        .isTrue();
    assertThat(image.group("tag")).isNotEqualTo("latest");
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "agent-runtime"})
  void runsAsTheNumericNonRootUserOfTheChart(String module) {
    String user = dockerfile(module).only("USER").arguments();
    Long chartUser =
        OperatorChart.render()
            .deployment()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getSecurityContext()
            .getRunAsUser();

    assertThat(user).matches("[0-9]+(:[0-9]+)?");
    long uid = Long.parseLong(user.split(":")[0]);
    assertThat(uid).isPositive().isEqualTo(chartUser);
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "agent-runtime"})
  void startsJavaDirectlyWithoutAShell(String module) {
    Dockerfile dockerfile = dockerfile(module);
    Dockerfile.Instruction entrypoint = dockerfile.only("ENTRYPOINT");

    assertThat(entrypoint.isExecForm()).as("exec form, not shell form").isTrue();
    List<String> command = entrypoint.execArguments();
    assertThat(command.get(0)).isEqualTo("java");
    assertThat(command).endsWith("-jar", "/deployments/quarkus-run.jar").doesNotContain("-c");
    assertThat(dockerfile.all("CMD")).allSatisfy(cmd -> assertThat(cmd.isExecForm()).isTrue());
    assertThat(dockerfile.all("RUN"))
        .as("no RUN: nothing needs a shell or a package manager")
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "agent-runtime"})
  void takesJvmOptionsFromJdkJavaOptions(String module) {
    assertThat(dockerfile(module).all("ENV"))
        .anySatisfy(env -> assertThat(env.arguments()).startsWith("JDK_JAVA_OPTIONS="));
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "agent-runtime"})
  void copiesTheQuarkusFastJarLayout(String module) {
    assertThat(dockerfile(module).all("COPY"))
        .extracting(Dockerfile.Instruction::arguments)
        .containsExactlyElementsOf(FAST_JAR_LAYERS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"operator", "agent-runtime"})
  void keepsHomeInTheWritableTmpBecauseTheRootFilesystemIsReadOnly(String module) {
    assertThat(dockerfile(module).only("ENTRYPOINT").execArguments()).contains("-Duser.home=/tmp");
    assertThat(operatorContainer().getVolumeMounts())
        .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
  }

  @Test
  void exposesTheOperatorPortsTheChartUses() {
    List<String> exposed =
        Arrays.asList(dockerfile("operator").only("EXPOSE").arguments().split("\\s+"));

    assertThat(exposed)
        .containsExactlyInAnyOrderElementsOf(
            operatorContainer().getPorts().stream()
                .map(ContainerPort::getContainerPort)
                .map(String::valueOf)
                .toList());
  }

  @Test
  void exposesTheRuntimeHttpPort() {
    assertThat(dockerfile("agent-runtime").only("EXPOSE").arguments()).isEqualTo("8080");
  }
}
