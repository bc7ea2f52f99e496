package io.greenlang.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a platform kills the project's applications it left running, and nothing else this JVM
 * started: the embedded PostgreSQL and Redis are children of the same JVM and serve the next
 * platform.
 */
class LocalPlatformProcessesTest {

  @TempDir Path projectRoot;

  @Test
  void aProcessRunningAJarOfTheProjectIsTheProjects() throws Exception {
    Path jar = projectRoot.resolve("agent-runtime/target/quarkus-app/quarkus-run.jar");
    Process process = new ProcessBuilder("sh", "-c", "sleep 30; exit 0", jar.toString()).start();
    try {
      assertThat(LocalPlatform.runsApplicationUnder(projectRoot, process.toHandle())).isTrue();
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anEmbeddedServerStartedByThisJvmIsNotTheProjects() throws Exception {
    Process server = new ProcessBuilder("sleep", "30").start();
    Process elsewhere =
        new ProcessBuilder("sh", "-c", "sleep 30; exit 0", "/opt/other/quarkus-run.jar").start();
    try {
      assertThat(LocalPlatform.runsApplicationUnder(projectRoot, server.toHandle())).isFalse();
      assertThat(LocalPlatform.runsApplicationUnder(projectRoot, elsewhere.toHandle())).isFalse();
    } finally {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      elsewhere.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
