package io.greenlang.crds.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Structural schema checks and their API-server-style messages. */
class CrdSchemaValidatorTest {

  private final CrdSchemaValidator tenants = Fixtures.tenants();
  private final CrdSchemaValidator regions = Fixtures.regions();

  @Test
  void validManifestsPass() {
    assertThat(tenants.validateCreate(Fixtures.VALID_TENANT)).isEmpty();
    assertThat(regions.validateCreate(Fixtures.VALID_REGION)).isEmpty();
  }

  @Test
  void missingRequiredFieldIsReportedOnTheField() {
    List<Violation> violations =
        tenants.validateCreate(Fixtures.VALID_TENANT.replace("  region: eu-west\n", ""));

    assertThat(messages(violations)).containsExactly("spec.region: Required value");
    assertThat(violations.get(0).field()).isEqualTo("spec.region");
    assertThat(violations.get(0).type()).isEqualTo(ViolationType.REQUIRED);
  }

  @Test
  void enumViolationListsTheSupportedValues() {
    assertThat(messages(tenants.validateCreate(withSpecLine("tier: GOLD"))))
        .containsExactly(
            "spec.tier: Unsupported value: \"GOLD\": supported values: \"FREE\", \"STANDARD\","
                + " \"ENTERPRISE\"");
  }

  @Test
  void patternLengthAndBoundsAreReportedInApiServerWording() {
    String manifest =
        Fixtures.VALID_TENANT
            .replace("region: eu-west", "region: EU_West")
            .replace("isolation: namespace", "isolation: namespace\n  maxAgents: 500");

    assertThat(messages(tenants.validateCreate(manifest)))
        .containsExactly(
            "spec.region: Invalid value: \"EU_West\": spec.region in body should match"
                + " '^[a-z][a-z0-9-]*$'",
            "spec.maxAgents: Invalid value: 500: spec.maxAgents in body should be less than or equal"
                + " to 100");
    assertThat(
            messages(
                tenants.validateCreate(Fixtures.VALID_TENANT.replace("climate", "x".repeat(64)))))
        .containsExactly("spec.labels[team]: Too long: may not be longer than 63");
  }

  @Test
  void stringLengthAndItemCountLimitsAreReported() {
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      members.append("    - {name: \"user:u").append(i).append("\", role: viewer}\n");
    }
    String tooMany =
        Fixtures.VALID_TENANT.substring(0, Fixtures.VALID_TENANT.indexOf("  members:"))
            + "  members:\n"
            + members;
    String emptyName = Fixtures.VALID_TENANT.replace("\"group:auditors\"", "\"\"");

