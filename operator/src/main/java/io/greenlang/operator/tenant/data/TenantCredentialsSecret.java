package io.greenlang.operator.tenant.data;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.operator.region.SecretValues;
import io.greenlang.operator.tenant.desired.OwnedLabels;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Secret holding a tenant's PostgreSQL and Redis credentials: {@value #NAME} in the tenant's
 * namespace, or {@code tenant-<name>-credentials} in the operator's namespace for logical tenants.
 * Passwords are generated once with SecureRandom and kept; setting the annotation {@value
 * #ROTATE_ANNOTATION} to a new value issues new ones.
 */
@ApplicationScoped
public class TenantCredentialsSecret {
  public static final String NAME = "greenlang-credentials";
  public static final String ROTATE_ANNOTATION = GreenLang.GROUP + "/rotate-credentials";
  public static final String ROTATED_ANNOTATION = GreenLang.GROUP + "/credentials-rotated";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Name of the tenant's credentials Secret. */
  public static String name(Tenant tenant) {
    return tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL
        ? "tenant-" + tenant.getMetadata().getName() + "-credentials"
        : NAME;
  }

  /**
   * Makes the Secret hold credentials for {@code wanted} (whose passwords are ignored): keeps
   * existing passwords, generates them when the Secret is new or rotation is asked for.
   */
  public Issued ensure(
      KubernetesClient client, Tenant tenant, String namespace, TenantCredentials wanted) {
    String name = name(tenant);
    Secret existing = client.secrets().inNamespace(namespace).withName(name).get();
    if (existing == null) {
      TenantCredentials issued = withPasswords(wanted, newPassword(), newPassword());
      client.resource(secret(tenant, namespace, name, issued, null)).create();
      return new Issued(issued, true, null);
    }
    Map<String, String> data = SecretValues.of(existing);
    String rotate = annotation(existing, ROTATE_ANNOTATION);
    boolean rotationAsked =
        rotate != null && !rotate.equals(annotation(existing, ROTATED_ANNOTATION));
    TenantCredentials current =
        rotationAsked
            ? withPasswords(wanted, newPassword(), newPassword())
            : withPasswords(
                wanted, data.get(Keys.POSTGRES_PASSWORD), data.get(Keys.REDIS_PASSWORD));
    String rotated = rotationAsked ? rotate : annotation(existing, ROTATED_ANNOTATION);
    if (rotationAsked || !Objects.equals(data, Keys.of(current))) {
      client.resource(existing).edit(s -> secret(tenant, namespace, name, current, rotated, s));
    }
    return new Issued(current, rotationAsked, rotated);
  }

  private static Secret secret(
      Tenant tenant, String namespace, String name, TenantCredentials credentials, String rotated) {
    return secret(tenant, namespace, name, credentials, rotated, new Secret());
  }

  private static Secret secret(
      Tenant tenant,
      String namespace,
      String name,
      TenantCredentials credentials,
      String rotated,
      Secret base) {
    var builder =
        new SecretBuilder(base)
            .editOrNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .addToLabels(OwnedLabels.forTenant(tenant, "credentials"))
            .endMetadata()
            .withType("Opaque")
            .withStringData(null)
            .withData(encode(Keys.of(credentials)));
    if (rotated != null) {
      builder.editMetadata().addToAnnotations(ROTATED_ANNOTATION, rotated).endMetadata();
    }
    return builder.build();
  }

  private static TenantCredentials withPasswords(
      TenantCredentials c, String postgresPassword, String redisPassword) {
    return new TenantCredentials(
        c.postgresHost(),
        c.postgresPort(),
        c.database(),
        c.postgresUser(),
        postgresPassword,
        c.redisHost(),
        c.redisPort(),
        c.redisUser(),
        redisPassword,
        c.redisKeyPrefix());
  }

  /** 256 random bits, URL-safe base64 without padding. */
  static String newPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String annotation(Secret secret, String key) {
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  private static Map<String, String> encode(Map<String, String> values) {
    Map<String, String> encoded = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return encoded;
  }

  /**
   * Credentials now in the Secret, whether their passwords are new (created or rotated), and the
   * value of the last rotation request carried out (annotation {@code credentials-rotated}), null
   * before the first: a rotation is recorded in the audit chain when this value changes.
   */
  public record Issued(TenantCredentials credentials, boolean newPasswords, String rotation) {}

  /** The Secret's keys, which workloads read as environment variables. */
  public static final class Keys {
    public static final String POSTGRES_HOST = "postgres-host";
    public static final String POSTGRES_PORT = "postgres-port";
    public static final String POSTGRES_DATABASE = "postgres-database";
    public static final String POSTGRES_USERNAME = "postgres-username";
    public static final String POSTGRES_PASSWORD = "postgres-password";
    public static final String REDIS_HOST = "redis-host";
    public static final String REDIS_PORT = "redis-port";
    public static final String REDIS_USERNAME = "redis-username";
    public static final String REDIS_PASSWORD = "redis-password";
    public static final String REDIS_KEY_PREFIX = "redis-key-prefix";

    private Keys() {}

    static Map<String, String> of(TenantCredentials c) {
      Map<String, String> data = new LinkedHashMap<>();
      data.put(POSTGRES_HOST, c.postgresHost());
      data.put(POSTGRES_PORT, Integer.toString(c.postgresPort()));
      data.put(POSTGRES_DATABASE, c.database());
      data.put(POSTGRES_USERNAME, c.postgresUser());
      data.put(POSTGRES_PASSWORD, c.postgresPassword());
      data.put(REDIS_HOST, c.redisHost());
      data.put(REDIS_PORT, Integer.toString(c.redisPort()));
      data.put(REDIS_USERNAME, c.redisUser());
      data.put(REDIS_PASSWORD, c.redisPassword());
      data.put(REDIS_KEY_PREFIX, c.redisKeyPrefix());
      return data;
    }
  }
}
