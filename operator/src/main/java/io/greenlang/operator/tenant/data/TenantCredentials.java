package io.greenlang.operator.tenant.data;

/**
 * The credentials a tenant's workloads use: its PostgreSQL login role and database, and its Redis
 * ACL user with the key prefix it is limited to. {@link #toString()} leaves the passwords out.
 */
public record TenantCredentials(
    String postgresHost,
    int postgresPort,
    String database,
    String postgresUser,
    String postgresPassword,
    String redisHost,
    int redisPort,
    String redisUser,
    String redisPassword,
    String redisKeyPrefix) {

  @Override
  public String toString() {
    return "TenantCredentials[postgres "
        + postgresUser
        + "@"
        + postgresHost
        + ":"
        + postgresPort
        + "/"
        + database
        + ", redis "
        + redisUser
        + "@"
        + redisHost
        + ":"
        + redisPort
        + " "
        + redisKeyPrefix
        + "*]";
  }
}
