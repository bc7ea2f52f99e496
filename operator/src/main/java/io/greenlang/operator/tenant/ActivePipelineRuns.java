package io.greenlang.operator.tenant;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds a tenant's PipelineRuns that have not finished, which keep the tenant from being removed:
 * those in its namespace, or for a logical tenant those in the shared namespace whose Pipeline
 * names it.
 */
@ApplicationScoped
public class ActivePipelineRuns {
  private static final Set<RunPhase> FINISHED =
      EnumSet.of(
          RunPhase.Succeeded,
          RunPhase.Failed,
          RunPhase.Cancelled,
          RunPhase.TimedOut,
          RunPhase.Compensated);

  private final KubernetesClient client;

  public ActivePipelineRuns(KubernetesClient client) {
    this.client = client;
  }

  public List<String> of(Tenant tenant) {
    String name = tenant.getMetadata().getName();
    if (tenant.getSpec().getIsolation() != IsolationLevel.LOGICAL) {
      return unfinished(
          client
              .resources(PipelineRun.class)
              .inNamespace(TenantNames.namespace(name))
              .list()
              .getItems());
    }
    String shared = TenantNames.SHARED_NAMESPACE;
    Map<String, String> tenantOfPipeline =
        client.resources(Pipeline.class).inNamespace(shared).list().getItems().stream()
            .filter(p -> p.getSpec() != null && p.getSpec().getTenant() != null)
            .collect(
                Collectors.toMap(p -> p.getMetadata().getName(), p -> p.getSpec().getTenant()));
    Function<PipelineRun, String> tenantOfRun =
        run -> tenantOfPipeline.get(run.getSpec().getPipelineRef().getName());
    return unfinished(
        client.resources(PipelineRun.class).inNamespace(shared).list().getItems().stream()
            .filter(run -> name.equals(tenantOfRun.apply(run)))
            .toList());
  }

  private static List<String> unfinished(List<PipelineRun> runs) {
    return runs.stream()
        .filter(
            r ->
                r.getStatus() == null
                    || r.getStatus().getPhase() == null
                    || !FINISHED.contains(r.getStatus().getPhase()))
        .map(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
        .sorted()
        .toList();
  }
}
