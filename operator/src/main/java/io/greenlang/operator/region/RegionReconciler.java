package io.greenlang.operator.region;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.OperatorSettings;
import io.greenlang.operator.events.EventReason;
import io.greenlang.operator.events.EventRecorder;
import io.greenlang.operator.status.StatusChange;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reconciles a Region: resolves its connection Secrets, probes its clusters, PostgreSQL and Redis,
 * and reports Ready or NotReady with the reason. Checks again periodically; writes status only on
 * change.
 */
@ControllerConfiguration(name = "region")
public class RegionReconciler implements Reconciler<Region> {
  private static final Logger LOG = Logger.getLogger(RegionReconciler.class);

  private final RegionObserver observer;
  private final EventRecorder events;
  private final OperatorSettings settings;

  public RegionReconciler(
      RegionObserver observer, EventRecorder events, OperatorSettings settings) {
    this.observer = observer;
    this.events = events;
    this.settings = settings;
  }

  /** Tenants map to their Region, so adding or removing one updates the Region's tenant count. */
  @Override
  public List<EventSource<?, Region>> prepareEventSources(EventSourceContext<Region> context) {
    var tenants =
        InformerEventSourceConfiguration.from(Tenant.class, Region.class)
            .withSecondaryToPrimaryMapper(RegionReconciler::regionOf)
            .withOnUpdateFilter((updated, old) -> !regionOf(updated).equals(regionOf(old)))
            .build();
    return List.of(new InformerEventSource<>(tenants, context));
  }

  @Override
  public UpdateControl<Region> reconcile(Region region, Context<Region> context) {
    RegionObservation seen = observer.observe(region);
    int tenantCount = context.getSecondaryResources(Tenant.class).size();
    RegionStatus computed =
        RegionStatusAggregator.aggregate(region, seen, tenantCount, Instant.now());
    recordTransition(region, region.getStatus(), computed);

    boolean ready = computed.condition(RegionStatus.READY).map(Condition::isTrue).orElse(false);
    var next = ready ? settings.region().recheckInterval() : settings.region().retryInterval();
    if (!StatusChange.differs(region.getStatus(), computed)) {
      return UpdateControl.<Region>noUpdate().rescheduleAfter(next);
    }
    region.setStatus(computed);
    return UpdateControl.patchStatus(region).rescheduleAfter(next);
  }

  /** Unexpected errors: mark NotReady with the error, emit a Warning, and let the SDK retry. */
  @Override
  public ErrorStatusUpdateControl<Region> updateErrorStatus(
      Region region, Context<Region> context, Exception error) {
    String message =
        "Reconcile failed: " + error.getClass().getSimpleName() + ": " + error.getMessage();
    LOG.warnf(error, "Region %s: %s", region.getMetadata().getName(), message);
    events.record(region, EventReason.ReconcileError, message);
    return ErrorStatusUpdateControl.defaultErrorProcessing();
  }

  private void recordTransition(HasMetadata region, RegionStatus before, RegionStatus after) {
    Optional<Condition> wasReady =
        before == null ? Optional.empty() : before.condition(RegionStatus.READY);
    Condition nowReady = after.condition(RegionStatus.READY).orElseThrow();
    boolean changed =
        wasReady.isEmpty()
            || wasReady.get().getStatus() != nowReady.getStatus()
            || !Objects.equals(wasReady.get().getReason(), nowReady.getReason());
    if (!changed) {
      return;
    }
    if (nowReady.isTrue()) {
      events.record(region, EventReason.RegionReady, nowReady.getMessage());
      return;
    }
    events.record(region, failureReason(after), nowReady.getMessage());
  }

  private static EventReason failureReason(RegionStatus status) {
    if (isFalse(status, RegionStatus.SECRETS_RESOLVED)) {
      return EventReason.SecretNotFound;
    }
    if (isFalse(status, RegionStatus.DATABASE_REACHABLE)) {
      return EventReason.DatabaseUnreachable;
    }
    if (isFalse(status, RegionStatus.CACHE_REACHABLE)) {
      return EventReason.CacheUnreachable;
    }
    if (isFalse(status, RegionStatus.CLUSTERS_REACHABLE)) {
      return EventReason.ClusterUnreachable;
    }
    return EventReason.RegionNotReady;
  }

  private static boolean isFalse(RegionStatus status, String type) {
    return status.condition(type).map(c -> !c.isTrue()).orElse(false);
  }

  private static Set<ResourceID> regionOf(Tenant tenant) {
    if (tenant.getSpec() == null || tenant.getSpec().getRegion() == null) {
      return Set.of();
    }
    return Set.of(new ResourceID(tenant.getSpec().getRegion()));
  }
}
