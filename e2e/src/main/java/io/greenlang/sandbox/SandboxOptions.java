package io.greenlang.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Command-line options of the sandbox. */
public record SandboxOptions(
    boolean once,
    Path samples,
    Path root,
    Path workDir,
    int apiPort,
    String database,
    Duration settleTimeout,
    Duration runTimeout) {

  static final String USAGE =
      """
      Usage: sandbox [--once] [--samples=DIR] [--work-dir=DIR] [--api-port=N] [--database=NAME]
              [--run-timeout=SECONDS]
        --once              print the summary once the PipelineRuns finished, then stop (exit 1 unless
                            every run Succeeded, its report was written and the audit chain verified)
        --samples=DIR       manifests to apply (default: samples/quickstart)
        --work-dir=DIR      where logs, pods' files and reports go (default: e2e/target/sandbox)
        --api-port=N        port of the Kubernetes API server (default: any free port)
        --database=NAME     the Region's shared PostgreSQL database, created if missing (default: greenlang_sandbox)
        --run-timeout=N     seconds to wait for the PipelineRuns to finish (default: 300)
      """;

  static SandboxOptions parse(String[] args) {
    Path root = projectRoot();
    boolean once = false;
    Path samples = root.resolve("samples/quickstart");
    Path work = root.resolve("e2e/target/sandbox");
    int apiPort = 0;
    String database = "greenlang_sandbox";
    Duration runTimeout = Duration.ofSeconds(300);
    for (String arg : args) {
      if (arg.isBlank()) {
        continue;
      }
      if (arg.equals("--once")) {
        once = true;
      } else if (arg.startsWith("--samples=")) {
        samples = Path.of(value(arg));
      } else if (arg.startsWith("--run-timeout=")) {
        runTimeout = Duration.ofSeconds(Long.parseLong(value(arg)));
      } else if (arg.startsWith("--work-dir=")) {
        work = Path.of(value(arg));
      } else if (arg.startsWith("--database=")) {
        database = value(arg);
      } else if (arg.startsWith("--api-port=")) {
        apiPort = Integer.parseInt(value(arg));
      } else {
        throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
      }
    }
    if (!database.matches("^[a-z_][a-z0-9_]{0,62}$")) {
      throw new IllegalArgumentException("--database: not a database name: " + database);
    }
    return new SandboxOptions(
        once, samples, root, work, apiPort, database, Duration.ofSeconds(90), runTimeout);
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }

  /** The repository root: the gl.project.root property, or the nearest folder with samples/. */
  public static Path projectRoot() {
    String configured = System.getProperty("gl.project.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("samples/quickstart"))
          && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    return Path.of("").toAbsolutePath();
  }
}
