package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod template annotation {@value #ANNOTATION}: SHA-256 over the ConfigMap's data and the data
 * of every Secret the pod uses, each in name and key order. Any change of the agent's
 * configuration, a rotated database password or a new LLM key changes it, and a changed template
 * rolls the pods. Only the digest leaves this class, never a value.
 */
public final class AgentConfigHash {
  public static final String ANNOTATION = "greenlang.io/config-hash";

  private AgentConfigHash() {}

  /**
   * @param secrets the Secrets by their name as the pod references them
   */
  public static String of(ConfigMap configMap, Map<String, Secret> secrets) {
    MessageDigest digest = sha256();
    update(digest, "configmap", configMap.getData());
    new TreeMap<>(secrets)
        .forEach(
            (name, secret) -> {
              update(digest, "secret/" + name, secret == null ? null : secret.getData());
              update(
                  digest,
                  "secret/" + name + "/string",
                  secret == null ? null : secret.getStringData());
            });
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String section, Map<String, String> data) {
    digest.update(frame(section));
    if (data == null) {
      return;
    }
    new TreeMap<>(data)
        .forEach(
            (key, value) -> {
              digest.update(frame(key));
              digest.update(frame(value == null ? "" : value));
            });
  }

  /** Length-prefixed, so no two different inputs concatenate to the same bytes. */
  private static byte[] frame(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] framed = new byte[bytes.length + 4];
    framed[0] = (byte) (bytes.length >>> 24);
    framed[1] = (byte) (bytes.length >>> 16);
    framed[2] = (byte) (bytes.length >>> 8);
    framed[3] = (byte) bytes.length;
    System.arraycopy(bytes, 0, framed, 4, bytes.length);
    return framed;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
