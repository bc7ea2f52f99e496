package io.greenlang.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantPhase;
import io.greenlang.sandbox.kubelet.LocalKubelet;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The local sandbox: PostgreSQL, Redis, an embedded Kubernetes API with the GreenLang CRDs, the
 * operator as a real process and the local kubelet running the agent-runtime pods of the Agents
 * ({@link LocalPlatform}). It applies the quickstart samples, waits until the PipelineRuns finished
 * and prints every resource with its status, the runs' steps, the report files, the audit chain
 * verification and the metrics endpoints ({@link SandboxSummary}).
 */
public final class Sandbox {
  static final String OPERATOR_NAMESPACE = LocalPlatform.OPERATOR_NAMESPACE;

  /** Kept referenced: java.util.logging forgets levels set on loggers nobody holds. */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private final SandboxOptions options;
  private final PrintStream out;

  Sandbox(SandboxOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // v1alpha1 is this API's version on purpose; the client's warning about it is noise here.
    System.setProperty(
        "org.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils",
        "error");
    SandboxOptions options;
    try {
      options = SandboxOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(new Sandbox(options, System.out).run());
  }

  /** Runs the sandbox; returns the process exit code. */
  int run() throws Exception {
    // The mock API server logs every request; the sandbox prints its own summary instead.
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    Files.createDirectories(options.workDir());
    out.println(
        "GreenLang sandbox: starting PostgreSQL, Redis, the Kubernetes API, the operator and the"
            + " local kubelet...");
    var settings =
        new LocalPlatform.Settings(
            options.root(), options.workDir(), options.apiPort(), Map.of(), Map.of());
    try (LocalPlatform platform = LocalPlatform.start(settings)) {
      KubernetesClient client = platform.client();
      out.printf(
          "  PostgreSQL      %s:%d%n", platform.postgres().host(), platform.postgres().port());
      out.printf("  Redis           %s:%d%n", platform.redis().host(), platform.redis().port());
      out.printf(
          "  Kubernetes API  %s (fabric8 mock server, CRUD mode, 5 GreenLang CRDs)%n",
          platform.api().url());
      out.printf(
          "  Operator        %s (log %s)%n",
          platform.operator().httpUrl(), platform.operator().log());
      out.printf(
          "  Local kubelet   runs a JVM of agent-runtime per Agent pod (logs %s)%n",
          options.workDir().resolve("logs"));
      platform.writeRegionSecrets("quickstart-postgres", "quickstart-redis", options.database());

      var applier = new ManifestApplier(client);
      List<HasMetadata> manifests = applier.load(options.samples());
      List<String> keySecrets = new LlmKeySecrets(platform).provide(manifests);
      List<HasMetadata> applied = applier.apply(manifests);
      out.printf("%nApplied %d objects from %s%n", applied.size(), options.samples());
      if (!keySecrets.isEmpty()) {
        out.printf(
            "Created the LLM key Secret(s) %s from GL_SECRET_* variables (keys left out when"
                + " unset: the quickstart's tools call no LLM)%n",
            String.join(", ", keySecrets));
      }
      var table = new ResourceTable(client);
      boolean settled = awaitSettled(client, table);
      boolean finished = awaitRunsFinished(client, applied);
      out.println();
      out.print(table.render());
      printEvents(client);
      if (!settled) {
        out.println(
            "\nResources did not settle within " + options.settleTimeout().toSeconds() + " s.");
      }
      if (!finished) {
        out.println(
            "\nPipelineRuns did not finish within " + options.runTimeout().toSeconds() + " s.");
      }
      var summary = new SandboxSummary(platform, options.workDir(), out);
      boolean complete = summary.print(runs(client, applied));
      boolean ok = settled && finished && regionsReady(client) && complete;
      if (options.once()) {
        return ok ? 0 : 1;
      }
      out.println("\nSandbox running. Press Ctrl-C to stop.");
      awaitInterrupt(platform);
    }
    return 0;
  }

  /** The applied PipelineRuns as they are now. */
  private static List<PipelineRun> runs(KubernetesClient client, List<HasMetadata> applied) {
    return applied.stream()
        .filter(o -> "PipelineRun".equals(o.getKind()))
        .map(
            o ->
                client
                    .resources(PipelineRun.class)
                    .inNamespace(o.getMetadata().getNamespace())
                    .withName(o.getMetadata().getName())
                    .get())
        .filter(r -> r != null)
        .toList();
  }

  /**
   * Every applied PipelineRun has ended (Succeeded, Failed, Cancelled or TimedOut), and every
   * Agent's pods are all ready and its status says so.
   */
  private boolean awaitRunsFinished(KubernetesClient client, List<HasMetadata> applied)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(options.runTimeout());
    while (Instant.now().isBefore(deadline)) {
      List<PipelineRun> runs = runs(client, applied);
      boolean ended =
          !runs.isEmpty()
              && runs.stream()
                  .allMatch(
                      r ->
                          r.getStatus() != null
                              && r.getStatus()
                                  .condition(PipelineRunStatus.SUCCEEDED)
                                  .map(c -> c.getStatus() != ConditionStatus.Unknown)
                                  .orElse(false));
      if (ended && agentsRunning(client)) {
        return true;
      }
      Thread.sleep(1000);
    }
    return false;
  }

