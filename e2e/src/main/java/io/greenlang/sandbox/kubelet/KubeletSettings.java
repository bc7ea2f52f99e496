package io.greenlang.sandbox.kubelet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the local kubelet runs pods: the agent-runtime application it starts for every container, the
 * JVM options, where pod files and logs go, environment it adds to every pod (sandbox and test
 * settings the Agent API does not expose, such as a short worker claim-idle time), and its timing.
 *
 * @param runtimeApplication the agent-runtime's {@code quarkus-run.jar}
 * @param workDir pods' files ({@code <pod>/root/...}) and logs ({@code <pod>.log}) go here
 * @param jvmOptions options of every pod's JVM
 * @param extraEnvironment added to (and overriding) every pod's resolved environment
 * @param terminationGrace SIGTERM, then SIGKILL after this long
 * @param syncInterval how often pods are probed and Deployment status is written
 */
public record KubeletSettings(
    Path runtimeApplication,
    Path workDir,
    List<String> jvmOptions,
    Map<String, String> extraEnvironment,
    Duration terminationGrace,
    Duration syncInterval) {

  /** Small heap, quick start: several runtime JVMs share two cores in the sandbox and the tests. */
  public static final List<String> SMALL_JVM =
      List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");

  /** The agent-runtime built in {@code projectRoot}, small JVMs, pods under {@code workDir}. */
  public static KubeletSettings of(Path projectRoot, Path workDir) {
    return new KubeletSettings(
        projectRoot.resolve("agent-runtime/target/quarkus-app/quarkus-run.jar"),
        workDir,
        SMALL_JVM,
        Map.of(),
        Duration.ofSeconds(10),
        Duration.ofMillis(500));
  }

  /** The same settings with {@code environment} added to every pod. */
  public KubeletSettings withExtraEnvironment(Map<String, String> environment) {
    return new KubeletSettings(
        runtimeApplication, workDir, jvmOptions, environment, terminationGrace, syncInterval);
  }
}
