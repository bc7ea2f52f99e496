package io.greenlang.runtime.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a pooled PostgreSQL connection can be borrowed and passes the driver's validity
 * check.
 */
@Readiness
@ApplicationScoped
public class PostgresReadinessCheck implements HealthCheck {

  /** The name this check reports under in {@code /q/health}. */
  public static final String NAME = "postgresql";

  // Kubernetes probes give up after a few seconds; an answer within them beats a late one.
  private static final int VALIDATION_TIMEOUT_SECONDS = 3;

  private final AgroalDataSource dataSource;
  private final Optional<String> password;

  @Inject
  public PostgresReadinessCheck(
      AgroalDataSource dataSource,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.dataSource = dataSource;
    this.password = password;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return response
            .down()
            .withData(
                "reason", "connection not valid within " + VALIDATION_TIMEOUT_SECONDS + " seconds")
            .build();
      }
      return response.up().withData("database", connection.getCatalog()).build();
    } catch (SQLException | RuntimeException e) {
      return response
          .down()
          .withData("reason", HealthFailureReason.describe(e, password.stream().toList()))
          .build();
    }
  }
}
