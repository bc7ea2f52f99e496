package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A set of CRDs that validates any manifest of a kind one of them defines, picking the CRD by the
 * manifest's API group and kind; the way to check every sample manifest against the generated CRDs.
 */
public final class CrdCatalog {

  private final List<CrdSchemaValidator> validators;

  private CrdCatalog(List<CrdSchemaValidator> validators) {
    this.validators = List.copyOf(validators);
  }

  /** A catalog of the given CRDs. */
  public static CrdCatalog of(List<CustomResourceDefinition> crds) {
    return new CrdCatalog(crds.stream().map(CrdSchemaValidator::forCrd).toList());
  }

  /**
   * A catalog of the CRDs in the given files and directories (see {@link CrdReader#read(List)}).
   */
  public static CrdCatalog read(Path... filesOrDirectories) {
    return of(CrdReader.read(List.of(filesOrDirectories)));
  }

  /** The validators, one per CRD, in the order the CRDs were given. */
  public List<CrdSchemaValidator> validators() {
    return validators;
  }

  /** The validator of the CRD defining {@code kind} in the API group of {@code apiVersion}. */
  public Optional<CrdSchemaValidator> validatorFor(String apiVersion, String kind) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return validators.stream()
        .filter(validator -> validator.crd().getSpec().getGroup().equals(group))
        .filter(validator -> validator.crd().getSpec().getNames().getKind().equals(kind))
        .findFirst();
  }

  /** Validates a manifest for create; a kind no CRD defines is itself a violation. */
  public List<Violation> validateCreate(JsonNode manifest) {
    String apiVersion = manifest.path("apiVersion").asText("");
    String kind = manifest.path("kind").asText("");
    return validatorFor(apiVersion, kind)
        .map(validator -> validator.validateCreate(manifest))
        .orElseGet(() -> List.of(unknownKind(apiVersion, kind)));
  }

  /** {@link #validateCreate(JsonNode)} for every document of a YAML stream, in document order. */
  public List<Violation> validateCreateAll(String manifestsYaml) {
    List<Violation> violations = new ArrayList<>();
    ManifestYaml.parseAll(manifestsYaml)
        .forEach(manifest -> violations.addAll(validateCreate(manifest)));
    return violations;
  }

  private Violation unknownKind(String apiVersion, String kind) {
    List<String> known =
        validators.stream()
            .map(validator -> validator.crd().getSpec())
            .map(spec -> "\"" + spec.getGroup() + " " + spec.getNames().getKind() + "\"")
            .toList();
    return Violation.notSupported(
        FieldPath.root().child("kind"), "\"" + apiVersion + " " + kind + "\"", known);
  }
}
