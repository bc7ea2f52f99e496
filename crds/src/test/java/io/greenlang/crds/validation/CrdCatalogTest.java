package io.greenlang.crds.validation;

import static io.greenlang.crds.validation.CrdSchemaValidatorTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A directory of CRDs validates each manifest with the CRD of its kind. */
class CrdCatalogTest {

  private final CrdCatalog catalog = CrdCatalog.read(Fixtures.crdDirectory());

  @Test
  void readsEveryCrdOfADirectoryInFileNameOrder() {
    assertThat(catalog.validators())
        .extracting(validator -> validator.crd().getSpec().getNames().getKind())
        .containsExactly("Region", "Tenant", "Widget");
  }

  @Test
  void validatesEachDocumentWithTheCrdOfItsKind() {
    String stream =
        Fixtures.VALID_TENANT + "---\n" + Fixtures.VALID_REGION.replace("code: EU", "code: XX");

    assertThat(messages(catalog.validateCreateAll(stream)))
        .containsExactly(
            "spec.code: Unsupported value: \"XX\": supported values: \"EU\", \"US\", \"CN\"");
  }

  @Test
  void kindWithoutCrdIsAViolation() {
    String manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n";

    assertThat(messages(catalog.validateCreate(ManifestYaml.parse(manifest))))
        .singleElement()
        .asString()
        .startsWith("kind: Unsupported value: \"v1 ConfigMap\"");
  }
}
