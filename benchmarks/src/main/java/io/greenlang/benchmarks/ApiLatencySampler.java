package io.greenlang.benchmarks;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.greenlang.crds.region.Region;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times one small read (GET of the Region) against the mock API server twice a second while a phase
 * runs: if this latency climbs, the API server, not the operator, is the bottleneck.
 */
final class ApiLatencySampler implements AutoCloseable {
  private static final Duration INTERVAL = Duration.ofMillis(500);

  private final KubernetesClient client;
  private final List<Duration> samples = new ArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  private ApiLatencySampler(KubernetesClient client) {
    this.client = client;
  }

  static ApiLatencySampler start(KubernetesClient client) {
    ApiLatencySampler sampler = new ApiLatencySampler(client);
    sampler.timer.scheduleWithFixedDelay(
        sampler::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return sampler;
  }

  private void sample() {
    long before = System.nanoTime();
    try {
      client.resources(Region.class).withName(BenchmarkRegion.NAME).get();
      Duration took = Duration.ofNanos(System.nanoTime() - before);
      synchronized (samples) {
        samples.add(took);
      }
    } catch (KubernetesClientException e) {
      failures.incrementAndGet();
    }
  }

  /** The latencies so far; clears them, so each part of a phase gets its own figures. */
  LatencyDistribution takeLatencies() {
    synchronized (samples) {
      LatencyDistribution distribution = LatencyDistribution.of(samples);
      samples.clear();
      return distribution;
    }
  }

  int failures() {
    return failures.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
