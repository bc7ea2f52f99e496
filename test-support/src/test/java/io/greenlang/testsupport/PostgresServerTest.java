package io.greenlang.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

  @Test
  void readsHostPortDatabaseAndCredentialsFromJdbcUrl() {
    PostgresServer server =
        PostgresServer.fromJdbcUrl(
            "jdbc:postgresql://db.example:6543/maintenance?user=admin&password=s3cret");

    assertThat(server.host()).isEqualTo("db.example");
    assertThat(server.port()).isEqualTo(6543);
    assertThat(server.maintenanceDatabase()).isEqualTo("maintenance");
    assertThat(server.username()).isEqualTo("admin");
    assertThat(server.password()).isEqualTo("s3cret");
  }

  @Test
  void usesDriverDefaultsForMissingPortAndTrustAuthentication() {
    PostgresServer server =
        PostgresServer.fromJdbcUrl("jdbc:postgresql://127.0.0.1/postgres?user=postgres");

    assertThat(server.port()).isEqualTo(5432);
    assertThat(server.password()).isNull();
  }

  @Test
  void jdbcUrlsAndTextNeverCarryThePassword() {
    PostgresServer server =
        PostgresServer.fromJdbcUrl(
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=u&password=s3cret");

    assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
    assertThat(server.jdbcUrl("other")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/other");
    assertThat(server.toString()).doesNotContain("s3cret").contains("****");
  }

  @Test
  void rejectsUrlWithoutUserWithoutEchoingTheQuery() {
    assertThatThrownBy(
            () ->
                PostgresServer.fromJdbcUrl(
                    "jdbc:postgresql://127.0.0.1:5432/postgres?password=s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no user")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void rejectsOtherDatabases() {
    assertThatThrownBy(() -> PostgresServer.fromJdbcUrl("jdbc:mysql://127.0.0.1:3306/x?user=root"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a PostgreSQL JDBC URL");
  }
}
