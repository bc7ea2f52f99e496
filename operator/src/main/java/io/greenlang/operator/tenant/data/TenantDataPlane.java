package io.greenlang.operator.tenant.data;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.greenlang.crds.common.SecretReference;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.operator.OperatorSettings;
import io.greenlang.operator.cluster.OwnedObjectSync.SyncResult;
import io.greenlang.operator.region.ConnectionSecrets;
import io.greenlang.operator.region.PostgresEndpoint;
import io.greenlang.operator.region.SecretRedaction;
import io.greenlang.operator.tenant.ProvisioningOutcome.GroupResult;
import io.greenlang.operator.tenant.TenantPlacement;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Provisions a tenant's PostgreSQL and Redis on the servers its isolation level calls for: the
 * credentials Secret first (so a crash never loses a password that a server already holds), then
 * the login role, the dedicated database, the runtime schema and row-level security registration,
 * and the Redis ACL user. Every step is idempotent, so the next pass after any failure completes
 * the work.
 */
@ApplicationScoped
public class TenantDataPlane {
  private final TenantDataServers servers;
  private final TenantCredentialsSecret credentialsSecret;
  private final PostgresTenantDatabase postgres;
  private final RedisTenantUser redis;
  private final KubernetesClient localClient;
  private final OperatorSettings settings;
  private final TenantChainArchive chainArchive;

  public TenantDataPlane(
      TenantDataServers servers,
      TenantCredentialsSecret credentialsSecret,
      PostgresTenantDatabase postgres,
      RedisTenantUser redis,
      KubernetesClient localClient,
      OperatorSettings settings,
      TenantChainArchive chainArchive) {
    this.servers = servers;
    this.credentialsSecret = credentialsSecret;
    this.postgres = postgres;
    this.redis = redis;
    this.localClient = localClient;
    this.settings = settings;
    this.chainArchive = chainArchive;
  }

  /**
   * The outcome for the DatabaseReady and CacheReady conditions; with where the tenant's database
   * is and the last credential rotation carried out (null before the first), for its audit trail.
   */
  public record DataOutcome(
      GroupResult database,
      GroupResult cache,
      String databaseName,
      SecretReference secret,
      TenantDatabaseAddress address,
      String credentialsRotation) {}

  public DataOutcome provision(Tenant tenant, TenantPlacement.Placed placed, String namespace) {
    TenantDataServers.Servers admin;
    try {
      admin = servers.resolve(tenant, placed.region(), placed.cluster());
    } catch (ConnectionSecrets.SecretProblem problem) {
      GroupResult failed = GroupResult.failed(problem.reason(), problem.getMessage());
      return new DataOutcome(failed, failed, null, null, null, null);
    }
    TenantCredentials wanted = wanted(tenant, admin);
    TenantCredentialsSecret.Issued issued;
    try {
      issued =
          credentialsSecret.ensure(
              secretClient(tenant, placed), tenant, secretNamespace(tenant, namespace), wanted);
    } catch (KubernetesClientException e) {
      GroupResult failed = GroupResult.failed("credentials Secret: " + e.getMessage());
      return new DataOutcome(failed, failed, null, null, null, null);
    }
    TenantCredentials c = issued.credentials();
    GroupResult database = database(tenant, admin, c, issued.newPasswords());
    GroupResult cache = cache(admin, c);
    return new DataOutcome(
        database,
        cache,
        c.database(),
        new SecretReference(
            TenantCredentialsSecret.name(tenant), secretNamespace(tenant, namespace)),
        address(tenant, admin.postgres(), c),
        issued.rotation());
  }

  /** Where the tenant's database is, once it is placed. */
  public TenantDatabaseAddress address(Tenant tenant, TenantPlacement.Placed placed)
      throws ConnectionSecrets.SecretProblem {
    TenantDataServers.Servers admin = servers.resolve(tenant, placed.region(), placed.cluster());
    return address(tenant, admin.postgres(), wanted(tenant, admin));
  }

  /**
   * Where the tenant's database is, from the cluster its status names in {@code region}; empty
   * while it is not placed there.
   */
  public Optional<TenantDatabaseAddress> address(Tenant tenant, Region region)
      throws ConnectionSecrets.SecretProblem {
    String clusterName = tenant.getStatus() == null ? null : tenant.getStatus().getCluster();
    Optional<RegionCluster> cluster =
        region.getSpec().getClusters().stream()
            .filter(c -> c.getName().equals(clusterName))
            .findFirst();
    if (cluster.isEmpty()) {
      return Optional.empty();
    }
    TenantDataServers.Servers admin = servers.resolve(tenant, region, cluster.get());
    return Optional.of(address(tenant, admin.postgres(), wanted(tenant, admin)));
  }

  private static TenantDatabaseAddress address(
      Tenant tenant, PostgresEndpoint admin, TenantCredentials c) {
    return new TenantDatabaseAddress(
        admin, c.database(), c.postgresUser(), tenant.getMetadata().getName());
  }

  /**
   * Where the credentials Secret lives: the tenant namespace, or the operator's for logical
   * tenants.
   */
  public String secretNamespace(Tenant tenant, String tenantNamespace) {
    return isLogical(tenant) ? settings.operatorNamespace() : tenantNamespace;
  }

