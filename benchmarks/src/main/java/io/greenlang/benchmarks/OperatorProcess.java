package io.greenlang.benchmarks;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operator under test as a separate process, started from its built Quarkus application as the
 * container would start it (production profile, leader election included), with a fixed heap.
 */
final class OperatorProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int httpPort;
  private final Path log;
  private final Thread stopOnExit;

  private OperatorProcess(Process process, int httpPort, Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
    // A killed benchmark must not leave the operator running against servers that are gone.
    this.stopOnExit = new Thread(process::destroy, "operator-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Starts {@code java -Xmx<heap> -jar quarkus-run.jar}; output goes to {@code log}. */
  static OperatorProcess start(
      Path application, String heap, Map<String, String> environment, Path log) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(javaTool("java"));
    command.add("-Xmx" + heap);
    command.add("-jar");
    command.add(application.toString());
    Files.createDirectories(log.getParent());
    var builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    return new OperatorProcess(builder.start(), port, log);
  }

  long pid() {
    return process.pid();
  }

  /** Base URL of the operator's health and metrics endpoints. */
  String httpUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  Path log() {
    return log;
  }

  /** CPU time the operator process has used so far, if the platform reports it. */
  Optional<Duration> cpuTime() {
    return process.toHandle().info().totalCpuDuration();
  }

  /** Waits until the operator reports ready, or fails with the end of its log. */
  void awaitReady(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Operator exited early:\n" + tail(40));
      }
      try {
        if (get("/q/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // The HTTP server starts a moment after the JVM; keep polling until the deadline.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Operator not ready after " + timeout + ":\n" + tail(40));
  }

  /** The Prometheus text of {@code /q/metrics}. */
  String scrapeMetrics() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/q/metrics");
    if (response.statusCode() != 200) {
      throw new IOException("GET /q/metrics answered " + response.statusCode());
    }
    return response.body();
  }

  /** Runs a jcmd command against the operator and returns its output. */
  String jcmd(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    line.add(javaTool("jcmd"));
    line.add(Long.toString(pid()));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the operator's log, for error messages. */
  String tail(int lines) throws IOException {
    List<String> all = Files.readAllLines(log);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  @Override
  public void close() throws InterruptedException {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to; stopping the process here as well is harmless.
    }
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(15, TimeUnit.SECONDS);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(httpUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String javaTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
