package io.greenlang.runtime.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which role names the schema API accepts. */
class RoleNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"gl_t_0123abcd", "_tenant", "a", "tenant_acme_2"})
  void acceptsLowerCaseNames(String name) {
    assertThat(RoleName.requireValid(name)).isEqualTo(name);
  }

  @Test
  void acceptsSixtyThreeCharactersButNotSixtyFour() {
    assertThat(RoleName.requireValid("a".repeat(63))).hasSize(63);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RoleName.requireValid("a".repeat(64)))
        .withMessageContaining("a".repeat(64));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Tenant",
        "1tenant",
        "tenant-a",
        "tenant a",
        "x\"; DROP ROLE postgres; --",
        "tenant\u0000",
        "ténant"
      })
  void rejectsOtherNamesNamingThem(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RoleName.requireValid(name))
        .withMessageContaining("\"" + name + "\"")
        .withMessageContaining("^[a-z_][a-z0-9_]{0,62}$");
  }

  @ParameterizedTest
  @ValueSource(strings = {"public", "none", "pg_read_all_data", "pg_x"})
  void rejectsNamesPostgresReserves(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RoleName.requireValid(name))
        .withMessageContaining("\"" + name + "\"")
        .withMessageContaining("reserved");
  }

  @Test
  void rejectsNull() {
    assertThatIllegalArgumentException().isThrownBy(() -> RoleName.requireValid(null));
  }
}
