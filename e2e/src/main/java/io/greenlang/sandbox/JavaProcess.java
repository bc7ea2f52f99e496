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
import java.util.concurrent.TimeUnit;

/**
 * A built Quarkus application ({@code quarkus-run.jar}) as a separate JVM process, started as its
 * container would start it, with its own HTTP port and its output in a log file: the operator and
 * the agent-runtime pods of the sandbox and the E2E tests.
 */
public final class JavaProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final Process process;
  private final int httpPort;
  private final Path log;

  private JavaProcess(String name, Process process, int httpPort, Path log) {
    this.name = name;
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  /** What to start: the application, JVM options and environment, where the output goes. */
  public record Launch(
      String name,
      Path application,
      List<String> jvmOptions,
      Map<String, String> environment,
      boolean inheritEnvironment,
      Path log) {}

  /**
   * Starts {@code java [jvmOptions] -jar application} on a free HTTP port ({@code
   * QUARKUS_HTTP_PORT}); output (appended) goes to the launch's log.
   */
  public static JavaProcess start(Launch launch) throws IOException {
    if (!Files.isRegularFile(launch.application())) {
      throw new IllegalStateException(
          "Application not found at "
              + launch.application()
              + "; build it first (the README's sandbox command does)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch.jvmOptions());
    command.add("-jar");
    command.add(launch.application().toAbsolutePath().toString());
    Files.createDirectories(launch.log().toAbsolutePath().getParent());
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
    if (!launch.inheritEnvironment()) {
      // A pod sees only its own environment; PATH and HOME keep the JVM's tools working.
      Map<String, String> inherited = Map.copyOf(builder.environment());
      builder.environment().clear();
      for (String kept : List.of("PATH", "HOME", "LANG", "TZ")) {
        if (inherited.containsKey(kept)) {
          builder.environment().put(kept, inherited.get(kept));
        }
      }
    }
    builder.environment().putAll(launch.environment());
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    return new JavaProcess(launch.name(), builder.start(), port, launch.log());
  }

  /** Starts the operator as the sandbox and the tests run it: 512 MB heap, the caller's env. */
  public static JavaProcess startOperator(Path application, Map<String, String> env, Path log)
      throws IOException {
    return start(new Launch("operator", application, List.of("-Xmx512m"), env, true, log));
  }

  public String name() {
    return name;
  }

  /** Base URL of the application's HTTP endpoints (health, metrics, REST). */
  public String httpUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code once the process ended. */
  public int exitValue() {
    return process.exitValue();
  }

  /** One look at {@code /q/health/ready}: true when it answers 200. */
  public boolean isReady() {
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(httpUrl() + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException notYetListening) {
      // The HTTP server starts a moment after the JVM.
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits until the application reports ready, or fails with the end of its log. */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited early:\n" + tail());
      }
      if (isReady()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail());
  }

  /** The last lines of the log, for error messages. */
  public String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Kills the process at once (SIGKILL), as a crashed node would: nothing shuts down cleanly. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(15, TimeUnit.SECONDS);
  }

  /** SIGTERM, then SIGKILL when the process has not ended within the grace period. */
  public void stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(15));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
