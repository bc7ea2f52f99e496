package io.greenlang.runtime.audit;

import io.agroal.api.AgroalDataSource;
import io.greenlang.runtime.schema.audit.AuditChainVerifier;
import io.greenlang.runtime.schema.audit.AuditEntry;
import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditFieldException;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import io.greenlang.runtime.schema.audit.AuditOutcome;
import io.greenlang.runtime.schema.audit.ChainAnchor;
import io.greenlang.runtime.schema.audit.ChainHead;
import io.greenlang.runtime.schema.audit.ChainVerification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime's audit ledger: records calculation, data and agent events in the tenant's hash chain
 * in PostgreSQL, reads and verifies it (docs/runtime/audit-ledger.md). Other runtime code calls
 * {@link #record}; the chain itself is kept by {@link AuditLedgerClient}, the implementation the
 * operator uses too. With the runtime connected as a tenant's login role, row level security lets
 * it record and read only that tenant's chain.
 *
 * <p>Created at startup so {@code greenlang_audit_verifications_total} is exported for both results
 * (intact, broken) from the first scrape: the alert on broken chains needs the series to exist.
 */
@Startup
@ApplicationScoped
public class AuditLedger {
  /** The {@code result} values of {@code greenlang_audit_verifications_total}. */
  static final String INTACT = "intact";

  static final String BROKEN = "broken";

  private final AgroalDataSource dataSource;
  private final AuditRecorder recorder;
  private final MeterRegistry registry;
  private final AuditLedgerClient client = new AuditLedgerClient();
  private final AuditChainVerifier verifier = new AuditChainVerifier();

  AuditLedger(AgroalDataSource dataSource, AuditRecorder recorder, MeterRegistry registry) {
    this.dataSource = dataSource;
    this.recorder = recorder;
    this.registry = registry;
    verifications(INTACT);
    verifications(BROKEN);
  }

  /**
   * Records an event in {@code tenant}'s chain; {@code details} (any JSON-serialisable values, or
   * {@code null}) is stored as canonical JSON.
   *
   * @return the entry as stored, with its sequence, time and hash
   * @throws AuditFieldException naming the first invalid field
   * @throws io.greenlang.runtime.schema.audit.AuditTenantAccessException when the runtime's
   *     database role acts for another tenant
   * @throws AuditStorageException when the database fails
   */
  public AuditEntry record(
      String tenant,
      String actor,
      AuditEventType eventType,
      String target,
      AuditOutcome outcome,
      Map<String, ?> details) {
    return record(
        new AuditEvent(tenant, actor, eventType, target, outcome, AuditRecorder.details(details)));
  }

  /** Records an event that is already validated (constructing {@link AuditEvent} validates it). */
  public AuditEntry record(AuditEvent event) {
    return withConnection("append to", event.tenant(), c -> recorder.append(c, event));
  }

  /** Entries of {@code tenant} from sequence {@code from} to {@code to}, at most {@code limit}. */
  public List<AuditEntry> read(String tenant, long from, long to, int limit) {
    return withConnection("read", tenant, c -> client.read(c, tenant, from, to, limit));
  }

  /** The head of {@code tenant}'s chain, empty before its first entry. */
  public Optional<ChainHead> head(String tenant) {
    return withConnection("read the head of", tenant, c -> client.head(c, tenant));
  }

  /** Walks {@code tenant}'s chain after {@code from} and reports the first broken link. */
  public ChainVerification verify(String tenant, ChainAnchor from) {
    ChainVerification verification =
        withConnection("verify", tenant, c -> verifier.verify(c, tenant, from));
    verifications(verification.intact() ? INTACT : BROKEN).increment();
    return verification;
  }

  private Counter verifications(String result) {
    return Counter.builder("greenlang.audit.verifications")
        .description("Verifications of tenants' audit chains, by result")
        .tag("result", result)
        .register(registry);
  }

  private <T> T withConnection(String action, String tenant, LedgerWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new AuditStorageException(
          "Could not " + action + " the audit chain of tenant " + tenant + ": " + e.getMessage(),
          e);
    }
  }

  /** Ledger work on a pooled connection. */
  @FunctionalInterface
  private interface LedgerWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
