package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipeline.ConcurrencyPolicy;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenant's concurrent-run slots (quota {@code concurrentRuns}): a run starts only while fewer
 * of the tenant's runs are Running (or compensating) than the quota, and after the runs queued
 * before it (first in, first out by creation time). Under concurrency policy Forbid a run also
 * waits while another run of the same Pipeline is active or queued before it. Runs admitted by this
 * process count at once, before their status reaches the informer cache; after a restart the cache
 * alone says which runs hold slots.
 */
@ApplicationScoped
public class TenantRunSlots {
  public static final String TENANT_LIMIT = "TenantConcurrencyLimit";
  public static final String WAITING_FOR_RUN = "WaitingForRun";

  private final Map<String, Map<ResourceID, String>> admitted = new HashMap<>();

  /**
   * Runs released here whose finished status may not have reached the cache yet: the queued runs
   * they wake must not count them.
   */
  private final Map<String, Set<ResourceID>> released = new HashMap<>();

  /**
   * Admits {@code candidate} or says why it queues.
   *
   * @param tenantRuns the tenant's runs as the cache sees them (the candidate among them or not)
   */
  public synchronized Optional<Queued> admit(
      String tenant,
      RunView candidate,
      int limit,
      ConcurrencyPolicy policy,
      List<RunView> tenantRuns) {
    Map<ResourceID, RunView> known =
        tenantRuns.stream().collect(Collectors.toMap(RunView::id, v -> v, (a, b) -> a));
    Map<ResourceID, String> ours = admitted.computeIfAbsent(tenant, t -> new HashMap<>());
    // A run this process admitted that is gone or finished holds no slot any more.
    ours.keySet().removeIf(id -> !known.containsKey(id) || known.get(id).finished());
    Set<ResourceID> gone = released.computeIfAbsent(tenant, t -> new HashSet<>());
    gone.removeIf(id -> !known.containsKey(id) || known.get(id).finished());
    Map<ResourceID, String> active = new HashMap<>(ours);
    tenantRuns.stream()
        .filter(RunView::active)
        .filter(v -> !gone.contains(v.id()))
        .forEach(v -> active.put(v.id(), v.pipeline()));
    if (active.containsKey(candidate.id())) {
      return Optional.empty();
    }
    if (policy == ConcurrencyPolicy.Forbid) {
      Optional<String> blocker =
          active.entrySet().stream()
              .filter(e -> e.getValue().equals(candidate.pipeline()))
              .map(e -> e.getKey().getName())
              .findFirst()
              .or(
                  () ->
                      queuedBefore(candidate, tenantRuns, true, active.keySet()).stream()
                          .map(v -> v.id().getName())
                          .findFirst());
      if (blocker.isPresent()) {
        return Optional.of(
            new Queued(
                WAITING_FOR_RUN,
                "Pipeline "
                    + candidate.pipeline()
                    + " forbids concurrent runs: waiting for run "
                    + blocker.get()));
      }
    }
    List<RunView> ahead = queuedBefore(candidate, tenantRuns, false, active.keySet());
    if (active.size() + ahead.size() >= limit) {
      return Optional.of(
          new Queued(
              TENANT_LIMIT,
              "tenant "
                  + tenant
                  + " has "
                  + active.size()
                  + " of "
                  + limit
                  + " concurrent runs (quota concurrentRuns); "
                  + ahead.size()
                  + " queued before this one"));
    }
    ours.put(candidate.id(), candidate.pipeline());
    return Optional.empty();
  }

  /** The run no longer holds a slot (finished or deleted). */
  public synchronized void release(String tenant, ResourceID run) {
    Map<ResourceID, String> ours = admitted.get(tenant);
    if (ours != null) {
      ours.remove(run);
    }
    released.computeIfAbsent(tenant, t -> new HashSet<>()).add(run);
  }

  /**
   * Runs queued before {@code candidate}: older, waiting for a slot, not cancelled; with {@code
   * samePipeline} only those of its Pipeline, else only those waiting for the tenant's quota. Runs
   * already admitted but still Queued in the cache are active, not ahead.
   */
  private static List<RunView> queuedBefore(
      RunView candidate, List<RunView> tenantRuns, boolean samePipeline, Set<ResourceID> active) {
    Comparator<RunView> fifo = RunView.FIFO;
    Set<ResourceID> seen = new HashSet<>();
    return tenantRuns.stream()
        .filter(v -> seen.add(v.id()))
        .filter(v -> !v.id().equals(candidate.id()) && !active.contains(v.id()))
        .filter(v -> v.phase() == RunPhase.Queued && !v.cancelled())
        .filter(v -> fifo.compare(v, candidate) < 0)
        .filter(
            v ->
                samePipeline
                    ? v.pipeline().equals(candidate.pipeline())
                    : TENANT_LIMIT.equals(v.queueReason()))
        .toList();
  }

  /** Why a run queues. */
  public record Queued(String reason, String message) {}

  /**
   * What slot accounting needs of a run: its id, its Pipeline ({@code namespace/name}), phase,
   * creation time, whether it is cancelled and, when queued, why.
   */
  public record RunView(
      ResourceID id,
      String pipeline,
      RunPhase phase,
      Instant created,
      boolean cancelled,
      String queueReason) {
    static final Comparator<RunView> FIFO =
        Comparator.comparing(RunView::created).thenComparing(v -> v.id().getName());

    boolean active() {
      return phase == RunPhase.Running || phase == RunPhase.Compensating;
    }

    boolean finished() {
      return PipelineRunStatusAggregator.FINISHED.contains(phase);
    }
  }
}
