package io.greenlang.operator.region;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.SecretReference;
import io.greenlang.operator.OperatorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the connection Secrets a Region names and turns them into endpoints. Problems are reported
 * as {@link SecretProblem} with the Secret and key named, never the values.
 */
@ApplicationScoped
public class ConnectionSecrets {
  private final KubernetesClient client;
  private final OperatorSettings settings;

  public ConnectionSecrets(KubernetesClient client, OperatorSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** The PostgreSQL endpoint described by the Secret (keys host, port, database, username). */
  public PostgresEndpoint postgres(SecretReference ref) throws SecretProblem {
    Map<String, String> data = read(ref, "host", "port", "database", "username");
    return new PostgresEndpoint(
        data.get("host"),
        port(ref, data),
        data.get("database"),
        data.get("username"),
        data.get("password"),
        data.get("sslmode"));
  }

  /**
   * The Redis endpoint described by the Secret (keys host, port; optional username, password, tls).
   */
  public RedisEndpoint redis(SecretReference ref) throws SecretProblem {
    Map<String, String> data = read(ref, "host", "port");
    return new RedisEndpoint(
        data.get("host"),
        port(ref, data),
        data.get("username"),
        data.get("password"),
        "true".equalsIgnoreCase(data.get("tls")));
  }

  /** The kubeconfig of a member cluster (key kubeconfig). */
  public String kubeconfig(SecretReference ref) throws SecretProblem {
    return read(ref, "kubeconfig").get("kubeconfig");
  }

  /** Checks that the Secret exists with the given keys, for services probed elsewhere. */
  public void requireKeys(SecretReference ref, String... keys) throws SecretProblem {
    read(ref, keys);
  }

  private Map<String, String> read(SecretReference ref, String... requiredKeys)
      throws SecretProblem {
    String namespace = Optional.ofNullable(ref.getNamespace()).orElse(settings.operatorNamespace());
    Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
    String qualified = namespace + "/" + ref.getName();
    if (secret == null) {
      throw new SecretProblem("SecretNotFound", "Secret " + qualified + " not found");
    }
    Map<String, String> data = SecretValues.of(secret);
    for (String key : requiredKeys) {
      String value = data.get(key);
      if (value == null || value.isBlank()) {
        throw new SecretProblem("SecretKeyMissing", "Secret " + qualified + " has no key " + key);
      }
    }
    return data;
  }

  private static int port(SecretReference ref, Map<String, String> data) throws SecretProblem {
    try {
      int port = Integer.parseInt(data.get("port").trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new SecretProblem(
          "SecretKeyInvalid", "Secret " + ref + " key port is not a TCP port (1-65535)");
    }
  }

  /** A Secret that is missing, lacks a key or holds an invalid value. */
  public static class SecretProblem extends Exception {
    private final String reason;

    public SecretProblem(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
