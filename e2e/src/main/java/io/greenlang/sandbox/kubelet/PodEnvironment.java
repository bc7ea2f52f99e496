package io.greenlang.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's environment as the kubelet resolves it: {@code envFrom}, then {@code env} in order,
 * each {@code value} with Kubernetes {@code $(VAR)} references to variables defined before it
 * ({@code $$} escapes a dollar), {@code secretKeyRef} and {@code configMapKeyRef} read from the API
 * server in the pod's namespace, and {@code fieldRef} from the pod's own identity. Failures name
 * the variable, Secret and key, never a value.
 */
final class PodEnvironment {
  private final KubernetesClient client;
  private final String namespace;
  private final Map<String, String> podFields;

  /**
   * @param podFields the pod's field values by path ({@code metadata.name}, ...)
   */
  PodEnvironment(KubernetesClient client, String namespace, Map<String, String> podFields) {
    this.client = client;
    this.namespace = namespace;
    this.podFields = podFields;
  }

  /** The container's variables, in definition order. */
  Map<String, String> resolve(Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    if (container.getEnvFrom() != null) {
      for (EnvFromSource source : container.getEnvFrom()) {
        fromSource(source, env);
      }
    }
    if (container.getEnv() != null) {
      for (EnvVar variable : container.getEnv()) {
        String value = value(variable, env);
        if (value != null) {
          env.put(variable.getName(), value);
        }
      }
    }
    return env;
  }

  private String value(EnvVar variable, Map<String, String> defined) {
    EnvVarSource from = variable.getValueFrom();
    if (from == null) {
      return expand(variable.getValue() == null ? "" : variable.getValue(), defined);
    }
    if (from.getSecretKeyRef() != null) {
      var ref = from.getSecretKeyRef();
      return key(
          variable.getName(),
          "Secret",
          ref.getName(),
          ref.getKey(),
          secretData(ref.getName()),
          Boolean.TRUE.equals(ref.getOptional()));
    }
    if (from.getConfigMapKeyRef() != null) {
      var ref = from.getConfigMapKeyRef();
      return key(
          variable.getName(),
          "ConfigMap",
          ref.getName(),
          ref.getKey(),
          configMapData(ref.getName()),
          Boolean.TRUE.equals(ref.getOptional()));
    }
    if (from.getFieldRef() != null) {
      String path = from.getFieldRef().getFieldPath();
      String value = podFields.get(path);
      if (value == null) {
        throw new PodStartException(
            "env " + variable.getName() + ": fieldRef " + path + " is not supported locally");
      }
      return value;
    }
    throw new PodStartException(
        "env " + variable.getName() + ": only value, secretKeyRef, configMapKeyRef and fieldRef");
  }

  private void fromSource(EnvFromSource source, Map<String, String> env) {
    String prefix = source.getPrefix() == null ? "" : source.getPrefix();
    Map<String, String> data = null;
    if (source.getSecretRef() != null) {
      data = secretData(source.getSecretRef().getName());
      if (data == null && !Boolean.TRUE.equals(source.getSecretRef().getOptional())) {
        throw new PodStartException("envFrom: Secret " + source.getSecretRef().getName());
      }
    } else if (source.getConfigMapRef() != null) {
      data = configMapData(source.getConfigMapRef().getName());
      if (data == null && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())) {
        throw new PodStartException("envFrom: ConfigMap " + source.getConfigMapRef().getName());
      }
    }
    if (data != null) {
      data.forEach((k, v) -> env.put(prefix + k, v));
    }
  }

  private static String key(
      String variable,
      String kind,
      String name,
      String key,
      Map<String, String> data,
      boolean optional) {
    if (data == null || !data.containsKey(key)) {
      if (optional) {
        return null;
      }
      throw new PodStartException(
          "env "
              + variable
              + ": "
              + kind
              + " "
              + name
              + (data == null ? " not found" : " has no key " + key));
    }
    return data.get(key);
  }

  /** The Secret's data decoded (stringData merged), or null when it does not exist. */
  Map<String, String> secretData(String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      return null;
    }
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    return data;
  }

  /** The ConfigMap's data, or null when it does not exist. */
  Map<String, String> configMapData(String name) {
    ConfigMap map = client.configMaps().inNamespace(namespace).withName(name).get();
    if (map == null) {
      return null;
    }
    return map.getData() == null ? Map.of() : map.getData();
  }

  /**
   * Kubernetes variable expansion: {@code $(NAME)} becomes the value of an earlier variable,
   * unknown references stay as written, {@code $$} is one dollar.
   */
  static String expand(String value, Map<String, String> defined) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length()) {
        char next = value.charAt(i + 1);
        if (next == '$') {
          out.append('$');
          i += 2;
          continue;
        }
        int close = value.indexOf(')', i + 2);
        if (next == '(' && close > 0) {
          String name = value.substring(i + 2, close);
          out.append(defined.getOrDefault(name, value.substring(i, close + 1)));
          i = close + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
