package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** templates/deployment.yaml: the operator pod, with default and with non-default values. */
class OperatorDeploymentTemplateTest {

  private static PodSpec podSpec(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec();
  }

  private static Container operatorContainer(Deployment deployment) {
    assertThat(podSpec(deployment).getContainers()).hasSize(1);
    return podSpec(deployment).getContainers().get(0);
  }

  private static Optional<EnvVar> env(Container container, String name) {
    return container.getEnv().stream().filter(env -> env.getName().equals(name)).findFirst();
  }

  private static String envValue(Container container, String name) {
    return env(container, name)
        .map(EnvVar::getValue)
        .orElseThrow(() -> new AssertionError("No env " + name + " in " + container.getEnv()));
  }

  @Test
  void podMeetsTheRestrictedPodSecurityProfile() {
    Deployment deployment = OperatorChart.render().deployment();
    var pod = podSpec(deployment).getSecurityContext();
    var container = operatorContainer(deployment).getSecurityContext();

    assertThat(pod.getRunAsNonRoot()).isTrue();
    assertThat(pod.getRunAsUser()).isEqualTo(1001L);
    assertThat(pod.getFsGroup()).isEqualTo(1001L);
    assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
  }

  @Test
  void mountsAWritableTmpBecauseTheRootFilesystemIsReadOnly() {
    Deployment deployment = OperatorChart.render().deployment();

    assertThat(podSpec(deployment).getVolumes())
        .filteredOn(volume -> volume.getName().equals("tmp"))
        .singleElement()
        .satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
    assertThat(operatorContainer(deployment).getVolumeMounts())
        .filteredOn(mount -> mount.getName().equals("tmp"))
        .singleElement()
        .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
  }

