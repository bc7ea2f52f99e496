package io.greenlang.operator.admission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed serving certificate for localhost, written as PEM files the way the Helm chart
 * mounts them ({@code tls.crt}, {@code tls.key}); made with the JDK's keytool, so tests need no
 * crypto library.
 */
record WebhookCertificate(Path certificate, Path key, Certificate x509) {

  /** Creates the certificate and key in a new temporary directory. */
  static WebhookCertificate create() {
    try {
      Path dir = Files.createTempDirectory("gl-webhook-tls");
      Path keystore = dir.resolve("webhook.p12");
      String password = UUID.randomUUID().toString();
      runKeytool(
          List.of(
              "-genkeypair",
              "-alias",
              "webhook",
              "-keyalg",
              "RSA",
              "-keysize",
              "2048",
              "-dname",
              "CN=localhost",
              "-ext",
              "SAN=dns:localhost,ip:127.0.0.1",
              "-validity",
              "2",
              "-storetype",
              "PKCS12",
              "-keystore",
              keystore.toString(),
              "-storepass",
              password,
              "-keypass",
              password));
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, password.toCharArray());
      }
      PrivateKey privateKey = (PrivateKey) store.getKey("webhook", password.toCharArray());
      Certificate certificate = store.getCertificate("webhook");
      Path crt = dir.resolve("tls.crt");
      Path key = dir.resolve("tls.key");
      Files.writeString(crt, pem("CERTIFICATE", certificate.getEncoded()));
      Files.writeString(key, pem("PRIVATE KEY", privateKey.getEncoded()));
      Files.delete(keystore);
      return new WebhookCertificate(crt, key, certificate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | InterruptedException e) {
      throw new IllegalStateException("Could not create a test certificate", e);
    }
  }

  /** A trust store holding only this certificate. */
  KeyStore trustStore() {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("webhook", x509);
      return trust;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void runKeytool(List<String> arguments) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    var command = new java.util.ArrayList<String>();
    command.add(keytool.toString());
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