  /** Every Agent is Ready and every Agent Deployment has all its pods ready. */
  private static boolean agentsRunning(KubernetesClient client) {
    boolean pods =
        client
            .apps()
            .deployments()
            .inAnyNamespace()
            .withLabel(LocalKubelet.AGENT_LABEL)
            .list()
            .getItems()
            .stream()
            .allMatch(
                d ->
                    d.getStatus() != null
                        && Objects.equals(
                            d.getSpec().getReplicas(), d.getStatus().getReadyReplicas()));
    return pods
        && client.resources(Agent.class).inAnyNamespace().list().getItems().stream()
            .allMatch(
                a ->
                    a.getStatus() != null
                        && a.getStatus().condition("Ready").map(Condition::isTrue).orElse(false));
  }

  /**
   * Settled: every Region has a status for its current generation, and the whole table stayed the
   * same for two consecutive looks a second apart.
   */
  private boolean awaitSettled(KubernetesClient client, ResourceTable table)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(options.settleTimeout());
    String previous = null;
    while (Instant.now().isBefore(deadline)) {
      String current = table.render();
      if (regionsObserved(client) && tenantsSettled(client) && current.equals(previous)) {
        return true;
      }
      previous = current;
      Thread.sleep(1000);
    }
    return false;
  }

  private static boolean regionsObserved(KubernetesClient client) {
    return client.resources(Region.class).list().getItems().stream()
        .allMatch(
            r ->
                r.getStatus() != null
                    && r.getMetadata()
                        .getGeneration()
                        .equals(r.getStatus().getObservedGeneration()));
  }

  /**
   * Every Tenant has been reconciled, and none still waits for a Region that is by now Ready (the
   * operator is about to provision it).
   */
  private static boolean tenantsSettled(KubernetesClient client) {
    List<Region> regions = client.resources(Region.class).list().getItems();
    return client.resources(Tenant.class).list().getItems().stream()
        .allMatch(
            t -> {
              if (t.getStatus() == null) {
                return false;
              }
              boolean waitsForRegion =
                  t.getStatus().getPhase() == TenantPhase.Pending
                      || t.getStatus().getPhase() == TenantPhase.Provisioning;
              boolean regionReady =
                  regions.stream()
                      .filter(r -> r.getMetadata().getName().equals(t.getSpec().getRegion()))
                      .anyMatch(
                          r ->
                              r.getStatus() != null
                                  && r.getStatus()
                                      .condition(RegionStatus.READY)
                                      .map(Condition::isTrue)
                                      .orElse(false));
              return !(waitsForRegion && regionReady);
            });
  }

  private static boolean regionsReady(KubernetesClient client) {
    return client.resources(Region.class).list().getItems().stream()
        .allMatch(
            r ->
                r.getStatus() != null
                    && r.getStatus()
                        .condition(RegionStatus.READY)
                        .map(Condition::isTrue)
                        .orElse(false));
  }

  private void printEvents(KubernetesClient client) {
    List<Event> events =
        client.v1().events().inAnyNamespace().list().getItems().stream()
            .filter(
                e ->
                    String.valueOf(e.getInvolvedObject().getApiVersion())
                        .startsWith("greenlang.io/"))
            .toList();
    if (events.isEmpty()) {
      return;
    }
    out.println("\nEvents:");
    for (Event e : events) {
      out.printf(
          "  %-8s %-22s %s/%s: %s%n",
          e.getType(),
          e.getReason(),
          e.getInvolvedObject().getKind(),
          e.getInvolvedObject().getName(),
          e.getMessage());
    }
  }

  /**
   * Blocks until Ctrl-C; the hook stops the pods and the operator itself because the JVM may halt
   * right after.
   */
  private static void awaitInterrupt(LocalPlatform platform) throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    platform.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "sandbox-stop"));
    stop.await();
  }
}
