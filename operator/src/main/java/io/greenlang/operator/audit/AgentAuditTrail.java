package io.greenlang.operator.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.region.ConnectionSecrets;
import io.greenlang.operator.tenant.data.TenantDataPlane;
import io.greenlang.operator.tenant.data.TenantDatabaseAddress;
import io.greenlang.runtime.schema.audit.AuditEventCategory;
import io.greenlang.runtime.schema.audit.AuditEventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agent lifecycle events in the agent's tenant's audit chain, for the Agent reconciler: {@code
 * agent.created} and {@code agent.deleted} once per Agent (by uid), {@code agent.deployed}, {@code
 * agent.updated}, {@code agent.stopped} and {@code agent.version_changed} once per generation, so a
 * reconciler may call {@link #record} on every pass and only transitions are recorded
 * (docs/runtime/audit-ledger.md, "Who records what"). {@code agent.executed} is the runtime's.
 */
@ApplicationScoped
public class AgentAuditTrail {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TenantAuditTrail trail;
  private final TenantDataPlane dataPlane;

  public AgentAuditTrail(TenantAuditTrail trail, TenantDataPlane dataPlane) {
    this.trail = trail;
    this.dataPlane = dataPlane;
  }

  /**
   * Records {@code type} for {@code agent} of {@code tenant} unless it was recorded already for
   * this Agent (and, but for created and deleted, this generation).
   *
   * @param details small facts to add (replicas, image, phase), never secrets; may be empty
   * @return whether an event was appended; false also while the tenant is not placed
   * @throws IllegalArgumentException when {@code type} is not an agent lifecycle event
   */
  public boolean record(
      Tenant tenant, Region region, Agent agent, AuditEventType type, Map<String, ?> details)
      throws SQLException, ConnectionSecrets.SecretProblem {
    if (type.category() != AuditEventCategory.AGENTS || type == AuditEventType.AGENT_EXECUTED) {
      throw new IllegalArgumentException(
          type.code() + " is not an agent lifecycle event the operator records");
    }
    Optional<TenantDatabaseAddress> at = dataPlane.address(tenant, region);
    if (at.isEmpty()) {
      return false;
    }
    String namespace = agent.getMetadata().getNamespace();
    String name = agent.getMetadata().getName();
    String uid = agent.getMetadata().getUid();
    long generation =
        onceForTheAgent(type) || agent.getMetadata().getGeneration() == null
            ? 0
            : agent.getMetadata().getGeneration();
    ObjectNode facts = JSON.valueToTree(details == null ? Map.of() : details);
    return trail.record(
            at.get(),
            "agent:" + namespace + "/" + name,
            null,
            previous -> {
              ObjectNode state =
                  previous
                      .map(p -> p.state().deepCopy())
                      .filter(s -> uid == null || uid.equals(s.path("uid").asText(null)))
                      .orElseGet(() -> newState(uid));
              ((ObjectNode) state.path("recorded")).put(type.code(), generation);
              return TenantAuditState.normalized(state);
            },
            (previous, now) -> {
              ObjectNode described = facts.deepCopy();
              described.put("uid", uid);
              if (generation > 0) {
                described.put("generation", generation);
              }
              return List.of(new TrailEvent(type, "agent:" + namespace + "/" + name, described));
            })
        > 0;
  }

  private static boolean onceForTheAgent(AuditEventType type) {
    return type == AuditEventType.AGENT_CREATED || type == AuditEventType.AGENT_DELETED;
  }

  private static ObjectNode newState(String uid) {
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    state.put("uid", uid);
    state.putObject("recorded");
    return state;
  }
}
