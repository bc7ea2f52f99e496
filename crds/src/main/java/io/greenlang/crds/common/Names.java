package io.greenlang.crds.common;

/**
 * Patterns and length limits for names that later become Kubernetes namespaces, PostgreSQL
 * identifiers or Redis key prefixes; kept as constants because annotations need compile-time
 * values.
 */
public final class Names {
  /** DNS-1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** DNS-1123 subdomain, used for Secret and ConfigMap names. */
  public static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /**
   * A tenant name must start with a letter so that {@code gl_<tenant>} is a valid unquoted
   * PostgreSQL identifier after '-' becomes '_'.
   */
  public static final String TENANT_NAME = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

  /**
   * Longest tenant name: {@code gl_<tenant>_<suffix>} must fit PostgreSQL's 63-byte identifier
   * limit with room for a role suffix, and {@code gl-<tenant>} must fit the 63-character namespace
   * limit.
   */
  public static final int TENANT_NAME_MAX = 40;

  public static final int DNS_LABEL_MAX = 63;
  public static final int DNS_SUBDOMAIN_MAX = 253;

  /** Cloud location codes such as {@code eu-central-1}; "local" names an in-cluster endpoint. */
  public static final String LOCATION = "^([a-z]{2}-[a-z]+-[0-9]+|local)$";

  /** Glob over locations, such as {@code us-*} or {@code *}. */
  public static final String LOCATION_GLOB = "^(\\*|[a-z]{2}-[a-z*]*-?[0-9*]*|[a-z]{2}-\\*)$";

  /** IPv4 or IPv6 CIDR block. */
  public static final String CIDR =
      "^(([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}|[0-9a-fA-F:]+/[0-9]{1,3})$";

  /**
   * US dollars with at most two decimals, as a string so no binary floating point touches money.
   */
  public static final String USD_AMOUNT = "^[0-9]{1,9}(\\.[0-9]{1,2})?$";

  /** Kubernetes condition reason: CamelCase word. */
  public static final String CONDITION_REASON = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";

  private Names() {}
}
