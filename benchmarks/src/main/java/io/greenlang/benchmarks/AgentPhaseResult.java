package io.greenlang.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The figures of phase {@value TenantBenchmark#AGENTS}.
 *
 * @param description what the phase creates
 * @param tenantCreation how creating the Tenants went
 * @param tenantsElapsed first Tenant create until the last Tenant was Ready (or gave up)
 * @param tenantsReady Tenants that became Ready
 * @param agentCreation how creating the Agents went
 * @param elapsed first Agent create until the last Agent reported its workload (or gave up)
 * @param allCreated whether every Agent reported its workload in time
 * @param createdCount Agents that reported {@code INITIALIZING} or {@code READY}
 * @param milestones how long until 50, 90 and 99 % of the Agents got there
 * @param reconciles growth of the {@code agent} controller's counters over {@link #elapsed}
 * @param statusWritesSeen Agent status changes the benchmark's informer saw over that time
 * @param usage CPU per process and API requests over that time
 * @param heap operator heap after a full GC with every Agent and its workload in its caches
 * @param storedObjects objects the mock API server held at the end, by resource plural
 * @param phasesAtEnd Agents by {@code status.phase} at the end
 * @param loadAverage the machine's 1/5/15-minute load averages at the start and end of the phase
 * @param log ERROR/WARN lines of the operator log
 * @param problems evidence of misbehaviour: Agents without workload, failed creates, dead operator
 */
record AgentPhaseResult(
    String description,
    TenantCreator.Creation tenantCreation,
    Duration tenantsElapsed,
    int tenantsReady,
    TenantCreator.Creation agentCreation,
    Duration elapsed,
    boolean allCreated,
    int createdCount,
    Map<Integer, Duration> milestones,
    ReconcileCounters reconciles,
    long statusWritesSeen,
    ResourceUsageMeter.Usage usage,
    OperatorHeap.AfterFullGc heap,
    Map<String, Long> storedObjects,
    Map<String, Long> phasesAtEnd,
    String loadAverage,
    OperatorLogSummary log,
    List<String> problems) {

  double reconcilesPerSecond() {
    return reconciles.finished() / Durations.seconds(elapsed);
  }

  long storedObjectTotal() {
    return storedObjects.values().stream().mapToLong(Long::longValue).sum();
  }
}
