package io.greenlang.runtime.schema;

import java.util.regex.Pattern;

/**
 * The rule for the PostgreSQL role names this module accepts: lower-case letters, digits and
 * underscores, starting with a letter or underscore, at most 63 characters (PostgreSQL's identifier
 * limit), and none of the names PostgreSQL gives a special meaning.
 */
public final class RoleName {

  private static final Pattern VALID = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

  private RoleName() {}

  /**
   * Returns {@code roleName} when it is acceptable.
   *
   * @throws IllegalArgumentException naming the role when it does not match {@code
   *     ^[a-z_][a-z0-9_]{0,62}$}, or is {@code public} or {@code none} (which GRANT and REVOKE read
   *     as PUBLIC or refuse, even quoted), or starts with {@code pg_} (reserved for system roles)
   */
  public static String requireValid(String roleName) {
    if (roleName == null) {
      throw new IllegalArgumentException("A PostgreSQL role name is required, not null");
    }
    if (!VALID.matcher(roleName).matches()) {
      throw new IllegalArgumentException(
          "Invalid PostgreSQL role name \""
              + roleName
              + "\": expected ^[a-z_][a-z0-9_]{0,62}$ (lower-case letters, digits, underscores)");
    }
    if (roleName.equals("public") || roleName.equals("none") || roleName.startsWith("pg_")) {
      throw new IllegalArgumentException(
          "Invalid PostgreSQL role name \""
              + roleName
              + "\": public, none and names starting with pg_ are reserved by PostgreSQL");
    }
    return roleName;
  }
}
