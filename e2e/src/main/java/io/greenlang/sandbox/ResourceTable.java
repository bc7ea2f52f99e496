package io.greenlang.sandbox;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentStatus;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.GreenLangStatus;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelineStatus;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.sandbox.kubelet.LocalKubelet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders every GreenLang resource in the API server with its status, and the Agents' Deployments
 * with their ready pods, as a plain-text table.
 */
final class ResourceTable {
  static final List<Class<? extends CustomResource<?, ? extends GreenLangStatus>>> KINDS =
      List.of(Region.class, Tenant.class, Agent.class, Pipeline.class, PipelineRun.class);

  private static final String[] HEADER = {"KIND", "NAME", "READY", "PHASE", "REASON", "MESSAGE"};
  private static final int MESSAGE_WIDTH = 90;

  private final KubernetesClient client;

  ResourceTable(KubernetesClient client) {
    this.client = client;
  }

  /**
   * One row per resource: kind, namespace/name, Ready (or Succeeded) status, phase, reason,
   * message.
   */
  List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    for (var kind : KINDS) {
      for (CustomResource<?, ? extends GreenLangStatus> resource :
          client.resources(kind).inAnyNamespace().list().getItems()) {
        rows.add(row(resource));
      }
    }
    for (Deployment deployment :
        client
            .apps()
            .deployments()
            .inAnyNamespace()
            .withLabel(LocalKubelet.AGENT_LABEL)
            .list()
            .getItems()) {
      rows.add(row(deployment));
    }
    return rows;
  }

  /** An Agent's workload: ready over desired pods, and its Available condition. */
  private static String[] row(Deployment deployment) {
    var status = deployment.getStatus();
    int desired =
        deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    int ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
    Optional<DeploymentCondition> available =
        status == null || status.getConditions() == null
            ? Optional.empty()
            : status.getConditions().stream()
                .filter(c -> c.getType().equals("Available"))
                .findFirst();
    return new String[] {
      "Deployment",
      deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName(),
      available.map(DeploymentCondition::getStatus).orElse("-"),
      ready + "/" + desired + " pods ready",
      available.map(DeploymentCondition::getReason).orElse("-"),
      available.map(c -> shorten(c.getMessage())).orElse("(no status yet)")
    };
  }

  String render() {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    rows.addAll(rows());
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        out.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String[] row(CustomResource<?, ? extends GreenLangStatus> resource) {
    String namespace = resource.getMetadata().getNamespace();
    String name = (namespace == null ? "" : namespace + "/") + resource.getMetadata().getName();
    GreenLangStatus status = resource.getStatus();
    Optional<Condition> ready = summary(resource, status);
    return new String[] {
      resource.getKind(),
      name,
      ready.map(c -> c.getStatus().name()).orElse("-"),
      phase(status),
      ready.map(Condition::getReason).orElse("-"),
      ready.map(c -> shorten(c.getMessage())).orElse("(not reconciled by this operator version)")
    };
  }

  /**
   * The condition that sums the resource up: Succeeded for runs, Ready where the kind has it,
   * otherwise the first condition that is not True (or the last one when all are).
   */
  private static Optional<Condition> summary(
      CustomResource<?, ? extends GreenLangStatus> resource, GreenLangStatus status) {
    if (status == null || status.getConditions() == null || status.getConditions().isEmpty()) {
      return Optional.empty();
    }
    String preferred = resource instanceof PipelineRun ? "Succeeded" : "Ready";
    List<Condition> conditions = status.getConditions();
    return status
        .condition(preferred)
        .or(() -> conditions.stream().filter(c -> !c.isTrue()).findFirst())
        .or(() -> Optional.of(conditions.get(conditions.size() - 1)));
  }

  private static String phase(GreenLangStatus status) {
    Object phase = null;
    if (status instanceof RegionStatus s) {
      phase = s.getPhase();
    } else if (status instanceof TenantStatus s) {
      phase = s.getPhase();
    } else if (status instanceof AgentStatus s) {
      phase = s.getPhase();
    } else if (status instanceof PipelineStatus s) {
      phase = s.getPhase();
    } else if (status instanceof PipelineRunStatus s) {
      phase = s.getPhase();
    }
    return phase == null ? "-" : phase.toString();
  }

  private static String shorten(String message) {
    if (message == null) {
      return "";
    }
    return message.length() <= MESSAGE_WIDTH
        ? message
        : message.substring(0, MESSAGE_WIDTH - 3) + "...";
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
