package io.greenlang.operator.pipelinerun;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.pipelinerun.InputDataReference;
import io.greenlang.crds.pipelinerun.PipelineRun;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a run's input data ({@code spec.inputs}): the text of a ConfigMap key ({@code data}, or
 * {@code binaryData} as UTF-8) or of a Secret key. Problems name the field and the object, never a
 * Secret's value.
 */
final class RunInputData implements Function<String, String> {
  private final KubernetesClient client;
  private final PipelineRun run;

  RunInputData(KubernetesClient client, PipelineRun run) {
    this.client = client;
    this.run = run;
  }

  /** The input's text; throws {@link UnresolvedReferenceException} saying what is missing. */
  @Override
  public String apply(String name) {
    List<InputDataReference> inputs = run.getSpec().getInputs();
    for (int i = 0; i < (inputs == null ? 0 : inputs.size()); i++) {
      if (name.equals(inputs.get(i).getName())) {
        return read(inputs.get(i), "spec.inputs[" + i + "]");
      }
    }
    throw new UnresolvedReferenceException(
        "${inputs." + name + "}: the run names no input \"" + name + "\" in spec.inputs");
  }

  private String read(InputDataReference input, String field) {
    String namespace = run.getMetadata().getNamespace();
    if (input.getConfigMapKeyRef() != null) {
      ConfigMapKeySelector ref = input.getConfigMapKeyRef();
      ConfigMap map = client.configMaps().inNamespace(namespace).withName(ref.getName()).get();
      String where = field + ".configMapKeyRef: ConfigMap " + namespace + "/" + ref.getName();
      if (map == null) {
        throw new UnresolvedReferenceException(where + " not found");
      }
      if (map.getData() != null && map.getData().containsKey(ref.getKey())) {
        return map.getData().get(ref.getKey());
      }
      if (map.getBinaryData() != null && map.getBinaryData().containsKey(ref.getKey())) {
        return decode(map.getBinaryData().get(ref.getKey()));
      }
      throw new UnresolvedReferenceException(where + " has no key " + ref.getKey());
    }
    SecretKeySelector ref = input.getSecretKeyRef();
    Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
    String where = field + ".secretKeyRef: Secret " + namespace + "/" + ref.getName();
    if (secret == null) {
      throw new UnresolvedReferenceException(where + " not found");
    }
    if (secret.getData() != null && secret.getData().containsKey(ref.getKey())) {
      return decode(secret.getData().get(ref.getKey()));
    }
    if (secret.getStringData() != null && secret.getStringData().containsKey(ref.getKey())) {
      return secret.getStringData().get(ref.getKey());
    }
    throw new UnresolvedReferenceException(where + " has no key " + ref.getKey());
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
