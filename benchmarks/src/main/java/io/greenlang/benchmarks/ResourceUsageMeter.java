package io.greenlang.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who used the machine during a stretch of a phase: CPU of the operator, of the benchmark JVM (mock
 * API servers, informer, creators) and of every other process; the busiest mock-server event-loop
 * thread; and the API requests the mock servers received, by verb and resource.
 */
final class ResourceUsageMeter {
  private final OperatorProcess operator;
  private final ApiRequestCounter requests;
  private final Duration operatorCpuBefore;
  private final Duration benchmarkCpuBefore;
  private final Duration machineCpuBefore;
  private final Map<Long, Duration> eventLoopCpuBefore;
  private final Map<String, Long> requestsBefore;

  private ResourceUsageMeter(OperatorProcess operator, ApiRequestCounter requests) {
    this.operator = operator;
    this.requests = requests;
    this.requestsBefore = requests.snapshot();
    this.eventLoopCpuBefore = MockServerThreads.eventLoopCpu();
    this.operatorCpuBefore = operator.cpuTime().orElse(Duration.ZERO);
    this.benchmarkCpuBefore = BenchmarkEnvironment.benchmarkCpuTime();
    this.machineCpuBefore = BenchmarkEnvironment.machineCpuTime().orElse(Duration.ZERO);
  }

  /**
   * What was used between {@link #start} and {@link #stop}.
   *
   * @param otherCpu CPU every other process of the machine used (builds, tests, databases)
   * @param apiRequests requests by verb and resource, busiest first
   * @param busiestEventLoopCpu CPU of the busiest mock-server event-loop thread
   */
  record Usage(
      Duration operatorCpu,
      Duration benchmarkCpu,
      Duration otherCpu,
      Map<String, Long> apiRequests,
      Duration busiestEventLoopCpu) {
    long apiRequestTotal() {
      return apiRequests.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static ResourceUsageMeter start(OperatorProcess operator, ApiRequestCounter requests) {
    return new ResourceUsageMeter(operator, requests);
  }

  Usage stop() {
    Duration operatorCpu = operator.cpuTime().orElse(Duration.ZERO).minus(operatorCpuBefore);
    Duration benchmarkCpu = BenchmarkEnvironment.benchmarkCpuTime().minus(benchmarkCpuBefore);
    Duration otherCpu =
        BenchmarkEnvironment.machineCpuTime()
            .map(now -> now.minus(machineCpuBefore).minus(operatorCpu).minus(benchmarkCpu))
            .map(other -> other.isNegative() ? Duration.ZERO : other)
            .orElse(Duration.ZERO);
    Map<String, Long> delta = new LinkedHashMap<>();
    requests
        .snapshot()
        .forEach((key, count) -> delta.put(key, count - requestsBefore.getOrDefault(key, 0L)));
    return new Usage(
        operatorCpu,
        benchmarkCpu,
        otherCpu,
        delta,
        MockServerThreads.busiestSince(eventLoopCpuBefore));
  }
}