  @Test
  void probesTheQuarkusHealthEndpointsOnTheHttpPort() {
    Container container = operatorContainer(OperatorChart.render().deployment());

    assertThat(container.getPorts())
        .filteredOn(port -> port.getName().equals("http"))
        .singleElement()
        .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8080));
    assertProbe(container.getLivenessProbe(), "/q/health/live");
    assertProbe(container.getReadinessProbe(), "/q/health/ready");
    assertProbe(container.getStartupProbe(), "/q/health/started");
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).as("probe for %s", path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  @Test
  void configuresQuarkusThroughEnvironmentByDefault() {
    Container container = operatorContainer(OperatorChart.render().deployment());

    assertThat(envValue(container, "QUARKUS_HTTP_PORT")).isEqualTo("8080");
    assertThat(envValue(container, "QUARKUS_LOG_LEVEL")).isEqualTo("INFO");
    assertThat(envValue(container, "QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("false");
    assertThat(envValue(container, "QUARKUS_OPERATOR_SDK_NAMESPACES"))
        .isEqualTo("JOSDK_ALL_NAMESPACES");
  }

  @Test
  void passesTheOwnNamespaceFromTheDownwardApi() {
    Container container = operatorContainer(OperatorChart.render().deployment());

    EnvVar namespace = env(container, "GL_OPERATOR_NAMESPACE").orElseThrow();
    assertThat(namespace.getValue()).isNull();
    assertThat(namespace.getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
  }

  @Test
  void defaultsTheImageTagToTheChartAppVersion() {
    Container container = operatorContainer(OperatorChart.render().deployment());

    assertThat(container.getImage()).isEqualTo("ghcr.io/greenlang/greenlang-operator:0.1.0");
    assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
  }

  @Test
  void runsOneReplicaWithDefaultResourcesAndItsServiceAccountToken() {
    Deployment deployment = OperatorChart.render().deployment();
    var resources = operatorContainer(deployment).getResources();

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
    assertThat(resources.getRequests())
        .containsEntry("cpu", new Quantity("250m"))
        .containsEntry("memory", new Quantity("512Mi"));
    assertThat(resources.getLimits())
        .containsEntry("cpu", new Quantity("1"))
        .containsEntry("memory", new Quantity("1Gi"));
    assertThat(podSpec(deployment).getServiceAccountName()).isEqualTo("greenlang-operator");
    assertThat(podSpec(deployment).getAutomountServiceAccountToken()).isTrue();
  }

  @Test
  void selectorMatchesThePodLabels() {
    Deployment deployment = OperatorChart.render(Map.of("podLabels.team", "platform")).deployment();
    var podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

    assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(podLabels)
        .containsEntry("app.kubernetes.io/name", "greenlang-operator")
        .containsEntry("app.kubernetes.io/instance", OperatorChart.RELEASE)
        .containsEntry("app.kubernetes.io/managed-by", "Helm")
        .containsEntry("helm.sh/chart", "greenlang-operator-0.1.0")
        .containsEntry("team", "platform");
  }

  @Test
  void joinsWatchedNamespacesWithCommas() {
    Container container =
        operatorContainer(
            OperatorChart.render(
                    Map.of(
                        "operator.watchNamespaces[0]", "gl-acme",
                        "operator.watchNamespaces[1]", "gl-globex",
                        "operator.watchNamespaces[2]", "shared"))
                .deployment());

    assertThat(envValue(container, "QUARKUS_OPERATOR_SDK_NAMESPACES"))
        .isEqualTo("gl-acme,gl-globex,shared");
  }

  @Test
  void switchesToJsonLogsAndTheRequestedLevel() {
    Container container =
        operatorContainer(
            OperatorChart.render(Map.of("operator.logFormat", "json", "operator.logLevel", "WARN"))
                .deployment());

    assertThat(envValue(container, "QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("true");
    assertThat(envValue(container, "QUARKUS_LOG_LEVEL")).isEqualTo("WARN");
  }

  @Test
  void honoursReplicaCountAndImageOverrides() {
    Deployment deployment =
        OperatorChart.render(
                Map.of(
                    "replicaCount", 3,
                    "image.repository", "registry.example.com/greenlang-operator",
                    "image.tag", "0.2.0",
                    "image.pullPolicy", "Always"))
            .deployment();
    Container container = operatorContainer(deployment);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(container.getImage()).isEqualTo("registry.example.com/greenlang-operator:0.2.0");
    assertThat(container.getImagePullPolicy()).isEqualTo("Always");
  }

  @Test
  void movesTheHttpPortEverywhereWhenMetricsPortChanges() {
    RenderedChart chart = OperatorChart.render(Map.of("metrics.port", 9090));
    Container container = operatorContainer(chart.deployment());

    assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(9090);
    assertThat(envValue(container, "QUARKUS_HTTP_PORT")).isEqualTo("9090");
    assertThat(chart.service().getSpec().getPorts().get(0).getPort()).isEqualTo(9090);
  }

  @Test
  void appliesSchedulingPullSecretsAndPodMetadataFromAValuesFile() {
    Deployment deployment =
        OperatorChart.render(OperatorChart.testResource("values/non-default.yaml")).deployment();
    PodSpec pod = podSpec(deployment);

    assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(
            toleration -> {
              assertThat(toleration.getKey()).isEqualTo("greenlang.io/control-plane");
              assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
            });
    assertThat(pod.getAffinity().getPodAntiAffinity()).isNotNull();
    assertThat(pod.getImagePullSecrets())
        .singleElement()
        .satisfies(secret -> assertThat(secret.getName()).isEqualTo("registry-credentials"));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true");
    assertThat(operatorContainer(deployment).getResources().getLimits())
        .containsEntry("memory", new Quantity("2Gi"));
  }

  @Test
  void omitsOptionalPodFieldsByDefault() {
    Deployment deployment = OperatorChart.render().deployment();
    PodSpec pod = podSpec(deployment);

    assertThat(pod.getNodeSelector()).isNullOrEmpty();
    assertThat(pod.getTolerations()).isNullOrEmpty();
    assertThat(pod.getAffinity()).isNull();
    assertThat(pod.getImagePullSecrets()).isNullOrEmpty();
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).isNullOrEmpty();
  }
}
