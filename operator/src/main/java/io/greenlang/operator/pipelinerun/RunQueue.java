package io.greenlang.operator.pipelinerun;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.greenlang.crds.pipeline.ConcurrencyPolicy;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantQuotas;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Admits runs to the tenant's slots ({@link TenantRunSlots}) from the informer cache of runs,
 * applies concurrency policy Replace (older runs of the Pipeline are cancelled, annotated {@value
 * #REPLACED_BY}) and wakes the queued runs of a tenant when a slot frees.
 */
final class RunQueue {
  static final String REPLACED_BY = "greenlang.io/replaced-by";
  static final String TENANT_INDEX = "pipelinerun-tenant";
  private static final Logger LOG = Logger.getLogger(RunQueue.class);

  private final IndexedResourceCache<PipelineRun> runs;
  private final TenantRunSlots slots;
  private final SimpleInboundEventSource<PipelineRun> wakeups;
  private final KubernetesClient client;

  RunQueue(
      IndexedResourceCache<PipelineRun> runs,
      TenantRunSlots slots,
      SimpleInboundEventSource<PipelineRun> wakeups,
      KubernetesClient client) {
    this.runs = runs;
    this.slots = slots;
    this.wakeups = wakeups;
    this.client = client;
  }

  /** The tenant a run's status names, for the cache index. */
  static List<String> tenantOf(PipelineRun run) {
    return run.getStatus() == null || run.getStatus().getTenant() == null
        ? List.of()
        : List.of(run.getStatus().getTenant());
  }

  /** Admits the run or says why it queues; cancels older runs under policy Replace. */
  Optional<TenantRunSlots.Queued> admit(PipelineRun run, PipelineRunStatus status, Tenant tenant) {
    ConcurrencyPolicy policy = status.getPipelineSpec().getConcurrencyPolicy();
    if (policy == ConcurrencyPolicy.Replace) {
      replaceOlderRuns(run);
    }
    List<TenantRunSlots.RunView> tenantRuns =
        runs.byIndex(TENANT_INDEX, status.getTenant()).stream().map(RunQueue::view).toList();
    return slots.admit(
        status.getTenant(),
        view(run),
        TenantQuotas.of(tenant.getSpec()).concurrentRuns(),
        policy == null ? ConcurrencyPolicy.Allow : policy,
        tenantRuns);
  }

  /** The run holds no slot any more; the tenant's queued runs look again. */
  void release(String tenant, ResourceID run) {
    if (tenant == null) {
      return;
    }
    slots.release(tenant, run);
    runs.byIndex(TENANT_INDEX, tenant).stream()
        .filter(r -> r.getStatus() != null && r.getStatus().getPhase() == RunPhase.Queued)
        .filter(r -> !ResourceID.fromResource(r).equals(run))
        .forEach(r -> wakeups.propagateEvent(ResourceID.fromResource(r)));
  }

  /**
   * Cancels the other runs of the Pipeline that started or queued and were not created after this
   * one (creation times have a one-second resolution, so "not after" rather than "before").
   */
  private void replaceOlderRuns(PipelineRun run) {
    String pipeline = run.getSpec().getPipelineRef().getName();
    TenantRunSlots.RunView self = view(run);
    runs.list(run.getMetadata().getNamespace())
        .filter(r -> pipeline.equals(r.getSpec().getPipelineRef().getName()))
        .filter(r -> !ResourceID.fromResource(r).equals(self.id()))
        .filter(r -> !Boolean.TRUE.equals(r.getSpec().getCancelled()))
        .filter(r -> view(r).active() || view(r).phase() == RunPhase.Queued)
        .filter(r -> !view(r).created().isAfter(self.created()))
        .forEach(older -> cancel(older, run.getMetadata().getName()));
  }

  private void cancel(PipelineRun older, String newer) {
    try {
      client
          .resources(PipelineRun.class)
          .inNamespace(older.getMetadata().getNamespace())
          .withName(older.getMetadata().getName())
          .edit(
              r -> {
                if (r.getMetadata().getAnnotations() == null) {
                  r.getMetadata().setAnnotations(new HashMap<>());
                }
                r.getMetadata().getAnnotations().put(REPLACED_BY, newer);
                r.getSpec().setCancelled(true);
                return r;
              });
    } catch (KubernetesClientException e) {
      LOG.warnf(
          "Could not cancel run %s/%s replaced by %s: %s",
          older.getMetadata().getNamespace(), older.getMetadata().getName(), newer, e.getMessage());
    }
  }

  static TenantRunSlots.RunView view(PipelineRun run) {
    PipelineRunStatus status = run.getStatus();
    String created = run.getMetadata().getCreationTimestamp();
    return new TenantRunSlots.RunView(
        ResourceID.fromResource(run),
        run.getMetadata().getNamespace() + "/" + run.getSpec().getPipelineRef().getName(),
        status == null ? null : status.getPhase(),
        created == null ? Instant.EPOCH : Instant.parse(created),
        Boolean.TRUE.equals(run.getSpec().getCancelled()),
        status == null
            ? null
            : status.condition(PipelineRunStatus.SUCCEEDED).map(c -> c.getReason()).orElse(null));
  }
}
