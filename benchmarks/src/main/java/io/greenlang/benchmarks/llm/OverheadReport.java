package io.greenlang.benchmarks.llm;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The Markdown report of {@link LlmGatewayBenchmark}: environment, latency added, throughput. */
final class OverheadReport {

  private final int warmup;
  private final int seconds;

  OverheadReport(int warmup, int seconds) {
    this.warmup = warmup;
    this.seconds = seconds;
  }

  String render(List<LatencySamples> latency, List<String> throughput, double[] best) {
    StringBuilder md = new StringBuilder("# LLM gateway overhead benchmark\n\n");
    md.append("- Date: ").append(LocalDate.now()).append('\n');
    md.append(
        String.format(
            "- Machine: %d cores (load average %.1f when the report was written: other builds share"
                + " it), JVM %s %s%n",
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.version")));
    md.append(
        "- Provider: LocalLlmServer (OpenAI Chat Completions wire, JDK HTTP server, no delay) on"
            + " loopback; PostgreSQL and Redis from GL_POSTGRES_URL / GL_REDIS_URL\n");
    md.append(
        "- Direct: langchain4j OpenAiChatModel with its default JDK HTTP client. Gateway:"
            + " LlmGateway.chat with a tenant budget, daily token quota, a usage row per call and a"
            + " Prometheus registry; \"durable\" waits for PostgreSQL's WAL flush of the usage row"
            + " (the default), \"async commit\" does not (greenlang.llm.usage.wait-for-flush=false)\n\n");
    md.append(
        String.format(
            "## Latency added, %d sequential calls each (interleaved, after %d warm-up calls)%n%n",
            latency.get(0).count(), warmup));
    md.append(
        "| percentile | direct (ms) | gateway, durable (ms) | overhead (ms) | gateway, async commit"
            + " (ms) | overhead (ms) |\n|---|---|---|---|---|---|\n");
    for (double percent : new double[] {50, 95, 99}) {
      double d = latency.get(0).percentileMillis(percent);
      double g = latency.get(1).percentileMillis(percent);
      double a = latency.get(2).percentileMillis(percent);
      md.append(
          String.format(
              Locale.ROOT,
              "| P%.0f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
              percent,
              d,
              g,
              g - d,
              a,
              a - d));
    }
    md.append(
        String.format(
            "%n## Throughput, %d s per run (closed loop)%n%n| callers | direct req/s | P50 / P99 (ms)"
                + " | errors | durable req/s | P50 / P99 (ms) | errors | async commit req/s | P50 / P99"
                + " (ms) | errors |%n|---|---|---|---|---|---|---|---|---|---|%n",
            seconds));
    throughput.forEach(line -> md.append(line).append('\n'));
    md.append(
        String.format(
            Locale.ROOT,
            "%nMaximum sustained without errors: direct %.0f, gateway durable %.0f, gateway async"
                + " commit %.0f requests per second.%n",
            best[0],
            best[1],
            best[2]));
    return md.toString();
  }
}
