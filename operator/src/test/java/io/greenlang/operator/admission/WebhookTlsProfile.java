package io.greenlang.operator.admission;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The operator configured as the Helm chart configures it: certificate and key files from a mounted
 * Secret, an HTTPS port, and the webhook answering on HTTPS only.
 */
public class WebhookTlsProfile implements QuarkusTestProfile {
  static final WebhookCertificate CERTIFICATE = WebhookCertificate.create();

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.http.ssl.certificate.files",
        CERTIFICATE.certificate().toString(),
        "quarkus.http.ssl.certificate.key-files",
        CERTIFICATE.key().toString(),
        "quarkus.http.test-ssl-port",
        "0",
        "greenlang.admission.https-only",
        "true");
  }
}
