package io.greenlang.monitoring;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A built Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) started as its own
 * process on a free port, as its container would start it, to scrape its {@code /q/metrics}.
 */
final class ApplicationProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ApplicationProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code java -jar <application>} with {@code environment}; output goes to {@code log}.
   */
  static ApplicationProcess start(
      String name, Path application, Map<String, String> environment, Path log) throws IOException {
    if (!Files.isRegularFile(application)) {
      throw new IllegalStateException(
          name + " not built: no " + application + " (build with ./mvnw -pl e2e -am package)");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var builder =
        new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", application.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // The applications find the cluster through their own settings, never through the test's
    // KUBECONFIG.
    builder.environment().remove("KUBECONFIG");
    builder.environment().putAll(environment);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_ANALYTICS_DISABLED", "true");
    return new ApplicationProcess(name, builder.start(), port, log);
  }

  /** Waits until {@code /q/health/ready} answers 200, or fails with the end of the log. */
  void awaitReady(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited early:\n" + tail());
      }
      try {
        if (get("/q/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // The HTTP server opens a moment after the JVM starts.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail());
  }

  /** The Prometheus text of {@code /q/metrics}. */
  String scrape() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/q/metrics");
    if (response.statusCode() != 200) {
      throw new IllegalStateException(name + " /q/metrics answered " + response.statusCode());
    }
    return response.body();
  }

  /** The last lines of the process's output, for failure messages. */
  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
