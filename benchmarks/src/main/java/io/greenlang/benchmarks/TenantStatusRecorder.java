package io.greenlang.benchmarks;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches Tenants (a fabric8 informer in the benchmark process) and timestamps, as events arrive,
 * when each one first reports {@code Ready=True} for each {@code status.observedGeneration}; also
 * counts the status writes it sees. Waiting reads these timestamps, never the API server.
 */
final class TenantStatusRecorder implements ResourceEventHandler<Tenant>, AutoCloseable {
  private final FirstArrivals firstReady = new FirstArrivals();
  private final ConcurrentMap<String, ConcurrentSkipListMap<Long, Long>> readyNanosByGeneration =
      new ConcurrentHashMap<>();
  private final AtomicLong statusWrites = new AtomicLong();
  private SharedIndexInformer<Tenant> informer;

  private TenantStatusRecorder() {}

  /** Starts watching every Tenant in the API server of {@code client}. */
  static TenantStatusRecorder start(KubernetesClient client) {
    TenantStatusRecorder recorder = new TenantStatusRecorder();
    recorder.informer = client.resources(Tenant.class).inform(recorder, 0);
    return recorder;
  }

  @Override
  public void onAdd(Tenant tenant) {
    if (tenant.getStatus() != null) {
      statusWrites.incrementAndGet();
    }
    record(tenant, System.nanoTime());
  }

  @Override
  public void onUpdate(Tenant old, Tenant updated) {
    if (!Objects.equals(statusJson(old), statusJson(updated))) {
      statusWrites.incrementAndGet();
    }
    record(updated, System.nanoTime());
  }

  @Override
  public void onDelete(Tenant tenant, boolean deletedFinalStateUnknown) {
    // Benchmarks never delete Tenants.
  }

  private void record(Tenant tenant, long now) {
    if (!isReady(tenant) || tenant.getStatus().getObservedGeneration() == null) {
      return;
    }
    String name = tenant.getMetadata().getName();
    firstReady.record(name, now);
    readyNanosByGeneration
        .computeIfAbsent(name, n -> new ConcurrentSkipListMap<>())
        .putIfAbsent(tenant.getStatus().getObservedGeneration(), now);
  }

  static boolean isReady(Tenant tenant) {
    return tenant.getStatus() != null
        && tenant.getStatus().condition(TenantStatus.READY).map(Condition::isTrue).orElse(false);
  }

  /** Status changes seen so far (a Tenant whose status differs from its previous version). */
  long statusWrites() {
    return statusWrites.get();
  }

  /** When (System.nanoTime) the Tenant first reported Ready=True for this generation or later. */
  OptionalLong readyAt(String name, long generation) {
    var byGeneration = readyNanosByGeneration.get(name);
    var entry = byGeneration == null ? null : byGeneration.ceilingEntry(generation);
    return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.getValue());
  }

  /** How many of {@code names} have been Ready at least once. */
  int readyCount(Collection<String> names) {
    return firstReady.count(names);
  }

  /**
   * Waits until every named Tenant has been Ready once; returns when the last one became Ready, or
   * empty if some are still not Ready at the deadline.
   */
  OptionalLong awaitAllReady(Collection<String> names, Duration timeout)
      throws InterruptedException {
    return firstReady.awaitAll(names, timeout);
  }

  /**
   * How long after {@code startNanos} the given percentages of {@code names} had been Ready once;
   * percentages not reached are left out.
   */
  Map<Integer, Duration> readyMilestones(List<String> names, long startNanos, int... percents) {
    return firstReady.milestones(names, startNanos, percents);
  }

  /** Tenants of {@code names} that are not Ready now, as the informer cache holds them. */
  List<Tenant> notReadyNow(Collection<String> names) {
    return names.stream()
        .map(name -> informer.getStore().getByKey(name))
        .filter(t -> t != null && !isReady(t))
        .toList();
  }

  /** The Tenant as last seen, if at all. */
  Optional<Tenant> lastSeen(String name) {
    return Optional.ofNullable(informer.getStore().getByKey(name));
  }

  private static String statusJson(Tenant tenant) {
    return tenant.getStatus() == null ? null : Serialization.asJson(tenant.getStatus());
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
  }
}
