package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * templates/webhook.yaml: the Helm-generated certificate records its expiry on the Secret, and an
 * upgrade renews it only when it comes within {@code webhook.certificate.renewBeforeDays} of it. An
 * upgrade is a render while the Secret of an earlier install is in the lookup API server.
 */
class WebhookCertificateRotationTest {
  private static final String SECRET = "greenlang-operator-webhook-tls";
  private static final String NOT_AFTER = "greenlang.io/certificate-not-after";
  private static final Duration DAY = Duration.ofDays(1);

  private static Secret secret(RenderedChart chart) {
    return chart.get(Secret.class, SECRET);
  }

  private static List<X509Certificate> certificates(String base64Pem) throws Exception {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(Base64.getDecoder().decode(base64Pem)))
        .stream()
        .map(X509Certificate.class::cast)
        .toList();
  }

  private static X509Certificate serving(Secret secret) throws Exception {
    return certificates(secret.getData().get("tls.crt")).get(0);
  }

  private static Instant recordedExpiry(Secret secret) {
    return Instant.parse(secret.getMetadata().getAnnotations().get(NOT_AFTER));
  }

  /** The Secret of an earlier install, stored with the given expiry annotation (null: none). */
  private static Secret installedExpiringAt(Instant notAfter) {
    Secret installed = secret(OperatorChart.render());
    var builder =
        new SecretBuilder()
            .withNewMetadata()
            .withName(SECRET)
            .withNamespace(OperatorChart.NAMESPACE)
            .endMetadata()
            .withType("kubernetes.io/tls")
            .withData(installed.getData());
    if (notAfter != null) {
      builder
          .editMetadata()
          .addToAnnotations(NOT_AFTER, notAfter.truncatedTo(ChronoUnit.SECONDS).toString())
          .endMetadata();
    }
    return builder.build();
  }

  /** Renders the chart while {@code stored} is in the cluster, then removes it again. */
  private static RenderedChart upgradeWith(Secret stored, Map<String, ?> sets) {
    var secrets = LookupApiServer.client().secrets().inNamespace(OperatorChart.NAMESPACE);
    secrets.resource(stored).create();
    try {
      return OperatorChart.render(sets);
    } finally {
      secrets.withName(SECRET).delete();
    }
  }

  @Test
  void recordsTheExpiryOfANewCertificateOnTheSecret() throws Exception {
    Secret secret = secret(OperatorChart.render());

    Instant certificateExpiry = serving(secret).getNotAfter().toInstant();
    assertThat(recordedExpiry(secret)).isCloseTo(certificateExpiry, within(5, ChronoUnit.SECONDS));
    assertThat(certificateExpiry)
        .isCloseTo(Instant.now().plus(DAY.multipliedBy(365)), within(1, ChronoUnit.MINUTES));
  }

  @Test
  void issuesCaAndServingCertificateForValidityDays() throws Exception {
    Secret secret = secret(OperatorChart.render(Map.of("webhook.certificate.validityDays", 90)));

    Instant expected = Instant.now().plus(DAY.multipliedBy(90));
    assertThat(serving(secret).getNotAfter().toInstant())
        .isCloseTo(expected, within(1, ChronoUnit.MINUTES));
    assertThat(certificates(secret.getData().get("ca.crt")).get(0).getNotAfter().toInstant())
        .isCloseTo(expected, within(1, ChronoUnit.MINUTES));
    assertThat(recordedExpiry(secret)).isCloseTo(expected, within(1, ChronoUnit.MINUTES));
  }

  @Test
  void anUpgradeKeepsACertificateThatIsNotDueForRenewal() {
    Secret stored = installedExpiringAt(Instant.now().plus(DAY.multipliedBy(100)));

    Secret upgraded = secret(upgradeWith(stored, Map.of()));

    assertThat(upgraded.getData()).isEqualTo(stored.getData());
    assertThat(upgraded.getMetadata().getAnnotations())
        .containsEntry(NOT_AFTER, stored.getMetadata().getAnnotations().get(NOT_AFTER));
  }

  @Test
  void anUpgradeRenewsACertificateWithinRenewBeforeDaysAndStillTrustsThePreviousCa()
      throws Exception {
    Secret stored = installedExpiringAt(Instant.now().plus(DAY.multipliedBy(10)));
    X509Certificate previousCa = certificates(stored.getData().get("ca.crt")).get(0);

    RenderedChart upgrade = upgradeWith(stored, Map.of());
    Secret renewed = secret(upgrade);

    assertThat(renewed.getData().get("tls.crt")).isNotEqualTo(stored.getData().get("tls.crt"));
    assertThat(renewed.getData().get("tls.key")).isNotEqualTo(stored.getData().get("tls.key"));
    assertThat(recordedExpiry(renewed))
        .isCloseTo(Instant.now().plus(DAY.multipliedBy(365)), within(1, ChronoUnit.MINUTES));
    List<X509Certificate> bundle = certificates(renewed.getData().get("ca.crt"));
    assertThat(bundle).hasSize(2);
    serving(renewed).verify(bundle.get(0).getPublicKey());
    assertThat(bundle.get(1))
        .as("the operator serves the old certificate until it reloads the new files")
        .isEqualTo(previousCa);
    assertThat(
            upgrade.get(ValidatingWebhookConfiguration.class, OperatorChart.RELEASE).getWebhooks())
        .allSatisfy(
            webhook ->
                assertThat(webhook.getClientConfig().getCaBundle())
                    .isEqualTo(renewed.getData().get("ca.crt")));
  }

  @Test
  void aRenewedBundleKeepsOnlyTheLastPreviousCa() throws Exception {
    Secret first = installedExpiringAt(Instant.now().plus(DAY.multipliedBy(10)));
    Secret renewed = secret(upgradeWith(first, Map.of()));
    Secret storedAgain =
        new SecretBuilder(renewed)
            .editMetadata()
            .addToAnnotations(NOT_AFTER, Instant.now().plus(DAY).toString())
            .endMetadata()
            .build();

    List<X509Certificate> bundle =
        certificates(secret(upgradeWith(storedAgain, Map.of())).getData().get("ca.crt"));

    assertThat(bundle).hasSize(2);
    assertThat(bundle.get(1)).isEqualTo(certificates(renewed.getData().get("ca.crt")).get(0));
  }

  @Test
  void anUpgradeRenewsACertificateWhoseExpiryWasNotRecorded() {
    Secret stored = installedExpiringAt(null);

    Secret upgraded = secret(upgradeWith(stored, Map.of()));

    assertThat(upgraded.getData().get("tls.crt")).isNotEqualTo(stored.getData().get("tls.crt"));
    assertThat(upgraded.getMetadata().getAnnotations()).containsKey(NOT_AFTER);
  }

  @Test
  void anUpgradeRenewsACertificateWhoseRecordedExpiryIsUnreadable() {
    Secret stored =
        new SecretBuilder(installedExpiringAt(null))
            .editMetadata()
            .addToAnnotations(NOT_AFTER, "next spring")
            .endMetadata()
            .build();

    Secret upgraded = secret(upgradeWith(stored, Map.of()));

    assertThat(upgraded.getData().get("tls.crt")).isNotEqualTo(stored.getData().get("tls.crt"));
  }

  @Test
  void renewBeforeDaysDecidesWhenAnUpgradeRenews() {
    Secret stored = installedExpiringAt(Instant.now().plus(DAY.multipliedBy(40)));

    assertThat(secret(upgradeWith(stored, Map.of())).getData())
        .as("40 days left, renewed 30 days before expiry")
        .isEqualTo(stored.getData());
    assertThat(
            secret(upgradeWith(stored, Map.of("webhook.certificate.renewBeforeDays", 45)))
                .getData())
        .as("40 days left, renewed 45 days before expiry")
        .isNotEqualTo(stored.getData());
  }

  @Test
  void refusesARenewalWindowAsLongAsTheValidity() {
    assertThatThrownBy(
            () ->
                OperatorChart.template()
                    .set("webhook.certificate.validityDays", 30)
                    .set("webhook.certificate.renewBeforeDays", 30)
                    .call())
        .hasMessageContaining(
            "webhook.certificate.renewBeforeDays (30) must be less than"
                + " webhook.certificate.validityDays (30)");
  }

  @Test
  void certManagerIssuesWithTheSameValidityAndRenewal() {
    GenericKubernetesResource certificate =
        OperatorChart.render(
                Map.of(
                    "webhook.certManager.enabled", true,
                    "webhook.certificate.validityDays", 90,
                    "webhook.certificate.renewBeforeDays", 15))
            .all(GenericKubernetesResource.class)
            .stream()
            .filter(r -> r.getKind().equals("Certificate"))
            .findFirst()
            .orElseThrow();

    assertThat((String) certificate.get("spec", "duration")).isEqualTo("2160h");
    assertThat((String) certificate.get("spec", "renewBefore")).isEqualTo("360h");
  }
}
