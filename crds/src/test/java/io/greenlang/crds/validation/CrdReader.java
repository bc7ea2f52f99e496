package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads apiextensions.k8s.io/v1 CustomResourceDefinitions from YAML text, files or directories. */
public final class CrdReader {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private CrdReader() {}

  /** Parses one CRD document. */
  public static CustomResourceDefinition parse(String yaml) {
    CustomResourceDefinition crd;
    try {
      crd = SERIALIZATION.unmarshal(yaml, CustomResourceDefinition.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a CustomResourceDefinition: " + e.getMessage(), e);
    }
    if (crd == null || !"CustomResourceDefinition".equals(crd.getKind()) || crd.getSpec() == null) {
      throw new IllegalArgumentException("not a CustomResourceDefinition");
    }
    return crd;
  }

  /**
   * Reads the CRDs in the given files and directories (every {@code *.yml} / {@code *.yaml}
   * directly inside, in name order), in argument order.
   */
  public static List<CustomResourceDefinition> read(List<Path> filesOrDirectories) {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path path : filesOrDirectories) {
      for (Path file : yamlFiles(path)) {
        try {
          crds.add(parse(Files.readString(file)));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
      }
    }
    return crds;
  }

  /**
   * The {@code openAPIV3Schema} of one version as JSON; an empty object when the version has none.
   */
  public static JsonNode openApiSchema(CustomResourceDefinitionVersion version) {
    if (version.getSchema() == null || version.getSchema().getOpenAPIV3Schema() == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    return SERIALIZATION.convertValue(version.getSchema().getOpenAPIV3Schema(), JsonNode.class);
  }

  private static List<Path> yamlFiles(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> children = Files.list(path)) {
      return children
          .filter(Files::isRegularFile)
          .filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }
}
