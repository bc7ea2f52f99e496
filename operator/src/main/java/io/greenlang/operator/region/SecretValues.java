package io.greenlang.operator.region;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a Secret as text: base64-decoded {@code data}, overlaid with {@code stringData} as
 * the API server merges them on write (some API servers, and the mock one in tests, return it as
 * given).
 */
public final class SecretValues {
  private SecretValues() {}

  public static Map<String, String> of(Secret secret) {
    Map<String, String> values = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      values.putAll(secret.getStringData());
    }
    return values;
  }
}
