package io.greenlang.benchmarks;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.tenant.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Changes the spec of sample Tenants in a steady stream (one JSON patch adding a member each, which
 * bumps metadata.generation) and measures, from just before each write, how long until the informer
 * sees {@code status.observedGeneration} reach the new generation with Ready=True.
 */
final class SpecChangeStream {
  private final KubernetesClient client;
  private final TenantStatusRecorder recorder;

  SpecChangeStream(KubernetesClient client, TenantStatusRecorder recorder) {
    this.client = client;
    this.recorder = recorder;
  }

  /**
   * The latencies of the changes that were reflected, and what was not.
   *
   * @param writesPerSecond the rate the writes achieved (below the target when writes are slow)
   */
  record Result(
      LatencyDistribution latency,
      int requested,
      int written,
      int notReflected,
      List<String> problems,
      double writesPerSecond) {}

  private record PendingChange(String tenant, long generation, long writtenAtNanos) {}

  Result run(List<String> tenants, double perSecond, Duration timeout) throws InterruptedException {
    List<PendingChange> pending = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long intervalNanos = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    for (int i = 0; i < tenants.size(); i++) {
      if (System.nanoTime() - start > timeout.toNanos()) {
        problems.add(
            (tenants.size() - i) + " changes not written: writing took longer than " + timeout);
        break;
      }
      sleepUntil(start + i * intervalNanos);
      String name = tenants.get(i);
      long before = System.nanoTime();
      try {
        Tenant changed =
            client
                .resources(Tenant.class)
                .withName(name)
                .patch(PatchContext.of(PatchType.JSON), addMemberPatch(name));
        pending.add(new PendingChange(name, changed.getMetadata().getGeneration(), before));
      } catch (KubernetesClientException e) {
        problems.add(name + ": write failed: " + e.getMessage());
      }
    }
    double writesPerSecond = pending.size() / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    List<Duration> latencies = new ArrayList<>();
    List<String> unreflected = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (PendingChange change : pending) {
      OptionalLong reflected;
      while ((reflected = recorder.readyAt(change.tenant(), change.generation())).isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (reflected.isPresent()) {
        latencies.add(Duration.ofNanos(reflected.getAsLong() - change.writtenAtNanos()));
      } else {
        unreflected.add(
            change.tenant()
                + " (generation "
                + change.generation()
                + ", "
                + observed(change.tenant())
                + ")");
      }
    }
    if (!unreflected.isEmpty()) {
      problems.add(
          unreflected.size()
              + " spec change(s) not reflected within "
              + timeout.toMinutes()
              + " min of the last write, e.g. "
              + String.join("; ", unreflected.subList(0, Math.min(3, unreflected.size()))));
    }
    return new Result(
        LatencyDistribution.of(latencies),
        tenants.size(),
        pending.size(),
        pending.size() - latencies.size(),
        problems,
        writesPerSecond);
  }

  private String observed(String tenant) {
    return recorder
        .lastSeen(tenant)
        .map(
            t ->
                "status.observedGeneration "
                    + (t.getStatus() == null ? "none" : t.getStatus().getObservedGeneration())
                    + ", Ready "
                    + TenantStatusRecorder.isReady(t))
        .orElse("not seen");
  }

  private static String addMemberPatch(String tenant) {
    String member = Serialization.asJson(TenantBlueprints.addedMember(tenant));
    return "[{\"op\":\"add\",\"path\":\"/spec/members/-\",\"value\":" + member + "}]";
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
