package io.greenlang.crds.validation;

import static io.greenlang.crds.validation.CrdSchemaValidatorTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CEL rules run like the API server runs them: where, when (create or update), and how they report.
 */
class CelRuleValidationTest {

  private final CrdSchemaValidator tenants = Fixtures.tenants();
  private final CrdSchemaValidator regions = Fixtures.regions();

  @Test
  void immutableFieldFailsOnlyWhenChangedOnUpdate() {
    String changed = Fixtures.VALID_TENANT.replace("isolation: namespace", "isolation: database");

    assertThat(messages(tenants.validateUpdate(Fixtures.VALID_TENANT, changed)))
        .containsExactly("spec.isolation: Invalid value: \"string\": isolation is immutable");
    assertThat(tenants.validateUpdate(Fixtures.VALID_TENANT, Fixtures.VALID_TENANT)).isEmpty();
    assertThat(tenants.validateCreate(changed)).isEmpty();
  }

  @Test
  void transitionRulesInsideMapListsCorrelateItemsByKey() {
    String alice = "    - {name: \"user:alice\", role: owner, since: \"2024-01-01T00:00:00Z\"}\n";
    String bob = "    - {name: \"user:bob\", role: admin, since: \"2024-02-02T00:00:00Z\"}\n";
    String old = tenantWithMembers(alice + bob);
    String reordered = tenantWithMembers(bob + alice);
    String moved = tenantWithMembers(bob.replace("2024-02-02", "2024-03-03") + alice);

    // compared by position, the swapped items would look changed
    assertThat(tenants.validateUpdate(old, reordered)).isEmpty();
    assertThat(messages(tenants.validateUpdate(old, moved)))
        .containsExactly("spec.members[0].since: Invalid value: \"string\": since is immutable");
  }

  @Test
  void transitionRuleIsSkippedWhereTheOldObjectHasNoValue() {
    String withoutSince =
        Fixtures.VALID_TENANT.replace("\n      since: \"2024-01-01T00:00:00Z\"", "");

    assertThat(tenants.validateUpdate(withoutSince, Fixtures.VALID_TENANT)).isEmpty();
  }

  @Test
  void listRulesUseExistsOneAndAll() {
    String twoOwners = Fixtures.VALID_TENANT.replace("role: viewer", "role: owner");
    String badName = Fixtures.VALID_TENANT.replace("\"group:auditors\"", "auditors");

    assertThat(messages(tenants.validateCreate(twoOwners)))
        .containsExactly("spec.members: Invalid value: \"array\": exactly one member is the owner");
    assertThat(messages(tenants.validateCreate(badName)))
        .containsExactly(
            "spec.members: Invalid value: \"array\": member names start with user or group");
  }

  @Test
  void ruleWithFieldPathAndReasonIsReportedOnThatField() {
    String dedicated =
        Fixtures.VALID_TENANT.replace("isolation: namespace", "isolation: dedicated");

    List<Violation> violations = tenants.validateCreate(dedicated);

    assertThat(messages(violations))
        .containsExactly("spec.cluster: Required value: a dedicated tenant names its cluster");
    assertThat(violations.get(0).field()).isEqualTo("spec.cluster");
    assertThat(
            tenants.validateCreate(
                dedicated.replace("region: eu-west", "region: eu-west\n  cluster: c1")))
        .isEmpty();
  }

  @Test
  void rootRuleSeesMetadataName() {
    String longName =
        Fixtures.VALID_TENANT.replace("name: acme", "name: acme-climate-reporting-group");

    List<Violation> violations = tenants.validateCreate(longName);

    assertThat(messages(violations))
        .containsExactly(
            "<root>: Invalid value: \"object\": tenant names are at most 20 characters");
    assertThat(violations.get(0).field()).isEmpty();
  }

  @Test
  void numberFieldsCompareWithIntegerLiterals() {
    String rich = Fixtures.VALID_TENANT.replace("monthlyBudget: 1500.5", "monthlyBudget: 2000000");

    assertThat(messages(tenants.validateCreate(rich)))
        .containsExactly(
            "spec.monthlyBudget: Invalid value: \"number\": budgets above one million need a contract");
  }

