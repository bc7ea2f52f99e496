package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * templates/webhook.yaml: the ValidatingWebhookConfiguration for Tenants and Agents, its Service,
 * and the serving certificate from Helm or from cert-manager; and what the Deployment mounts.
 */
class WebhookTemplateTest {
  private static final String SERVICE = "greenlang-operator-webhook";
  private static final String SECRET = "greenlang-operator-webhook-tls";
  private static final String CERT_DIR = "/etc/greenlang/webhook-tls";
  private static final List<String> DNS_NAMES =
      List.of(
          SERVICE,
          SERVICE + ".greenlang-system",
          SERVICE + ".greenlang-system.svc",
          SERVICE + ".greenlang-system.svc.cluster.local");

  private static ValidatingWebhookConfiguration configuration(RenderedChart chart) {
    return chart.get(ValidatingWebhookConfiguration.class, OperatorChart.RELEASE);
  }

  private static ValidatingWebhook webhook(RenderedChart chart, String name) {
    return configuration(chart).getWebhooks().stream()
        .filter(w -> w.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No webhook " + name));
  }

  private static Container operator(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static String env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }

  private static X509Certificate certificate(String base64Pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Pem)));
  }

  private static List<String> dnsNames(X509Certificate certificate) throws Exception {
    return certificate.getSubjectAlternativeNames().stream()
        .filter(san -> (Integer) san.get(0) == 2)
        .map(san -> (String) san.get(1))
        .toList();
  }

  @Test
  void validatesTenantsAndAgentsOnCreateAndUpdateFailingClosed() {
    RenderedChart chart = OperatorChart.render();

    assertThat(configuration(chart).getWebhooks())
        .extracting(ValidatingWebhook::getName)
        .containsExactly("tenants.validation.greenlang.io", "agents.validation.greenlang.io");
    for (String kind : List.of("tenants", "agents")) {
      ValidatingWebhook webhook = webhook(chart, kind + ".validation.greenlang.io");
      assertThat(webhook.getFailurePolicy()).isEqualTo("Fail");
      assertThat(webhook.getSideEffects()).isEqualTo("None");
      assertThat(webhook.getAdmissionReviewVersions()).containsExactly("v1");
      assertThat(webhook.getTimeoutSeconds()).isEqualTo(5);
      assertThat(webhook.getNamespaceSelector()).isNull();
      assertThat(webhook.getObjectSelector()).isNull();
      var service = webhook.getClientConfig().getService();
      assertThat(service.getName()).isEqualTo(SERVICE);
      assertThat(service.getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
      assertThat(service.getPath()).isEqualTo("/admission/validate/" + kind);
      assertThat(service.getPort()).isEqualTo(443);
      assertThat(webhook.getRules())
          .singleElement()
          .satisfies(
              rule -> {
                assertThat(rule.getApiGroups()).containsExactly("greenlang.io");
                assertThat(rule.getApiVersions()).containsExactly("v1alpha1");
                assertThat(rule.getOperations()).containsExactly("CREATE", "UPDATE");
                assertThat(rule.getResources()).containsExactly(kind);
              });
    }
    assertThat(webhook(chart, "tenants.validation.greenlang.io").getRules().get(0).getScope())
        .isEqualTo("Cluster");
    assertThat(webhook(chart, "agents.validation.greenlang.io").getRules().get(0).getScope())
        .isEqualTo("Namespaced");
  }

  @Test
  void routesPort443ToTheOperatorsHttpsPort() {
    RenderedChart chart = OperatorChart.render();
    Service service = chart.get(Service.class, SERVICE);

    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getPort()).isEqualTo(443);
              assertThat(port.getTargetPort().getStrVal()).isEqualTo("https");
            });
    assertThat(chart.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(operator(chart.deployment()).getPorts())
        .anySatisfy(
            port -> {
              assertThat(port.getName()).isEqualTo("https");
              assertThat(port.getContainerPort()).isEqualTo(8443);
            });
  }

  @Test
  void helmGeneratesACaAndAServingCertificateForTheServiceAndSetsTheCaBundle() throws Exception {
    RenderedChart chart = OperatorChart.render();
    Secret secret = chart.get(Secret.class, SECRET);

    assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(secret.getData()).containsOnlyKeys("tls.crt", "tls.key", "ca.crt");
    X509Certificate ca = certificate(secret.getData().get("ca.crt"));
    X509Certificate serving = certificate(secret.getData().get("tls.crt"));
    serving.verify(ca.getPublicKey());
    serving.checkValidity();
    assertThat(dnsNames(serving)).containsExactlyInAnyOrderElementsOf(DNS_NAMES);
    assertThat(new String(Base64.getDecoder().decode(secret.getData().get("tls.key"))))
        .contains("PRIVATE KEY");
    for (ValidatingWebhook webhook : configuration(chart).getWebhooks()) {
      assertThat(webhook.getClientConfig().getCaBundle()).isEqualTo(secret.getData().get("ca.crt"));
    }
    assertThat(configuration(chart).getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(chart.all(GenericKubernetesResource.class)).isEmpty();
  }

  @Test
  void anUpgradeReusesTheCertificateAlreadyInTheCluster() throws Exception {
    RenderedChart install = OperatorChart.render();
    Secret installed = install.get(Secret.class, SECRET);
    var client = LookupApiServer.client();
    client
        .secrets()
        .inNamespace(OperatorChart.NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(SECRET)
                .withNamespace(OperatorChart.NAMESPACE)
                .withAnnotations(installed.getMetadata().getAnnotations())
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withData(installed.getData())
                .build())
        .create();
    try {
      RenderedChart upgrade = OperatorChart.render();

      assertThat(upgrade.get(Secret.class, SECRET).getData()).isEqualTo(installed.getData());
      assertThat(configuration(upgrade).getWebhooks())
          .allSatisfy(
              w ->
                  assertThat(w.getClientConfig().getCaBundle())
                      .isEqualTo(installed.getData().get("ca.crt")));
      assertThat(OperatorChart.render().get(Secret.class, SECRET).getData())
          .isEqualTo(installed.getData());
    } finally {
      client.secrets().inNamespace(OperatorChart.NAMESPACE).withName(SECRET).delete();
    }
    assertThat(OperatorChart.render().get(Secret.class, SECRET).getData().get("ca.crt"))
        .as("without a Secret in the cluster a new CA is generated")
        .isNotEqualTo(installed.getData().get("ca.crt"));
  }

  @Test
  void certManagerIssuesTheCertificateAndInjectsTheCa() {
    RenderedChart chart = OperatorChart.render(Map.of("webhook.certManager.enabled", true));

    List<GenericKubernetesResource> certManager = chart.all(GenericKubernetesResource.class);
    assertThat(certManager)
        .extracting(r -> r.getApiVersion() + " " + r.getKind() + " " + r.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "cert-manager.io/v1 Issuer greenlang-operator-webhook-selfsigned",
            "cert-manager.io/v1 Certificate greenlang-operator-webhook");
    GenericKubernetesResource issuer =
        certManager.stream().filter(r -> r.getKind().equals("Issuer")).findFirst().orElseThrow();
    assertThat((Object) issuer.get("spec", "selfSigned")).isNotNull();
    GenericKubernetesResource certificate =
        certManager.stream()
            .filter(r -> r.getKind().equals("Certificate"))
            .findFirst()
            .orElseThrow();
    assertThat((String) certificate.get("spec", "secretName")).isEqualTo(SECRET);
    assertThat((List<Object>) certificate.get("spec", "dnsNames"))
        .containsExactlyElementsOf(DNS_NAMES);
    assertThat((String) certificate.get("spec", "issuerRef", "name"))
        .isEqualTo("greenlang-operator-webhook-selfsigned");

    assertThat(configuration(chart).getMetadata().getAnnotations())
        .containsEntry(
            "cert-manager.io/inject-ca-from", "greenlang-system/greenlang-operator-webhook");
    assertThat(configuration(chart).getWebhooks())
        .allSatisfy(w -> assertThat(w.getClientConfig().getCaBundle()).isNull());
    assertThat(chart.find(Secret.class, SECRET)).as("cert-manager writes the Secret").isEmpty();
    assertThat(chart.deployment().getSpec().getTemplate().getSpec().getVolumes())
        .filteredOn(v -> v.getName().equals("webhook-tls"))
        .singleElement()
        .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo(SECRET));
  }

  @Test
  void theOperatorServesTlsFromTheMountedSecret() {
    Deployment deployment = OperatorChart.render().deployment();
    Container container = operator(deployment);

    assertThat(env(container, "QUARKUS_HTTP_SSL_PORT")).isEqualTo("8443");
    assertThat(env(container, "QUARKUS_HTTP_SSL_CERTIFICATE_FILES"))
        .isEqualTo(CERT_DIR + "/tls.crt");
    assertThat(env(container, "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES"))
        .isEqualTo(CERT_DIR + "/tls.key");
    assertThat(env(container, "QUARKUS_HTTP_SSL_CERTIFICATE_RELOAD_PERIOD")).isEqualTo("1h");
    assertThat(container.getVolumeMounts())
        .anySatisfy(
            mount -> {
              assertThat(mount.getName()).isEqualTo("webhook-tls");
              assertThat(mount.getMountPath()).isEqualTo(CERT_DIR);
              assertThat(mount.getReadOnly()).isTrue();
            });
    assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
        .anySatisfy(
            volume -> {
              assertThat(volume.getName()).isEqualTo("webhook-tls");
              assertThat(volume.getSecret().getSecretName()).isEqualTo(SECRET);
              assertThat(volume.getSecret().getDefaultMode()).isEqualTo(0440);
            });
  }

  @Test
  void disabledRendersNoWebhookAndNoTlsInTheDeployment() {
    RenderedChart chart = OperatorChart.render(Map.of("webhook.enabled", false));
    Container container = operator(chart.deployment());

    assertThat(chart.all(ValidatingWebhookConfiguration.class)).isEmpty();
    assertThat(chart.find(Service.class, SERVICE)).isEmpty();
    assertThat(chart.find(Secret.class, SECRET)).isEmpty();
    assertThat(chart.all(GenericKubernetesResource.class)).isEmpty();
    assertThat(container.getPorts()).extracting("name").containsExactly("http");
    assertThat(container.getEnv()).noneMatch(e -> e.getName().startsWith("QUARKUS_HTTP_SSL"));
    assertThat(chart.deployment().getSpec().getTemplate().getSpec().getVolumes())
        .extracting("name")
        .containsExactly("tmp");
  }

  @Test
  void honoursTheFailurePolicyAndPort() {
    RenderedChart chart =
        OperatorChart.render(Map.of("webhook.failurePolicy", "Ignore", "webhook.port", 9443));

    assertThat(configuration(chart).getWebhooks())
        .allSatisfy(w -> assertThat(w.getFailurePolicy()).isEqualTo("Ignore"));
    Container container = operator(chart.deployment());
    assertThat(env(container, "QUARKUS_HTTP_SSL_PORT")).isEqualTo("9443");
    assertThat(container.getPorts())
        .anySatisfy(port -> assertThat(port.getContainerPort()).isEqualTo(9443));
    assertThat(chart.get(Service.class, SERVICE).getSpec().getPorts().get(0).getPort())
        .isEqualTo(443);
  }

  @Test
  void refusesTheSamePortForWebhookAndMetrics() {
    assertThatThrownBy(
            () ->
                OperatorChart.template().set("webhook.port", 8080).set("metrics.port", 8080).call())
        .hasMessageContaining("webhook.port must differ from metrics.port");
  }
}
