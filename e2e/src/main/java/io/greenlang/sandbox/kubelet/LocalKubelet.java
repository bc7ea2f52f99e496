package io.greenlang.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stands in for the kubelet and the Deployment controller where there is no cluster (the sandbox,
 * the E2E tests): watches the Deployments labelled {@value #AGENT_LABEL} in every namespace, keeps
 * {@code spec.replicas} agent-runtime JVMs of each running ({@link LocalPod}), probes them and
 * writes the Deployments' status. A changed pod template replaces the pods; zero replicas or a
 * deleted Deployment stops them. One thread does all the work, woken by the informer and every
 * {@code syncInterval}.
 */
public final class LocalKubelet implements AutoCloseable {
  public static final String AGENT_LABEL = "greenlang.io/agent";
  private static final Logger LOG = Logger.getLogger(LocalKubelet.class.getName());

  private final KubernetesClient client;
  private final KubeletSettings settings;
  private final DeploymentStatusWriter statusWriter;
  private final Map<String, LocalDeployment> deployments = new ConcurrentHashMap<>();
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "local-kubelet"));
  private final ExecutorService stopper =
      Executors.newCachedThreadPool(r -> daemon(r, "local-kubelet-stop"));
  private SharedIndexInformer<Deployment> informer;
  private volatile boolean closed;

  private LocalKubelet(KubernetesClient client, KubeletSettings settings) {
    this.client = client;
    this.settings = settings;
    this.statusWriter = new DeploymentStatusWriter(client);
  }

  /** Starts watching Deployments and running their pods. */
  public static LocalKubelet start(KubernetesClient client, KubeletSettings settings) {
    if (!java.nio.file.Files.isRegularFile(settings.runtimeApplication())) {
      throw new IllegalStateException(
          "agent-runtime application not found at "
              + settings.runtimeApplication()
              + "; build it first (the README's sandbox command does)");
    }
    LocalKubelet kubelet = new LocalKubelet(client, settings);
    kubelet.informer =
        client
            .apps()
            .deployments()
            .inAnyNamespace()
            .withLabel(AGENT_LABEL)
            .inform(kubelet.wakeUp(), 0);
    long interval = settings.syncInterval().toMillis();
    kubelet.loop.scheduleWithFixedDelay(kubelet::syncAll, 0, interval, TimeUnit.MILLISECONDS);
    return kubelet;
  }

  private ResourceEventHandler<Deployment> wakeUp() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Deployment deployment) {
        loop.execute(LocalKubelet.this::syncAll);
      }

      @Override
      public void onUpdate(Deployment before, Deployment after) {
        loop.execute(LocalKubelet.this::syncAll);
      }

      @Override
      public void onDelete(Deployment deployment, boolean unknownFinalState) {
        loop.execute(LocalKubelet.this::syncAll);
      }
    };
  }

  private void syncAll() {
    if (closed) {
      return;
    }
    try {
      Map<String, Deployment> wanted = new ConcurrentHashMap<>();
      for (Deployment deployment : informer.getStore().list()) {
        if (deployment.getMetadata().getDeletionTimestamp() == null) {
          wanted.put(key(deployment), deployment);
        }
      }
      for (String gone : new ArrayList<>(deployments.keySet())) {
        if (!wanted.containsKey(gone)) {
          deployments.remove(gone).removeAll().forEach(this::stopLater);
        }
      }
      for (Deployment deployment : wanted.values()) {
        LocalDeployment local =
            deployments.computeIfAbsent(
                key(deployment),
                k ->
                    new LocalDeployment(
                        deployment.getMetadata().getNamespace(),
                        deployment.getMetadata().getName()));
        local.sync(deployment, client, settings).forEach(this::stopLater);
        statusWriter.write(deployment, local);
      }
    } catch (Exception e) {
      // The loop must go on: one bad sync must not stop every pod's probes.
      LOG.log(Level.WARNING, "local kubelet sync failed: " + e.getMessage(), e);
    }
  }

  private void stopLater(LocalPod pod) {
    stopper.execute(
        () -> {
          try {
            pod.stop(settings.terminationGrace());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /** Every pod now running, in any namespace. */
  public List<LocalPod> pods() {
    return deployments.values().stream().flatMap(d -> d.pods().stream()).toList();
  }

  /** The pods of one Deployment. */
  public List<LocalPod> pods(String namespace, String deployment) {
    LocalDeployment local = deployments.get(namespace + "/" + deployment);
    return local == null ? List.of() : local.pods();
  }

  /** A ready pod of the Deployment, if any. */
  public Optional<LocalPod> readyPod(String namespace, String deployment) {
    return pods(namespace, deployment).stream().filter(LocalPod::ready).findFirst();
  }

  /**
   * Kills the pod's process at once (SIGKILL) and lets the Deployment replace it with a new pod, as
   * when a node is lost: for fault tests.
   */
  public void kill(String podName) throws Exception {
    loop.submit(
            () -> {
              for (LocalDeployment local : deployments.values()) {
                for (LocalPod pod : local.pods()) {
                  if (pod.name().equals(podName) && local.remove(pod)) {
                    pod.kill();
                    return null;
                  }
                }
              }
              throw new IllegalArgumentException("no pod " + podName);
            })
        .get(30, TimeUnit.SECONDS);
  }

  /** Waits until the Deployment has {@code count} ready pods. */
  public List<LocalPod> awaitReady(String namespace, String deployment, int count, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      List<LocalPod> ready = pods(namespace, deployment).stream().filter(LocalPod::ready).toList();
      if (ready.size() >= count) {
        return ready;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "Deployment "
            + namespace
            + "/"
            + deployment
            + ": not "
            + count
            + " ready pods within "
            + timeout
            + ": "
            + pods(namespace, deployment));
  }

  public KubeletSettings settings() {
    return settings;
  }

  /** Stops watching and stops every pod (SIGTERM, SIGKILL after the grace period). */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    if (informer != null) {
      informer.close();
    }
    loop.shutdownNow();
    loop.awaitTermination(30, TimeUnit.SECONDS);
    deployments.values().forEach(d -> d.removeAll().forEach(this::stopLater));
    deployments.clear();
    stopper.shutdown();
    stopper.awaitTermination(settings.terminationGrace().toSeconds() + 15, TimeUnit.SECONDS);
  }

  private static String key(Deployment deployment) {
    return deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
