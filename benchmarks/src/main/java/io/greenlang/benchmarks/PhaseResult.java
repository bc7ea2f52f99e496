package io.greenlang.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark phase.
 *
 * @param name phase name ({@code mixed} or {@code logical})
 * @param description what the phase creates
 * @param creation how creating the Tenants went
 * @param creationThreads concurrent create requests
 * @param elapsed first create until the last Tenant was Ready=True (or until the timeout)
 * @param allReady whether every Tenant became Ready within the timeout
 * @param readyCount Tenants that became Ready within the timeout
 * @param readyMilestones how long until 50, 90, 99 and 100 % of the Tenants had been Ready
 * @param reconciles growth of the Tenant controller's reconcile counters over that time
 * @param statusWritesSeen Tenant status changes the benchmark's informer saw over that time
 * @param specChanges spec-change-to-status latencies
 * @param heap operator heap after a full GC, with every Tenant in its caches
 * @param apiLatencyWhileCreating GET latency of the mock API server until all were Ready
 * @param apiLatencyWhileChanging GET latency of the mock API server during the spec changes
 * @param usage CPU per process, busiest mock-server thread and API requests until all were Ready
 * @param tenantEvents Kubernetes Events on Tenants by type and reason, at the end of the phase
 * @param log ERROR/WARN lines of the operator log
 * @param problems evidence of misbehaviour: Tenants never Ready, failed writes, a dead operator
 */
record PhaseResult(
    String name,
    String description,
    TenantCreator.Creation creation,
    int creationThreads,
    Duration elapsed,
    boolean allReady,
    int readyCount,
    Map<Integer, Duration> readyMilestones,
    ReconcileCounters reconciles,
    long statusWritesSeen,
    SpecChangeStream.Result specChanges,
    OperatorHeap.AfterFullGc heap,
    LatencyDistribution apiLatencyWhileCreating,
    LatencyDistribution apiLatencyWhileChanging,
    ResourceUsageMeter.Usage usage,
    Map<String, Long> tenantEvents,
    OperatorLogSummary log,
    List<String> problems) {

  /** Reconciles per second over {@link #elapsed}, by the operator's own counters. */
  double reconcilesPerSecond() {
    return reconciles.finished() / Durations.seconds(elapsed);
  }

  /** Status writes per second over {@link #elapsed}, as the benchmark's informer saw them. */
  double statusWritesPerSecond() {
    return statusWritesSeen / Durations.seconds(elapsed);
  }
}
