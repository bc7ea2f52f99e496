package io.greenlang.crds.validation;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The hand-written fixture CRDs under {@code src/test/resources/fixtures/crds}, for the tooling's
 * own tests.
 */
public final class Fixtures {

  private Fixtures() {}

  /** The directory holding the fixture CRDs. */
  public static Path crdDirectory() {
    URL marker = Fixtures.class.getResource("/fixtures/crds/tenants.fixtures.greenlang.io-v1.yml");
    try {
      return Path.of(marker.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A validator for one fixture CRD file. */
  public static CrdSchemaValidator validator(String fileName) {
    return CrdSchemaValidator.fromFile(crdDirectory().resolve(fileName));
  }

  static CrdSchemaValidator tenants() {
    return validator("tenants.fixtures.greenlang.io-v1.yml");
  }

  static CrdSchemaValidator regions() {
    return validator("regions.fixtures.greenlang.io-v1.yml");
  }

  static CrdSchemaValidator widgets() {
    return validator("widgets.fixtures.greenlang.io-v1.yml");
  }

  /** A Tenant that passes every check, to be varied by the tests. */
  static final String VALID_TENANT =
      """
      apiVersion: fixtures.greenlang.io/v1alpha1
      kind: Tenant
      metadata:
        name: acme
      spec:
        isolation: namespace
        region: eu-west
        monthlyBudget: 1500.5
        labels:
          team: climate
        members:
          - name: "user:alice"
            role: owner
            since: "2024-01-01T00:00:00Z"
          - name: "group:auditors"
            role: viewer
      status:
        phase: Ready
        namespaces: [acme-main, acme-data]
      """;

  /** A Region that passes every check, to be varied by the tests. */
  static final String VALID_REGION =
      """
      apiVersion: fixtures.greenlang.io/v1alpha1
      kind: Region
      metadata:
        name: eu
      spec:
        code: EU
        displayName: null
        port: https
        probeInterval: 1m30s
        maintenanceStart: "2025-03-01T02:00:00Z"
        loadFactor: 0.75
        blockedTargets: [cn, us]
        clusters:
          frankfurt:
            endpoint: https://k8s.fra.example
        settings:
          anything:
            goes: [1, "two"]
        capacity: 5
      """;
}
