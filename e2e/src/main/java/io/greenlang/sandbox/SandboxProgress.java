package io.greenlang.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantPhase;
import io.greenlang.sandbox.kubelet.LocalKubelet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How far the sandbox's resources got: whether Regions and Tenants settled, whether the applied
 * PipelineRuns ended with every Agent's pods running, and whether the Regions are Ready.
 */
final class SandboxProgress {
  private final KubernetesClient client;
  private final SandboxOptions options;

  SandboxProgress(KubernetesClient client, SandboxOptions options) {
    this.client = client;
    this.options = options;
  }

  /** The applied PipelineRuns as they are now. */
  List<PipelineRun> runs(List<HasMetadata> applied) {
    return applied.stream()
        .filter(o -> "PipelineRun".equals(o.getKind()))
        .map(
            o ->
                client
                    .resources(PipelineRun.class)
                    .inNamespace(o.getMetadata().getNamespace())
                    .withName(o.getMetadata().getName())
                    .get())
        .filter(r -> r != null)
        .toList();
  }

  /**
   * Every applied PipelineRun has ended (Succeeded, Failed, Cancelled or TimedOut), and every
   * Agent's pods are all ready and its status says so.
   */
  boolean awaitRunsFinished(List<HasMetadata> applied) throws InterruptedException {
    Instant deadline = Instant.now().plus(options.runTimeout());
    while (Instant.now().isBefore(deadline)) {
      List<PipelineRun> runs = runs(applied);
      boolean ended =
          !runs.isEmpty()
              && runs.stream()
                  .allMatch(
                      r ->
                          r.getStatus() != null
                              && r.getStatus()
                                  .condition(PipelineRunStatus.SUCCEEDED)
                                  .map(c -> c.getStatus() != ConditionStatus.Unknown)
                                  .orElse(false));
      if (ended && agentsRunning()) {
        return true;
      }
      Thread.sleep(1000);
    }
    return false;
  }

  /** Every Agent is Ready and every Agent Deployment has all its pods ready. */
  private boolean agentsRunning() {
    boolean pods =
        client
            .apps()
            .deployments()
            .inAnyNamespace()
            .withLabel(LocalKubelet.AGENT_LABEL)
            .list()
            .getItems()
            .stream()
            .allMatch(
                d ->
                    d.getStatus() != null
                        && Objects.equals(
                            d.getSpec().getReplicas(), d.getStatus().getReadyReplicas()));
    return pods
        && client.resources(Agent.class).inAnyNamespace().list().getItems().stream()
            .allMatch(
                a ->
                    a.getStatus() != null
                        && a.getStatus().condition("Ready").map(Condition::isTrue).orElse(false));
  }

  /**
   * Settled: every Region has a status for its current generation, and the whole table stayed the
   * same for two consecutive looks a second apart.
   */
  boolean awaitSettled(ResourceTable table) throws InterruptedException {
    Instant deadline = Instant.now().plus(options.settleTimeout());
    String previous = null;
    while (Instant.now().isBefore(deadline)) {
      String current = table.render();
      if (regionsObserved() && tenantsSettled() && current.equals(previous)) {
        return true;
      }
      previous = current;
      Thread.sleep(1000);
    }
    return false;
  }

  private boolean regionsObserved() {
    return client.resources(Region.class).list().getItems().stream()
        .allMatch(
            r ->
                r.getStatus() != null
                    && r.getMetadata()
                        .getGeneration()
                        .equals(r.getStatus().getObservedGeneration()));
  }

  /**
   * Every Tenant has been reconciled, and none still waits for a Region that is by now Ready (the
   * operator is about to provision it).
   */
  private boolean tenantsSettled() {
    List<Region> regions = client.resources(Region.class).list().getItems();
    return client.resources(Tenant.class).list().getItems().stream()
        .allMatch(
            t -> {
              if (t.getStatus() == null) {
                return false;
              }
              boolean waitsForRegion =
                  t.getStatus().getPhase() == TenantPhase.Pending
                      || t.getStatus().getPhase() == TenantPhase.Provisioning;
              boolean regionReady =
                  regions.stream()
                      .filter(r -> r.getMetadata().getName().equals(t.getSpec().getRegion()))
                      .anyMatch(
                          r ->
                              r.getStatus() != null
                                  && r.getStatus()
                                      .condition(RegionStatus.READY)
                                      .map(Condition::isTrue)
                                      .orElse(false));
              return !(waitsForRegion && regionReady);
            });
  }

  boolean regionsReady() {
    return client.resources(Region.class).list().getItems().stream()
        .allMatch(
            r ->
                r.getStatus() != null
                    && r.getStatus()
                        .condition(RegionStatus.READY)
                        .map(Condition::isTrue)
                        .orElse(false));
  }
}
