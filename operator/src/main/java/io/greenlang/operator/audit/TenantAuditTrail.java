package io.greenlang.operator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.crds.common.SecretReference;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantPhase;
import io.greenlang.operator.audit.RecordedStates.Recorded;
import io.greenlang.operator.tenant.data.PostgresTenantDatabase;
import io.greenlang.operator.tenant.data.TenantDatabaseAddress;
import io.greenlang.runtime.schema.audit.AuditEntry;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The operator's side of a tenant's audit chain (docs/runtime/audit-ledger.md, "Who records what"):
 * appends tenant lifecycle events, and agent lifecycle events for the Agent reconciler ({@link
 * AgentAuditTrail}), to the tenant's chain through {@link AuditLedgerClient}, on an administrator
 * connection to the tenant's database acting as the tenant's login role.
 *
 * <p>Only real transitions are recorded: each subject's audited state is kept next to the chain
 * ({@code greenlang.audit_recorded_states}) and updated in the transaction that appends its events,
 * so a transition is recorded exactly once, across reconciles, failures and restarts. A reconcile
 * that finds the state this process recorded last costs no database round trip.
 */
@ApplicationScoped
public class TenantAuditTrail {
  /** The actor of every event the operator records. */
  public static final String ACTOR = "system:greenlang-operator";

  static final String TENANT_SUBJECT = "tenant";

  private final PostgresTenantDatabase postgres;
  private final AuditLedgerClient ledger = new AuditLedgerClient();

  /** The state this process last recorded (or found recorded), by database, tenant and subject. */
  private final Map<String, String> recorded = new ConcurrentHashMap<>();

  public TenantAuditTrail(PostgresTenantDatabase postgres) {
    this.postgres = postgres;
  }

  /**
   * Records what changed about a provisioned tenant since the state last recorded: its first
   * provisioning, settings, SLA, configuration, encryption key, members and credential rotations.
   *
   * @param at where the tenant's database is (it must be provisioned and the role registered)
   * @param credentialsRotation the last credential rotation carried out, or null
   * @param credentials the tenant's credentials Secret, the target of rotation events
   * @return how many events were appended
   */
  public int recordTenant(
      Tenant tenant,
      TenantDatabaseAddress at,
      String credentialsRotation,
      SecretReference credentials)
      throws SQLException {
    ObjectNode now = TenantAuditState.provisioned(tenant.getSpec(), credentialsRotation);
    TenantAuditChanges.Context context = context(tenant, at, credentials);
    return record(
        at,
        TENANT_SUBJECT,
        now,
        previous -> now,
        (previous, desired) ->
            TenantAuditChanges.between(
                previous.map(Recorded::state).orElse(null), desired, context));
  }

  /**
   * Records that the tenant is to be deleted ({@code compliance.data_deletion_request} under
   * deletionPolicy Delete), once; nothing when its database or login role is gone already.
   *
   * @return how many events were appended
   */
  public int recordDeletion(Tenant tenant, TenantDatabaseAddress at) throws SQLException {
    if (!postgres.roleExists(at.admin(), at.role())
        || !postgres.databaseExists(at.admin(), at.database())) {
      return 0;
    }
    TenantAuditChanges.Context context = context(tenant, at, null);
    return record(
        at,
        TENANT_SUBJECT,
        null,
        previous ->
            TenantAuditState.deletionRequested(
                TenantAuditState.provisioned(
                    tenant.getSpec(),
                    previous
                        .map(p -> p.state().path(TenantAuditState.CREDENTIALS_ROTATION))
                        .filter(JsonNode::isTextual)
                        .map(JsonNode::asText)
                        .orElse(null))),
        (previous, desired) ->
            TenantAuditChanges.between(
                previous.map(Recorded::state).orElse(null), desired, context));
  }

  /**
   * Compares the state of {@code subject} with the one recorded and, when they differ, appends the
   * events between them and records the new state, in one transaction on the tenant's database.
   *
   * @param known the state now when it does not depend on the recorded one, else null: when this
   *     process recorded exactly it last, nothing is read
   * @param desired the state now, from the recorded one (empty when none is)
   * @param events the events from the recorded state to the desired one
   * @return how many events were appended
   */
  int record(
      TenantDatabaseAddress at,
      String subject,
      ObjectNode known,
      Function<Optional<Recorded>, ObjectNode> desired,
      BiFunction<Optional<Recorded>, ObjectNode, List<TrailEvent>> events)
      throws SQLException {
    String key = at.describe() + "|" + at.tenant() + "|" + subject;
    if (known != null && known.toString().equals(recorded.get(key))) {
      return 0;
    }
    try (Connection admin = at.openAdmin()) {
      admin.setAutoCommit(false);
      try {
        Optional<Recorded> previous = RecordedStates.lock(admin, at.tenant(), subject);
        ObjectNode now = desired.apply(previous);
        int appended = 0;
        if (previous.isEmpty() || !previous.get().state().equals(now)) {
          long last = previous.map(Recorded::lastSequence).orElse(0L);
          for (TrailEvent event : events.apply(previous, now)) {
            AuditEntry entry = ledger.appendAs(admin, at.role(), event.toAuditEvent(at.tenant()));
            last = entry.sequence();
            appended++;
          }
          RecordedStates.save(admin, at.tenant(), subject, now, last);
        }
        admin.commit();
        recorded.put(key, now.toString());
        return appended;
      } catch (SQLException | RuntimeException e) {
        admin.rollback();
        throw e;
      } finally {
        admin.setAutoCommit(true);
      }
    }
  }

  private static TenantAuditChanges.Context context(
      Tenant tenant, TenantDatabaseAddress at, SecretReference credentials) {
    boolean wasReady =
        tenant.getStatus() != null && tenant.getStatus().getPhase() == TenantPhase.Ready;
    return new TenantAuditChanges.Context(
        tenant.getMetadata().getName(),
        tenant.getMetadata().getGeneration(),
        wasReady,
        credentials == null
            ? null
            : "credentials:" + credentials.getNamespace() + "/" + credentials.getName(),
        at.role(),
        "gl-" + tenant.getMetadata().getName());
  }
}
