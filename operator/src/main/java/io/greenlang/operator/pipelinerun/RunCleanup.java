package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.region.RedisEndpoint;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What happens once a run is finished or deleted: its slot frees (and the tenant's queued runs look
 * again), what this process keeps about it is dropped, and its result stream is set to expire
 * {@code result-retention} after the run's end — an absolute time, so doing this again changes
 * nothing.
 */
@ApplicationScoped
public class RunCleanup {
  private static final Logger LOG = Logger.getLogger(RunCleanup.class);

  private final TenantBusServers servers;
  private final RunResultStream resultStream;
  private final DispatchLedger ledger;
  private final PipelineRunMetrics metrics;
  private final PipelineRunSettings settings;

  public RunCleanup(
      TenantBusServers servers,
      RunResultStream resultStream,
      DispatchLedger ledger,
      PipelineRunMetrics metrics,
      PipelineRunSettings settings) {
    this.servers = servers;
    this.resultStream = resultStream;
    this.ledger = ledger;
    this.metrics = metrics;
    this.settings = settings;
  }

  /** Cleans up after the run; {@code ended} is when it finished (now, for a deleted one). */
  void cleanUp(PipelineRun run, Optional<Tenant> tenant, RunQueue queue, Instant ended) {
    ResourceID id = ResourceID.fromResource(run);
    String uid = run.getMetadata().getUid();
    PipelineRunStatus status = run.getStatus();
    String tenantName = status == null ? null : status.getTenant();
    queue.release(tenantName, id);
    resultStream.forget(uid);
    ledger.forget(uid);
    metrics.forget(id);
    if (tenant.isEmpty() || tenantName == null) {
      return;
    }
    try {
      RedisEndpoint endpoint = servers.of(tenant.get());
      resultStream.expireAt(endpoint, tenantName, uid, ended.plus(settings.resultRetention()));
    } catch (RuntimeException e) {
      // The stream then expires by the deadline set while the run was running.
      LOG.debugf(
          "Run %s/%s: result stream expiry not set: %s",
          run.getMetadata().getNamespace(), run.getMetadata().getName(), e.getMessage());
    }
  }
}
