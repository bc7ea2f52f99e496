package io.greenlang.operator.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an object in the cluster already is what the operator wants: every label,
 * annotation and content field of the desired object is present with the same value. Fields the API
 * server or others add (defaults, status, metadata it manages) are ignored, so a settled object
 * causes no write.
 */
public final class OwnedObjectMatcher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOT_COMPARED =
      Set.of("apiVersion", "kind", "metadata", "status");

  private OwnedObjectMatcher() {}

  public static boolean matches(HasMetadata desired, HasMetadata actual) {
    JsonNode want = JSON.valueToTree(desired);
    JsonNode have = JSON.valueToTree(actual);
    if (!contains(have.path("metadata").path("labels"), want.path("metadata").path("labels"))
        || !contains(
            have.path("metadata").path("annotations"), want.path("metadata").path("annotations"))) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (!NOT_COMPARED.contains(field.getKey())
          && !contains(have.path(field.getKey()), field.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code actual} with the desired labels and annotations added and each desired content field
   * (spec, data, roleRef, subjects...) put in place of the actual one; everything else of {@code
   * actual} kept.
   */
  @SuppressWarnings("unchecked")
  public static <T extends HasMetadata> T overlay(HasMetadata desired, T actual) {
    ObjectNode want = JSON.valueToTree(desired);
    ObjectNode result = JSON.valueToTree(actual);
    ObjectNode metadata = result.with("metadata");
    for (String map : List.of("labels", "annotations")) {
      JsonNode wanted = want.path("metadata").path(map);
      if (wanted.isObject() && !wanted.isEmpty()) {
        metadata.with(map).setAll((ObjectNode) wanted);
      }
    }
    want.fields()
        .forEachRemaining(
            field -> {
              if (!NOT_COMPARED.contains(field.getKey())) {
                result.set(field.getKey(), field.getValue());
              }
            });
    return (T) JSON.convertValue(result, actual.getClass());
  }

  /**
   * Objects: every wanted field contained; arrays: same length, element-wise contained; else equal.
   */
  static boolean contains(JsonNode have, JsonNode want) {
    if (want.isMissingNode() || want.isNull()) {
      return true;
    }
    if (want.isObject()) {
      if (!have.isObject()) {
        return want.isEmpty() && have.isMissingNode();
      }
      Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        if (!contains(have.path(field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (want.isArray()) {
      if (!have.isArray() || have.size() != want.size()) {
        return want.isEmpty() && have.isMissingNode();
      }
      for (int i = 0; i < want.size(); i++) {
        if (!contains(have.get(i), want.get(i))) {
          return false;
        }
      }
      return true;
    }
    return want.equals(have);
  }
}
