package io.greenlang.operator.agent;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentPhase;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.audit.AgentAuditTrail;
import io.greenlang.runtime.schema.audit.AuditEventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Puts an Agent's workload transitions into its tenant's audit chain: {@code agent.created} when
 * its Deployment is first created, {@code agent.deployed} when a new pod template is rolled out,
 * {@code agent.stopped} when it is paused, {@code agent.deleted} when it goes. The chain is the
 * record, not the gate: a chain that cannot be written is logged and the workload still proceeds.
 */
@ApplicationScoped
public class AgentWorkloadAudit {
  private static final Logger LOG = Logger.getLogger(AgentWorkloadAudit.class);

  private final AgentAuditTrail trail;

  public AgentWorkloadAudit(AgentAuditTrail trail) {
    this.trail = trail;
  }

  /** Records what this pass changed. */
  void recordPass(
      Tenant tenant,
      Region region,
      Agent agent,
      WorkloadOutcome outcome,
      AgentPhase before,
      AgentPhase after) {
    if (outcome instanceof WorkloadOutcome.Applied applied) {
      var spec = applied.deployment().getSpec();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("replicas", spec.getReplicas());
      details.put("image", spec.getTemplate().getSpec().getContainers().get(0).getImage());
      details.put("configHash", AgentWorkloads.templateHash(applied.deployment()));
      if (applied.created()) {
        record(tenant, region, agent, AuditEventType.AGENT_CREATED, details);
      }
      if (applied.rolled()) {
        record(tenant, region, agent, AuditEventType.AGENT_DEPLOYED, details);
      }
    }
    if (after == AgentPhase.PAUSED && before != AgentPhase.PAUSED) {
      record(tenant, region, agent, AuditEventType.AGENT_STOPPED, Map.of("phase", "PAUSED"));
    }
  }

  void recordDeleted(Tenant tenant, Region region, Agent agent) {
    record(tenant, region, agent, AuditEventType.AGENT_DELETED, Map.of());
  }

  private void record(
      Tenant tenant, Region region, Agent agent, AuditEventType type, Map<String, ?> details) {
    try {
      trail.record(tenant, region, agent, type, details);
    } catch (Exception e) {
      LOG.warnf(
          "Agent %s/%s: %s not recorded in the audit chain of tenant %s: %s",
          agent.getMetadata().getNamespace(),
          agent.getMetadata().getName(),
          type.code(),
          tenant.getMetadata().getName(),
          e.getClass().getSimpleName());
    }
  }
}
