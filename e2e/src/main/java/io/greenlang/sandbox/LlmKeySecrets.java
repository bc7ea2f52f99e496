package io.greenlang.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.SecretKeySelector;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LLM API key Secrets the applied Agents name ({@code spec.llm.providers[].apiKeySecretRef})
 * and the samples cannot contain: created where missing, each key from the sandbox's environment
 * variable {@code GL_SECRET_<SECRET NAME>_<KEY>} (the runtime's own fallback name) or left out. The
 * quickstart's steps are deterministic tools that call no LLM, so it runs without any key; the pods
 * need the Secret to exist because they mount it.
 */
final class LlmKeySecrets {
  private final LocalPlatform platform;

  LlmKeySecrets(LocalPlatform platform) {
    this.platform = platform;
  }

  /**
   * Creates the Secrets the manifests' Agents name that do not exist yet, before the Agents are
   * applied; returns their names (namespace/name).
   */
  List<String> provide(List<HasMetadata> manifests) {
    Map<String, Map<String, String>> missing = new HashMap<>();
    for (HasMetadata object : manifests) {
      Agent agent =
          "Agent".equals(object.getKind())
              ? Serialization.unmarshal(Serialization.asJson(object), Agent.class)
              : null;
      if (agent == null || agent.getSpec() == null || agent.getSpec().getLlm() == null) {
        continue;
      }
      String namespace = agent.getMetadata().getNamespace();
      for (LlmProviderRef provider : agent.getSpec().getLlm().getProviders()) {
        SecretKeySelector ref = provider.getApiKeySecretRef();
        if (ref == null
            || platform.client().secrets().inNamespace(namespace).withName(ref.getName()).get()
                != null) {
          continue;
        }
        Map<String, String> data =
            missing.computeIfAbsent(namespace + "/" + ref.getName(), k -> new HashMap<>());
        String value = System.getenv(variableName(ref));
        if (value != null && !value.isBlank()) {
          data.put(ref.getKey(), value);
        }
      }
    }
    var namespaces = new ManifestApplier(platform.client());
    missing.forEach(
        (name, data) -> {
          String[] parts = name.split("/", 2);
          namespaces.ensureNamespace(parts[0]);
          platform.secret(parts[0], parts[1], data);
        });
    return List.copyOf(missing.keySet());
  }

  /** {@code GL_SECRET_LLM_KEYS_ANTHROPIC} for key {@code anthropic} of Secret {@code llm-keys}. */
  static String variableName(SecretKeySelector ref) {
    return ("GL_SECRET_" + ref.getName() + "_" + ref.getKey())
        .toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9]", "_");
  }
}
