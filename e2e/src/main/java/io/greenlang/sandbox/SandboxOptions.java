package io.greenlang.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Command-line options of the sandbox. */
public record SandboxOptions(
    boolean once,
    Path samples,
    Path operatorApplication,
    Path workDir,
    int apiPort,
    String database,
    Duration settleTimeout) {

  static final String USAGE =
      """
      Usage: sandbox [--once] [--samples=DIR] [--operator-app=FILE] [--work-dir=DIR] [--api-port=N]
              [--database=NAME]
        --once              print the resources once they settle, then stop (exit 1 if a Region is not Ready)
        --samples=DIR       manifests to apply (default: samples/quickstart)
        --operator-app=FILE the operator's quarkus-run.jar (default: operator/target/quarkus-app/quarkus-run.jar)
        --work-dir=DIR      where logs go (default: e2e/target/sandbox)
        --api-port=N        port of the Kubernetes API server (default: any free port)
        --database=NAME     the Region's shared PostgreSQL database, created if missing (default: greenlang_sandbox)
      """;

  static SandboxOptions parse(String[] args) {
    Path root = projectRoot();
    boolean once = false;
    Path samples = root.resolve("samples/quickstart");
    Path operator = root.resolve("operator/target/quarkus-app/quarkus-run.jar");
    Path work = root.resolve("e2e/target/sandbox");
    int apiPort = 0;
    String database = "greenlang_sandbox";
    for (String arg : args) {
      if (arg.isBlank()) {
        continue;
      }
      if (arg.equals("--once")) {
        once = true;
      } else if (arg.startsWith("--samples=")) {
        samples = Path.of(value(arg));
      } else if (arg.startsWith("--operator-app=")) {
        operator = Path.of(value(arg));
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
        once, samples, operator, work, apiPort, database, Duration.ofSeconds(90));
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
