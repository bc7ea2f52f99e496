package io.greenlang.runtime.audit;

import io.agroal.api.AgroalDataSource;
import io.greenlang.runtime.schema.audit.AuditPartitions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the audit ledger's monthly partitions ahead at startup when the runtime connects as the
 * schema's owner (or a superuser), as it does when it migrates the schema itself. A runtime that
 * connects as a tenant's login role cannot create tables; the operator keeps the partitions ahead
 * for it (RuntimeSchema.migrate, AuditPartitions.ensureAhead).
 */
@ApplicationScoped
public class AuditPartitionMaintenance {

  private static final Logger LOG = Logger.getLogger(AuditPartitionMaintenance.class);

  private final AgroalDataSource dataSource;
  private final int monthsAhead;

  AuditPartitionMaintenance(
      AgroalDataSource dataSource,
      @ConfigProperty(name = "greenlang.audit.partition-months-ahead", defaultValue = "12")
          int monthsAhead) {
    this.dataSource = dataSource;
    this.monthsAhead = monthsAhead;
  }

  void onStart(@Observes StartupEvent start) {
    try (Connection connection = dataSource.getConnection()) {
      ensureAhead(connection);
    } catch (SQLException e) {
      // Appending reports a missing partition itself; an unreachable database must not stop start.
      LOG.warnf("Could not check the audit ledger's partitions: %s", e.getMessage());
    }
  }

  /**
   * Creates the missing partitions when the connection's role owns the ledger.
   *
   * @return how many were created; 0 also when the role may not create them
   */
  int ensureAhead(Connection connection) throws SQLException {
    if (!ownsTheLedger(connection)) {
      LOG.debugf(
          "The runtime's database role does not own greenlang.audit_events; the operator keeps"
              + " its partitions ahead");
      return 0;
    }
    int created = AuditPartitions.ensureAhead(connection, monthsAhead);
    if (created > 0) {
      LOG.infof("Created %d audit ledger partitions (%d months ahead)", created, monthsAhead);
    }
    return created;
  }

  private static boolean ownsTheLedger(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT to_regclass('greenlang.audit_events') IS NOT NULL"
                    + " AND (pg_has_role(current_user, c.relowner, 'USAGE')"
                    + " OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user))"
                    + " FROM pg_class c WHERE c.oid = to_regclass('greenlang.audit_events')")) {
      return result.next() && result.getBoolean(1);
    }
  }
}