  public KubernetesClient secretClient(Tenant tenant, TenantPlacement.Placed placed) {
    return isLogical(tenant) ? localClient : placed.client();
  }

  private GroupResult database(
      Tenant tenant, TenantDataServers.Servers admin, TenantCredentials c, boolean newPassword) {
    String tenantName = tenant.getMetadata().getName();
    try {
      postgres.ensureRole(admin.postgres(), c.postgresUser(), c.postgresPassword(), newPassword);
      if (isLogical(tenant)) {
        postgres.migrateAndRegister(admin.postgres(), c.database(), c.postgresUser(), tenantName);
        return GroupResult.synced(
            "role "
                + c.postgresUser()
                + " sees only its rows in shared database "
                + c.database()
                + " on "
                + admin.postgres().host()
                + ":"
                + admin.postgres().port(),
            SyncResult.NONE);
      }
      postgres.ensureDatabase(admin.postgres(), c.database(), c.postgresUser());
      postgres.migrateAndRegister(admin.postgres(), c.database(), c.postgresUser(), tenantName);
      return GroupResult.synced(
          "database "
              + c.database()
              + " for role "
              + c.postgresUser()
              + " on "
              + admin.postgres().host()
              + ":"
              + admin.postgres().port(),
          SyncResult.NONE);
    } catch (SQLException e) {
      return GroupResult.failed(
          reason(e.getSQLState()),
          "PostgreSQL at "
              + admin.postgres().describe()
              + ": "
              + SecretRedaction.scrub(
                  e.getMessage(), c.postgresPassword(), admin.postgres().password()));
    }
  }

  private GroupResult cache(TenantDataServers.Servers admin, TenantCredentials c) {
    try {
      redis.ensure(admin.redis(), c.redisUser(), c.redisPassword(), c.redisKeyPrefix());
      return GroupResult.synced(
          "ACL user "
              + c.redisUser()
              + " limited to "
              + c.redisKeyPrefix()
              + "* on "
              + admin.redis().describe(),
          SyncResult.NONE);
    } catch (RuntimeException e) {
      return GroupResult.failed(
          "ServerUnreachable",
          "Redis at "
              + admin.redis().describe()
              + ": "
              + SecretRedaction.scrub(
                  SecretRedaction.rootMessage(e), c.redisPassword(), admin.redis().password()));
    }
  }

  private static TenantCredentials wanted(Tenant tenant, TenantDataServers.Servers admin) {
    String name = tenant.getMetadata().getName();
    String role = TenantNames.postgresIdentifier(name);
    String database =
        tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL
            ? admin.postgres().database()
            : role;
    return new TenantCredentials(
        admin.postgres().host(),
        admin.postgres().port(),
        database,
        role,
        null,
        admin.redis().host(),
        admin.redis().port(),
        "gl-" + name,
        null,
        TenantNames.redisPrefix(name));
  }

  private static boolean isLogical(Tenant tenant) {
    return tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL;
  }

  private static String reason(String sqlState) {
    if (sqlState != null && sqlState.startsWith("08")) {
      return "ServerUnreachable";
    }
    if (sqlState != null && sqlState.startsWith("28")) {
      return "AuthenticationFailed";
    }
    return "ProvisioningFailed";
  }

  /**
   * Drops what {@link #provision} created, for deletionPolicy Delete: the tenant's database (or its
   * rows in the shared one), its role, its Redis user and keys, and a logical tenant's credentials
   * Secret. A tenant's own database is dropped only after its audit chain is archived in the
   * Region's shared database; a logical tenant's chain stays where it is.
   */
  public String drop(Tenant tenant, TenantPlacement.Placed placed)
      throws ConnectionSecrets.SecretProblem, SQLException {
    TenantDataServers.Servers admin = servers.resolve(tenant, placed.region(), placed.cluster());
    TenantCredentials c = wanted(tenant, admin);
    String chain = "audit chain kept in shared database " + c.database();
    if (!isLogical(tenant)) {
      PostgresEndpoint region = servers.regionPostgres(placed.region());
      chain =
          chainArchive
              .keep(address(tenant, admin.postgres(), c), region)
              .map(
                  kept ->
                      "audit chain ("
                          + kept.entries()
                          + " entries, head "
                          + kept.lastSequence()
                          + ") archived in "
                          + region.describe()
                          + " as "
                          + kept.archiveId())
              .orElse("no audit chain to archive");
    }
    if (isLogical(tenant)) {
      postgres.dropSharedTenant(admin.postgres(), c.postgresUser(), tenant.getMetadata().getName());
      localClient
          .secrets()
          .inNamespace(settings.operatorNamespace())
          .withName(TenantCredentialsSecret.name(tenant))
          .delete();
    } else {
      postgres.dropDatabaseAndRole(admin.postgres(), c.database(), c.postgresUser());
    }
    redis.delete(admin.redis(), c.redisUser(), c.redisKeyPrefix(), true);
    return (isLogical(tenant)
            ? "rows, role " + c.postgresUser() + " and Redis user " + c.redisUser() + " dropped"
            : "database "
                + c.database()
                + ", role "
                + c.postgresUser()
                + " and Redis user "
                + c.redisUser()
                + " with its keys dropped")
        + "; "
        + chain;
  }
}
