package io.greenlang.benchmarks;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates Tenants (or other objects, such as Agents) with a fixed number of concurrent requests (a
 * small thread pool), timing every create, so the operator, not only the API server, is what the
 * phase measures.
 */
final class TenantCreator {
  private final KubernetesClient client;
  private final int threads;

  TenantCreator(KubernetesClient client, int threads) {
    this.client = client;
    this.threads = threads;
  }

  /** What creating a batch took. */
  record Creation(
      int requested,
      int created,
      List<String> failures,
      Duration elapsed,
      LatencyDistribution requestLatency) {
    double perSecond() {
      return created / Math.max(1e-9, Durations.seconds(elapsed));
    }
  }

  /** Creates every object, at most {@code threads} at a time, giving up after {@code timeout}. */
  Creation createAll(List<? extends HasMetadata> tenants, Duration timeout)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger created = new AtomicInteger();
    List<Duration> latencies = Collections.synchronizedList(new ArrayList<>(tenants.size()));
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            int i;
            while ((i = next.getAndIncrement()) < tenants.size() && System.nanoTime() < deadline) {
              HasMetadata tenant = tenants.get(i);
              long before = System.nanoTime();
              try {
                client.resource(tenant).create();
                latencies.add(Duration.ofNanos(System.nanoTime() - before));
                created.incrementAndGet();
              } catch (KubernetesClientException e) {
                failures.add(tenant.getMetadata().getName() + ": " + e.getMessage());
              }
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(
        timeout.toNanos() + TimeUnit.MINUTES.toNanos(1), TimeUnit.NANOSECONDS)) {
      pool.shutdownNow();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Creation(
        tenants.size(),
        created.get(),
        List.copyOf(failures),
        elapsed,
        LatencyDistribution.of(List.copyOf(latencies)));
  }
}
