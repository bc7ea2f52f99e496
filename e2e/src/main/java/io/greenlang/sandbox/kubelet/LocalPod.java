package io.greenlang.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.sandbox.JavaProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One pod of a Deployment, run locally: its single container as an agent-runtime JVM with the
 * container's environment resolved and its volumes written under the pod's folder. A process that
 * exits is started again in the same pod (restart policy Always) after a back-off that doubles up
 * to 30 s, as the kubelet does.
 */
public final class LocalPod {
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final String namespace;
  private final String deployment;
  private final String name;
  private final String templateHash;
  private final JavaProcess.Launch launch;
  private JavaProcess process;
  private boolean ready;
  private int restarts;
  private Instant restartAt;

  private LocalPod(
      String namespace,
      String deployment,
      String name,
      String templateHash,
      JavaProcess.Launch launch) {
    this.namespace = namespace;
    this.deployment = deployment;
    this.name = name;
    this.templateHash = templateHash;
    this.launch = launch;
  }

  /**
   * Prepares and starts a pod of the template: resolves the environment (Secrets and ConfigMaps of
   * {@code namespace}), writes the volumes, starts the JVM.
   *
   * @throws PodStartException when the template names something missing or unsupported
   */
  static LocalPod start(
      KubernetesClient client,
      KubeletSettings settings,
      String namespace,
      String deployment,
      String templateHash,
      PodTemplateSpec template)
      throws IOException {
    String name = deployment + "-" + templateHash + "-" + PodNames.randomSuffix();
    List<Container> containers = template.getSpec().getContainers();
    if (containers == null || containers.size() != 1) {
      throw new PodStartException("the local kubelet runs pods of exactly one container");
    }
    Container container = containers.get(0);
    Path podDirectory = settings.workDir().resolve("pods").resolve(namespace).resolve(name);
    var env =
        new PodEnvironment(
            client,
            namespace,
            Map.of(
                "metadata.name",
                name,
                "metadata.namespace",
                namespace,
                "metadata.uid",
                UUID.randomUUID().toString(),
                "spec.nodeName",
                "local",
                "spec.serviceAccountName",
                serviceAccount(template),
                "status.podIP",
                "127.0.0.1",
                "status.hostIP",
                "127.0.0.1"));
    PodFilesystem files =
        new PodFilesystem(podDirectory).materialize(template.getSpec(), container, env);
    Map<String, String> environment = new LinkedHashMap<>();
    env.resolve(container).forEach((k, v) -> environment.put(k, files.translate(v)));
    environment.putAll(settings.extraEnvironment());
    environment.put("HOSTNAME", name);
    List<String> jvm = new ArrayList<>(settings.jvmOptions());
    jvm.add("-Djava.io.tmpdir=" + files.temporaryDirectory());
    var launch =
        new JavaProcess.Launch(
            name,
            settings.runtimeApplication(),
            jvm,
            environment,
            false,
            settings.workDir().resolve("logs").resolve(namespace + "_" + name + ".log"));
    LocalPod pod = new LocalPod(namespace, deployment, name, templateHash, launch);
    pod.process = JavaProcess.start(launch);
    return pod;
  }

  private static String serviceAccount(PodTemplateSpec template) {
    String account = template.getSpec().getServiceAccountName();
    return account == null ? "default" : account;
  }

  /**
   * Probes readiness; restarts an exited process once its back-off passed. Returns whether the pod
   * is ready now.
   */
  boolean probe() throws IOException {
    if (process == null) {
      return false;
    }
    if (!process.isAlive()) {
      ready = false;
      Instant now = Instant.now();
      if (restartAt == null) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(restarts, 5));
        restartAt = now.plusSeconds(seconds);
      } else if (now.isAfter(restartAt)) {
        restarts++;
        restartAt = null;
        process = JavaProcess.start(launch);
      }
      return false;
    }
    ready = process.isReady();
    return ready;
  }

  /** SIGTERM, then SIGKILL after the grace period; the pod is gone afterwards. */
  void stop(Duration grace) throws InterruptedException {
    ready = false;
    if (process != null) {
      process.stop(grace);
    }
  }

  /** SIGKILL, as a lost node would end it. */
  void kill() throws InterruptedException {
    ready = false;
    if (process != null) {
      process.kill();
    }
  }

  public String namespace() {
    return namespace;
  }

  public String deployment() {
    return deployment;
  }

  public String name() {
    return name;
  }

  public String templateHash() {
    return templateHash;
  }

  public boolean ready() {
    return ready;
  }

  public int restarts() {
    return restarts;
  }

  /** The pod's HTTP endpoint (the container's port 8080 is this local port). */
  public String httpUrl() {
    return process.httpUrl();
  }

  public Path log() {
    return launch.log();
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public String toString() {
    return namespace + "/" + name + (ready ? " (ready)" : " (not ready)");
  }
}
