package io.greenlang.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates manifests against one CustomResourceDefinition the way the Kubernetes API server would
 * on create and update: apiVersion/kind/name, defaulting, the OpenAPI schema with strict field
 * validation, list-type uniqueness, Kubernetes string formats and every {@code
 * x-kubernetes-validations} CEL rule. Each violation is worded like the API server's error for it,
 * starting with the field path.
 */
public final class CrdSchemaValidator {

  private final CustomResourceDefinition crd;
  private final CelRuleEvaluator evaluator = new CelRuleEvaluator();
  private final Map<String, CrdVersionValidator> servedVersions = new LinkedHashMap<>();

  private CrdSchemaValidator(CustomResourceDefinition crd) {
    this.crd = crd;
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      if (!Boolean.FALSE.equals(version.getServed())) {
        servedVersions.put(
            version.getName(),
            new CrdVersionValidator(
                version.getName(), CrdReader.openApiSchema(version), evaluator));
      }
    }
  }

  /** A validator for a CRD already in memory. */
  public static CrdSchemaValidator forCrd(CustomResourceDefinition crd) {
    return new CrdSchemaValidator(crd);
  }

  /** A validator for a CRD given as YAML text. */
  public static CrdSchemaValidator fromYaml(String crdYaml) {
    return new CrdSchemaValidator(CrdReader.parse(crdYaml));
  }

  /** A validator for a CRD file, such as {@code target/kubernetes/tenants.greenlang.io-v1.yml}. */
  public static CrdSchemaValidator fromFile(Path crdFile) {
    try {
      return fromYaml(Files.readString(crdFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + crdFile, e);
    }
  }

  /** The CRD this validator enforces. */
  public CustomResourceDefinition crd() {
    return crd;
  }

  /** The validation errors the API server would return when {@code manifest} is created. */
  public List<Violation> validateCreate(JsonNode manifest) {
    return validate(manifest, null);
  }

  /** {@link #validateCreate(JsonNode)} for a YAML manifest. */
  public List<Violation> validateCreate(String manifestYaml) {
    return validateCreate(ManifestYaml.parse(manifestYaml));
  }

  /**
   * The validation errors the API server would return when {@code oldManifest} is replaced by
   * {@code newManifest}; transition rules ({@code oldSelf}) run only here.
   */
  public List<Violation> validateUpdate(JsonNode oldManifest, JsonNode newManifest) {
    return validate(newManifest, oldManifest);
  }

  /** {@link #validateUpdate(JsonNode, JsonNode)} for YAML manifests. */
  public List<Violation> validateUpdate(String oldManifestYaml, String newManifestYaml) {
    return validateUpdate(ManifestYaml.parse(oldManifestYaml), ManifestYaml.parse(newManifestYaml));
  }

  /** Every CEL rule of every served version, with the schema path that declares it. */
  public List<DeclaredCelRule> celRules() {
    List<DeclaredCelRule> rules = new ArrayList<>();
    servedVersions.values().forEach(version -> rules.addAll(version.celRules()));
    return rules;
  }

  /**
   * One line per CEL rule that the API server would refuse when the CRD is applied or that can
   * never run: it does not compile, does not return a bool (or its messageExpression a string), has
   * an unknown reason or a fieldPath naming no declared field, or uses oldSelf below a list whose
   * items cannot be correlated. Empty when every rule is usable.
   */
  public List<String> celRuleProblems() {
    List<String> problems = new ArrayList<>();
    servedVersions.values().forEach(version -> problems.addAll(version.celRuleProblems()));
    return problems;
  }

  private List<Violation> validate(JsonNode manifest, JsonNode oldManifest) {
    if (manifest == null || !manifest.isObject()) {
      return List.of(
          Violation.invalid(FieldPath.root(), "\"" + manifest + "\"", "a manifest is an object"));
    }
    List<Violation> violations = new ArrayList<>();
    String group = crd.getSpec().getGroup();
    String apiVersion = manifest.path("apiVersion").asText("");
    CrdVersionValidator version =
        apiVersion.startsWith(group + "/")
            ? servedVersions.get(apiVersion.substring(group.length() + 1))
            : null;
    if (apiVersion.isEmpty()) {
      violations.add(Violation.required(FieldPath.root().child("apiVersion")));
    } else if (version == null) {
      List<String> supported =
          servedVersions.keySet().stream().map(name -> "\"" + group + "/" + name + "\"").toList();
      violations.add(
          Violation.notSupported(
              FieldPath.root().child("apiVersion"), "\"" + apiVersion + "\"", supported));
    }
    String expectedKind = crd.getSpec().getNames().getKind();
    String kind = manifest.path("kind").asText("");
    if (!kind.equals(expectedKind)) {
      violations.add(
          Violation.notSupported(
              FieldPath.root().child("kind"),
              "\"" + kind + "\"",
              List.of("\"" + expectedKind + "\"")));
    }
    JsonNode metadata = manifest.path("metadata");
    if (metadata.path("name").asText("").isEmpty()
        && metadata.path("generateName").asText("").isEmpty()) {
      violations.add(
          Violation.required(
              FieldPath.root().child("metadata").child("name"),
              "name or generateName is required"));
    }
    if (version != null) {
      violations.addAll(version.validate(manifest, oldManifest));
    }
    return violations;
  }
}
