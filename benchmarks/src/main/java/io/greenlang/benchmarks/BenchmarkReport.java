package io.greenlang.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Renders the figures of every phase as one Markdown table, with environment and evidence. */
final class BenchmarkReport {
  private static final int REQUEST_KINDS_SHOWN = 12;

  private final BenchmarkEnvironment environment;
  private final BenchmarkOptions options;
  private final List<PhaseResult> phases;

  BenchmarkReport(
      BenchmarkEnvironment environment, BenchmarkOptions options, List<PhaseResult> phases) {
    this.environment = environment;
    this.options = options;
    this.phases = phases;
  }

  String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Tenant control-plane benchmark\n\n");
    md.append("- Date: ").append(environment.date()).append('\n');
    md.append(
        "- Machine: %d cores (%s), %d GB RAM, %s%n"
            .formatted(
                environment.cores(),
                environment.cpuModel(),
                environment.memoryGb(),
                environment.os()));
    md.append("- JVM: ").append(environment.jvm()).append('\n');
    md.append("- API server: ").append(environment.apiServer()).append('\n');
    md.append(
        String.format(
            "- Operator: the prod Quarkus application (quarkus-run.jar, leader election on) as a"
                + " child process, -Xmx%s; a fresh API server and operator per phase%n",
            options.operatorHeap()));
    md.append(
        String.format(
            "- Creation: %d concurrent create requests, no rate cap; spec changes: %d per phase,"
                + " a steady stream of %.0f per second (one JSON patch adding a member each)%n",
            options.creationThreads(), options.specChanges(), options.specChangesPerSecond()));
    md.append('\n');
    table(md);
    md.append("\nReconcile counters used (java-operator-sdk Micrometer metrics from /q/metrics, ")
        .append(
            "series of controller `tenant`, growth from the first create until all were Ready):\n");
    TreeSet<String> metrics = new TreeSet<>();
    phases.forEach(p -> metrics.addAll(p.reconciles().byMetric().keySet()));
    if (metrics.isEmpty()) {
      md.append(
          "- none found: reconciles/s is counted as Tenant status writes seen by the informer\n");
    } else {
      metrics.forEach(m -> md.append("- `").append(m).append("`\n"));
    }
    md.append(
        "- heap: live bytes of `jcmd <pid> GC.class_histogram` (a full GC, live objects only); then `jcmd <pid> GC.run` and the used heap of `jcmd <pid> GC.heap_info` and `jvm_memory_used_bytes{area=\"heap\"}`, which include what was allocated since\n");
    for (PhaseResult phase : phases) {
      requestMix(md, phase);
      evidence(md, phase);
    }
    return md.toString();
  }

  private void table(StringBuilder md) {
    List<String> header = new ArrayList<>(List.of("figure"));
    phases.forEach(p -> header.add(p.name()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("Tenants", p -> p.description()));
    rows.add(
        row(
            "creation: rate (concurrency)",
            p ->
                "%.0f Tenants/s over %s (%d threads)"
                    .formatted(
                        p.creation().perSecond(),
                        Durations.format(p.creation().elapsed()),
                        p.creationThreads())));
    rows.add(
        row(
            "create request latency P50 / P95 / max",
            p -> p.creation().requestLatency().describe()));
    rows.add(
        row(
            "first create until all Ready=True",
            p ->
                (p.allReady() ? "" : "NOT ALL READY after ")
                    + Durations.format(p.elapsed())
                    + " (%,d/%,d Ready)".formatted(p.readyCount(), p.creation().requested())));
    rows.add(
        row(
            "time until 50 % / 90 % / 99 % Ready",
            p ->
                String.join(
                    " / ",
                    java.util.stream.Stream.of(50, 90, 99)
                        .map(percent -> Durations.format(p.readyMilestones().get(percent)))
                        .toList())));
    rows.add(
        row(
            "reconciles per second (operator counters)",
            p ->
                p.reconciles().isEmpty()
                    ? "no counter; see status writes"
                    : "%.1f/s (%,.0f finished, %,.0f failed)"
                        .formatted(
                            p.reconcilesPerSecond(),
                            p.reconciles().finished(),
                            p.reconciles().failed())));
    rows.add(
        row("mean reconcile execution time (operator timer)", p -> meanExecution(p.reconciles())));
    rows.add(
        row(
            "Tenant status writes per second (informer)",
            p -> "%.1f/s (%,d writes)".formatted(p.statusWritesPerSecond(), p.statusWritesSeen())));
    rows.add(
        row(
            "spec change to Ready status P50 / P95 / max",
            p ->
                p.specChanges().latency().describe()
                    + ", writes at %.1f/s".formatted(p.specChanges().writesPerSecond())
                    + (p.specChanges().notReflected() > 0
                        ? ", %d not reflected".formatted(p.specChanges().notReflected())
                        : "")));
    rows.add(
        row(
            "operator heap after full GC",
            p ->
                "%.0f MB live (class histogram); used %.0f MB (GC.heap_info), %.0f MB (jvm_memory_used_bytes)"
                    .formatted(p.heap().liveMb(), p.heap().jcmdUsedMb(), p.heap().metricUsedMb())));
    rows.add(
        row(
            "CPU used until all Ready: operator / benchmark JVM / other processes",
            p ->
                Durations.format(p.usage().operatorCpu())
                    + " / "
                    + Durations.format(p.usage().benchmarkCpu())
                    + " / "
                    + Durations.format(p.usage().otherCpu())
                    + " (%.0f%% of %d cores)"
                        .formatted(
                            100
                                * Durations.seconds(
                                    p.usage()
                                        .operatorCpu()
                                        .plus(p.usage().benchmarkCpu())
                                        .plus(p.usage().otherCpu()))
                                / (Durations.seconds(p.elapsed()) * environment.cores()),
                            environment.cores())));
    rows.add(
        row(
            "API requests until all Ready (all mock servers)",
            p ->
                "%,d (%.0f/s, %.1f per reconcile)"
                    .formatted(
                        p.usage().apiRequestTotal(),
                        p.usage().apiRequestTotal() / Durations.seconds(p.elapsed()),
                        p.usage().apiRequestTotal() / Math.max(1, p.reconciles().finished()))));
    rows.add(
        row(
            "busiest mock-server event-loop thread, share of elapsed",
            p ->
                "%.0f%% (%s CPU)"
                    .formatted(
                        100
                            * Durations.seconds(p.usage().busiestEventLoopCpu())
                            / Durations.seconds(p.elapsed()),
                        Durations.format(p.usage().busiestEventLoopCpu()))));
    rows.add(
        row("mock API GET latency while creating", p -> p.apiLatencyWhileCreating().describe()));
    rows.add(
        row(
            "mock API GET latency during spec changes",
            p -> p.apiLatencyWhileChanging().describe()));
    rows.add(
        row("operator log ERROR / WARN lines", p -> p.log().errors() + " / " + p.log().warnings()));
    md.append(markdownRow(header));
    md.append(markdownRow(header.stream().map(h -> "---").toList()));
    rows.forEach(r -> md.append(markdownRow(r)));
  }

  private static String meanExecution(ReconcileCounters reconciles) {
    double seconds = reconciles.meanExecutionSeconds();
    return Double.isNaN(seconds)
        ? "-"
        : Durations.format(java.time.Duration.ofNanos((long) (seconds * 1e9)));
  }

  private List<String> row(String figure, Function<PhaseResult, String> value) {
    List<String> row = new ArrayList<>(List.of(figure));
    phases.forEach(p -> row.add(value.apply(p)));
    return row;
  }

  private static String markdownRow(List<String> cells) {
    return "| "
        + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList())
        + " |\n";
  }

  private static void requestMix(StringBuilder md, PhaseResult phase) {
    md.append("\n## Phase ")
        .append(phase.name())
        .append(": API requests until all were Ready, busiest first\n\n");
    phase.usage().apiRequests().entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .limit(REQUEST_KINDS_SHOWN)
        .forEach(e -> md.append("- %s: %,d%n".formatted(e.getKey(), e.getValue())));
  }

  private static void evidence(StringBuilder md, PhaseResult phase) {
    md.append("\n## Phase ").append(phase.name()).append(": problems, Events and operator log\n\n");
    if (phase.problems().isEmpty()) {
      md.append("- no problems: every Tenant became Ready and every spec change showed\n");
    }
    phase.problems().forEach(p -> md.append("- ").append(p).append('\n'));
    phase
        .tenantEvents()
        .forEach(
            (reason, count) ->
                md.append("- Events on Tenants, %s: %,d%n".formatted(reason, count)));
    for (Map.Entry<String, Integer> message : phase.log().topMessages().entrySet()) {
      md.append(
          "- log, %d×: `%s`%n".formatted(message.getValue(), message.getKey().replace("`", "'")));
    }
  }
}