  @Test
  void formattedStringsAreTimestampsAndDurationsInRules() {
    String early =
        Fixtures.VALID_REGION
            .replace("2025-03-01T02:00:00Z", "2019-03-01T02:00:00Z")
            .replace("probeInterval: 1m30s", "probeInterval: 2s");

    assertThat(messages(regions.validateCreate(early)))
        .containsExactly(
            "spec.probeInterval: Invalid value: \"string\": probe interval 2s is shorter than 5s",
            "spec.maintenanceStart: Invalid value: \"string\": maintenance windows start after 2020");
  }

  @Test
  void rulesSeeDefaultedValues() {
    String heavy =
        Fixtures.VALID_REGION.replace(
            "endpoint: https://k8s.fra.example",
            "endpoint: https://k8s.fra.example\n      weight: 11");

    // weight is absent in the valid Region, so the rule reads its default (1)
    assertThat(regions.validateCreate(Fixtures.VALID_REGION)).isEmpty();
    assertThat(messages(regions.validateCreate(heavy)))
        .containsExactly(
            "spec.clusters[frankfurt]: Invalid value: \"object\": weight is at most 10");
  }

  @Test
  void optionalOldSelfRuleRunsOnCreateAndUpdate() {
    String smaller = Fixtures.VALID_REGION.replace("capacity: 5", "capacity: 3");

    assertThat(regions.validateCreate(smaller)).isEmpty();
    assertThat(regions.validateUpdate(smaller, Fixtures.VALID_REGION)).isEmpty();
    assertThat(messages(regions.validateUpdate(Fixtures.VALID_REGION, smaller)))
        .containsExactly("spec.capacity: Invalid value: \"integer\": capacity may only grow");
  }

  @Test
  void rulesDoNotRunOnValuesOfTheWrongType() {
    String wrongType =
        Fixtures.VALID_TENANT.replace("monthlyBudget: 1500.5", "monthlyBudget: lots");

    assertThat(tenants.validateCreate(wrongType))
        .extracting(Violation::type)
        .containsExactly(ViolationType.INVALID);
  }

  @Test
  void brokenRulesAreReportedNotSkipped() {
    String widget =
        """
        apiVersion: fixtures.greenlang.io/v1alpha1
        kind: Widget
        metadata: {name: w, namespace: default}
        spec: {mode: fast, size: 1, name: gear, count: 2}
        """;

    List<Violation> violations = Fixtures.widgets().validateCreate(widget);

    assertThat(violations).extracting(Violation::type).containsOnly(ViolationType.BROKEN_RULE);
    assertThat(messages(violations))
        .satisfiesExactly(
            size ->
                assertThat(size)
                    .startsWith("spec.size: Internal error: rule `self >` does not compile"),
            name ->
                assertThat(name)
                    .startsWith(
                        "spec.name: Internal error: rule `self.first == 'x'` failed: evaluation error"),
            count ->
                assertThat(count)
                    .isEqualTo(
                        "spec.count: Internal error: rule `self + 1` has type int, expected bool"));
  }

  @Test
  void ruleListingCountsEveryRuleAndFlagsTheBrokenOnes() {
    assertThat(tenants.celRules()).hasSize(7);
    assertThat(tenants.celRules())
        .extracting(DeclaredCelRule::schemaPath)
        .containsExactly(
            "",
            "spec",
            "spec.isolation",
            "spec.members",
            "spec.members",
            "spec.members[].since",
            "spec.monthlyBudget");
    assertThat(tenants.celRules().get(2).rule().isImmutabilityRule()).isTrue();
    assertThat(tenants.celRuleProblems()).isEmpty();
    assertThat(regions.celRuleProblems()).isEmpty();
    assertThat(Fixtures.widgets().celRuleProblems())
        .satisfiesExactly(
            spec ->
                assertThat(spec)
                    .contains("v1alpha1 spec: has(self.mode)")
                    .endsWith("fieldPath .modus names no declared field"),
            count ->
                assertThat(count)
                    .contains("spec.count: self + 1")
                    .endsWith("has type int, expected bool"),
            mode ->
                assertThat(mode)
                    .contains("spec.mode")
                    .contains("reason FieldValueNotSupported is not one of"),
            parts ->
                assertThat(parts)
                    .contains("spec.parts[]")
                    .endsWith("not x-kubernetes-list-type: map"),
            size -> assertThat(size).contains("spec.size: self >").contains("does not compile"));
  }

  private static String tenantWithMembers(String memberLines) {
    return """
        apiVersion: fixtures.greenlang.io/v1alpha1
        kind: Tenant
        metadata: {name: acme}
        spec:
          isolation: namespace
          region: eu-west
          members:
        """
        + memberLines;
  }
}
