package io.greenlang.crds.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads Kubernetes manifests written in YAML (or JSON, which is YAML) into Jackson trees. */
public final class ManifestYaml {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ManifestYaml() {}

  /** Parses a single-document manifest. */
  public static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a YAML manifest: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses every non-empty document of a {@code ---} separated file. */
  public static List<JsonNode> parseAll(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(yaml)) {
      JSON.readValues(parser, JsonNode.class)
          .forEachRemaining(
              document -> {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                  documents.add(document);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("not a YAML manifest stream", e);
    }
    return documents;
  }
}
