package io.greenlang.crds.validation;

/**
 * A CEL rule as declared in a CRD, with where it is declared.
 *
 * @param version the CRD version whose schema declares the rule
 * @param schemaPath the schema node carrying the rule in reference notation ({@code
 *     spec.members[]}); empty for the root
 * @param rule the rule itself
 */
public record DeclaredCelRule(String version, String schemaPath, CelRule rule) {

  @Override
  public String toString() {
    String where = schemaPath.isEmpty() ? Violation.ROOT_NAME : schemaPath;
    return version + " " + where + ": " + rule.rule() + " (" + rule.messageOrDefault() + ")";
  }
}
