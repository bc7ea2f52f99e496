package io.greenlang.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Renders the figures of phase {@value TenantBenchmark#AGENTS} as a Markdown section. */
final class AgentPhaseReport {
  private static final int REQUEST_KINDS_SHOWN = 12;

  private AgentPhaseReport() {}

  static String render(BenchmarkEnvironment environment, String heap, AgentPhaseResult p) {
    StringBuilder md = new StringBuilder();
    md.append("# Agent workloads, phase agents\n\n");
    md.append("- Date: ").append(environment.date()).append('\n');
    md.append(
        "- Machine: %d cores (%s), %d GB RAM; load average %s%n"
            .formatted(
                environment.cores(),
                environment.cpuModel(),
                environment.memoryGb(),
                p.loadAverage()));
    md.append("- JVM: ").append(environment.jvm()).append('\n');
    md.append(
        "- Operator: the prod Quarkus application as a child process, -Xmx%s; indexed mock API server%n"
            .formatted(heap));
    md.append(
        "- Measured: an Agent counts once its status shows phase INITIALIZING or READY (the"
            + " Deployment and the other objects exist); no kubelet, so no pod becomes ready\n\n");
    md.append("| figure | value |\n|---|---|\n");
    row(md, "Agents", p.description());
    row(
        md,
        "Tenants: created, then all Ready",
        "%,d at %.0f/s, %,d Ready after %s"
            .formatted(
                p.tenantCreation().created(),
                p.tenantCreation().perSecond(),
                p.tenantsReady(),
                Durations.format(p.tenantsElapsed())));
    row(
        md,
        "Agent creation rate",
        "%.0f Agents/s over %s (%,d created)"
            .formatted(
                p.agentCreation().perSecond(),
                Durations.format(p.agentCreation().elapsed()),
                p.agentCreation().created()));
    row(
        md,
        "first Agent create until all have their workload",
        (p.allCreated() ? "" : "NOT ALL after ")
            + Durations.format(p.elapsed())
            + " (%,d/%,d)".formatted(p.createdCount(), p.agentCreation().requested()));
    row(
        md,
        "time until 50 % / 90 % / 99 %",
        String.join(
            " / ",
            Stream.of(50, 90, 99)
                .map(percent -> Durations.format(p.milestones().get(percent)))
                .toList()));
    row(
        md,
        "reconciles per second (controller `agent`)",
        "%.1f/s (%,.0f finished, %,.0f failed)"
            .formatted(
                p.reconcilesPerSecond(), p.reconciles().finished(), p.reconciles().failed()));
    double mean = p.reconciles().meanExecutionSeconds();
    row(md, "mean reconcile time", Double.isNaN(mean) ? "-" : "%.1f ms".formatted(mean * 1000));
    row(md, "Agent status writes seen (informer)", "%,d".formatted(p.statusWritesSeen()));
    row(
        md,
        "API requests until all had their workload",
        "%,d (%.0f/s, %.1f per reconcile, %.1f per Agent)"
            .formatted(
                p.usage().apiRequestTotal(),
                p.usage().apiRequestTotal() / Durations.seconds(p.elapsed()),
                p.usage().apiRequestTotal() / Math.max(1, p.reconciles().finished()),
                p.usage().apiRequestTotal() / (double) Math.max(1, p.createdCount())));
    row(
        md,
        "operator heap after full GC",
        "%.0f MB live (class histogram); used %.0f MB (GC.heap_info), %.0f MB (jvm_memory_used_bytes)"
            .formatted(p.heap().liveMb(), p.heap().jcmdUsedMb(), p.heap().metricUsedMb()));
    row(
        md,
        "objects in the mock API server",
        "%,d (%s)".formatted(p.storedObjectTotal(), describe(p.storedObjects())));
    row(md, "Agents by phase at the end", describe(p.phasesAtEnd()));
    row(
        md,
        "CPU until all had their workload: operator / benchmark JVM / other processes",
        Durations.format(p.usage().operatorCpu())
            + " / "
            + Durations.format(p.usage().benchmarkCpu())
            + " / "
            + Durations.format(p.usage().otherCpu()));
    row(md, "operator log ERROR / WARN lines", p.log().errors() + " / " + p.log().warnings());
    md.append("\n## Phase agents: API requests until all had their workload, busiest first\n\n");
    p.usage().apiRequests().entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .limit(REQUEST_KINDS_SHOWN)
        .forEach(e -> md.append("- %s: %,d%n".formatted(e.getKey(), e.getValue())));
    md.append("\n## Phase agents: problems and operator log\n\n");
    if (p.problems().isEmpty()) {
      md.append("- no problems: every Agent got its workload\n");
    }
    p.problems().forEach(problem -> md.append("- ").append(problem).append('\n'));
    for (Map.Entry<String, Integer> message : p.log().topMessages().entrySet()) {
      md.append(
          "- log, %d×: `%s`%n".formatted(message.getValue(), message.getKey().replace("`", "'")));
    }
    md.append("\n- heap: ").append(p.heap().heapInfo().strip().replace("\n", " ")).append('\n');
    md.append("- largest live classes:\n");
    p.heap().largestClasses().forEach(c -> md.append("  - ").append(c).append('\n'));
    return md.toString();
  }

  private static String describe(Map<String, Long> counts) {
    List<String> parts =
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> "%s %,d".formatted(e.getKey(), e.getValue()))
            .toList();
    return String.join(", ", parts);
  }

  private static void row(StringBuilder md, String figure, String value) {
    md.append("| ").append(figure).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }
}
