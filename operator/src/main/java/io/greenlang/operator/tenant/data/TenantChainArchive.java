package io.greenlang.operator.tenant.data;

import io.greenlang.operator.region.PostgresEndpoint;
import io.greenlang.runtime.schema.audit.ArchivedChain;
import io.greenlang.runtime.schema.audit.AuditArchive;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Keeps a tenant's audit chain before its own database is dropped (deletionPolicy Delete at
 * isolation database and above): copies it, hashes unchanged, into the audit archive of the
 * Region's shared database, where it stays 7 years (docs/runtime/audit-ledger.md, "Deleting a
 * tenant"). Idempotent: a chain already archived with the same head is not copied again.
 */
@ApplicationScoped
public class TenantChainArchive {
  private final PostgresTenantDatabase postgres;
  private final AuditArchive archive = new AuditArchive();

  public TenantChainArchive(PostgresTenantDatabase postgres) {
    this.postgres = postgres;
  }

  /**
   * Archives the chain of the tenant at {@code source} into {@code region}'s shared database
   * (migrated first if no logical tenant did it).
   *
   * @return the archived chain, empty when the tenant's database or chain does not exist
   */
  public Optional<ArchivedChain> keep(TenantDatabaseAddress source, PostgresEndpoint region)
      throws SQLException {
    if (!postgres.databaseExists(source.admin(), source.database())) {
      return Optional.empty();
    }
    postgres.ensureMigrated(region, region.database());
    String role = postgres.roleExists(source.admin(), source.role()) ? source.role() : null;
    try (Connection from = source.openAdmin();
        Connection to = PostgresTenantDatabase.connect(region, region.database())) {
      return archive.export(
          from,
          role,
          source.tenant(),
          to,
          source.describe(),
          "Tenant "
              + source.tenant()
              + " deleted (deletionPolicy Delete): its database is dropped");
    }
  }
}
