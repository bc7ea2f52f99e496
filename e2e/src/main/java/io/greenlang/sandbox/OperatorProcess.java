package io.greenlang.sandbox;

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

/**
 * The operator as a separate process, started from its built Quarkus application exactly as the
 * container would start it, and pointed at the sandbox's API server.
 */
final class OperatorProcess implements AutoCloseable {
  private final Process process;
  private final int httpPort;
  private final Path log;

  private OperatorProcess(Process process, int httpPort, Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  /**
   * Starts {@code java -jar quarkus-run.jar} with the given environment; output goes to {@code
   * log}.
   */
  static OperatorProcess start(Path application, Map<String, String> environment, Path log)
      throws IOException {
    if (!Files.isRegularFile(application)) {
      throw new IllegalStateException(
          "Operator application not found at "
              + application
              + "; build it first (the README's sandbox command does)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(application.toString());
    var builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    return new OperatorProcess(builder.start(), port, log);
  }

  /** Base URL of the operator's health and metrics endpoints. */
  String httpUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  Path log() {
    return log;
  }

  /** Waits until the operator reports ready, or fails with the end of its log. */
  void awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Operator exited early:\n" + tail());
      }
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(URI.create(httpUrl() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // The HTTP server starts a moment after the JVM; keep polling until the deadline.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Operator not ready after " + timeout + ":\n" + tail());
  }

  /** The last lines of the operator's log, for error messages. */
  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /**
   * Kills the operator at once (SIGKILL), as a crashed node would: nothing is shut down cleanly.
   */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
