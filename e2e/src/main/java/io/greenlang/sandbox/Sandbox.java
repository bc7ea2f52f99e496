package io.greenlang.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
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
      var progress = new SandboxProgress(client, options);
      boolean settled = progress.awaitSettled(table);
      boolean finished = progress.awaitRunsFinished(applied);
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
      boolean complete = summary.print(progress.runs(applied));
      boolean ok = settled && finished && progress.regionsReady() && complete;
      if (options.once()) {
        return ok ? 0 : 1;
      }
      out.println("\nSandbox running. Press Ctrl-C to stop.");
      awaitInterrupt(platform);
    }
    return 0;
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