    assertThat(messages(tenants.validateCreate(tooMany)))
        .contains("spec.members: Too many: 6: must have at most 5 items");
    assertThat(messages(tenants.validateCreate(emptyName)))
        .contains(
            "spec.members[1].name: Invalid value: \"\": spec.members[1].name in body should be at"
                + " least 1 chars long");
  }

  @Test
  void wrongTypesNameTheExpectedType() {
    assertThat(messages(tenants.validateCreate(withSpecLine("maxAgents: many"))))
        .containsExactly(
            "spec.maxAgents: Invalid value: \"string\": spec.maxAgents in body must be of type"
                + " integer: \"string\"");
    assertThat(
            messages(
                regions.validateCreate(Fixtures.VALID_REGION.replace("port: https", "port: 1.5"))))
        .containsExactly(
            "spec.port: Invalid value: \"number\": spec.port in body must be of type"
                + " integer,string: \"number\"");
  }

  @Test
  void intOrStringAcceptsBoth() {
    assertThat(regions.validateCreate(Fixtures.VALID_REGION.replace("port: https", "port: 8443")))
        .isEmpty();
  }

  @Test
  void unknownFieldsAreRejectedUnlessPreserved() {
    String manifest =
        Fixtures.VALID_TENANT
            .replace("isolation: namespace", "isolation: namespace\n  colour: green")
            .replace("role: owner", "role: owner\n      nickname: al");

    List<Violation> violations = tenants.validateCreate(manifest);

    assertThat(messages(violations))
        .containsExactlyInAnyOrder(
            "spec.colour: Unknown field", "spec.members[0].nickname: Unknown field");
    assertThat(violations).allMatch(violation -> violation.type() == ViolationType.UNKNOWN_FIELD);
    // settings preserves unknown fields, metadata is not checked beyond being an object
    String region =
        Fixtures.VALID_REGION.replace("name: eu", "name: eu\n  labels: {a: b}\n  anything: 1");
    assertThat(regions.validateCreate(region)).isEmpty();
  }

  @Test
  void listItemErrorsCarryTheirIndex() {
    String manifest = Fixtures.VALID_TENANT.replace("role: viewer", "role: boss");

    assertThat(messages(tenants.validateCreate(manifest)))
        .containsExactly(
            "spec.members[1].role: Unsupported value: \"boss\": supported values: \"owner\","
                + " \"admin\", \"viewer\"");
  }

  @Test
  void mapValueErrorsCarryTheirKey() {
    String manifest =
        Fixtures.VALID_REGION.replace(
            "endpoint: https://k8s.fra.example", "endpoint: http://k8s.fra.example");

    assertThat(messages(regions.validateCreate(manifest)))
        .containsExactly(
            "spec.clusters[frankfurt].endpoint: Invalid value: \"http://k8s.fra.example\":"
                + " spec.clusters[frankfurt].endpoint in body should match '^https://'");
  }

  @Test
  void duplicatesInSetAndMapListsAreReported() {
    String tenant = Fixtures.VALID_TENANT.replace("\"group:auditors\"", "\"user:alice\"");
    String region = Fixtures.VALID_REGION.replace("[cn, us]", "[cn, us, cn]");

    assertThat(messages(tenants.validateCreate(tenant)))
        .contains("spec.members[1]: Duplicate value: {\"name\":\"user:alice\"}");
    assertThat(messages(regions.validateCreate(region)))
        .containsExactly("spec.blockedTargets[2]: Duplicate value: \"cn\"");
  }

  @Test
  void exclusiveBoundsAndFormatsAreEnforced() {
    String manifest =
        Fixtures.VALID_REGION
            .replace("loadFactor: 0.75", "loadFactor: 1")
            .replace("\"2025-03-01T02:00:00Z\"", "next tuesday");

    assertThat(messages(regions.validateCreate(manifest)))
        .containsExactlyInAnyOrder(
            "spec.loadFactor: Invalid value: 1: spec.loadFactor in body should be less than 1",
            "spec.maintenanceStart: Invalid value: \"next tuesday\": spec.maintenanceStart in body"
                + " must be of type date-time: \"next tuesday\"");
  }

  @Test
  void nullIsKeptOnlyWhereNullableAndOtherwiseDropped() {
    assertThat(regions.validateCreate(Fixtures.VALID_REGION.replace("port: https", "port: null")))
        .isEmpty();
    assertThat(
            messages(
                tenants.validateCreate(
                    Fixtures.VALID_TENANT.replace("region: eu-west", "region: null"))))
        .containsExactly("spec.region: Required value");
  }

  @Test
  void identityOfTheObjectIsChecked() {
    String manifest =
        Fixtures.VALID_TENANT
            .replace("fixtures.greenlang.io/v1alpha1", "fixtures.greenlang.io/v9")
            .replace("kind: Tenant", "kind: Tenet")
            .replace("name: acme", "labels: {}");

    assertThat(messages(tenants.validateCreate(manifest)))
        .containsExactly(
            "apiVersion: Unsupported value: \"fixtures.greenlang.io/v9\": supported values:"
                + " \"fixtures.greenlang.io/v1alpha1\"",
            "kind: Unsupported value: \"Tenet\": supported values: \"Tenant\"",
            "metadata.name: Required value: name or generateName is required");
  }

  @Test
  void everyMessageStartsWithItsFieldPath() {
    String manifest =
        Fixtures.VALID_TENANT
            .replace("region: eu-west", "region: 7")
            .replace("role: viewer", "role: boss\n      extra: 1")
            .replace("isolation: namespace", "isolation: dedicated\n  tier: GOLD");

    List<Violation> violations = tenants.validateCreate(manifest);

    assertThat(violations).hasSizeGreaterThanOrEqualTo(4);
    assertThat(violations)
        .allMatch(violation -> violation.message().startsWith(violation.field() + ": "));
  }

  private static String withSpecLine(String line) {
    return Fixtures.VALID_TENANT.replace("isolation: namespace", "isolation: namespace\n  " + line);
  }

  static List<String> messages(List<Violation> violations) {
    return violations.stream().map(Violation::message).toList();
  }
}
