package io.greenlang.runtime.calculation.eudr;

/**
 * The ten criteria of the composite EUDR risk score: {@link #field()} is the input field, {@link
 * #subject()} the subject of its weight row in the weights table.
 */
public enum RiskCriterion {
  COUNTRY("country", "country"),
  SUPPLIER("supplier", "supplier"),
  COMMODITY("commodity", "commodity"),
  CORRUPTION("corruption", "corruption"),
  DEFORESTATION("deforestation", "deforestation"),
  INDIGENOUS_RIGHTS("indigenousRights", "indigenous_rights"),
  PROTECTED_AREAS("protectedAreas", "protected_areas"),
  LEGALITY("legality", "legality"),
  AUDIT("audit", "audit"),
  MITIGATION("mitigation", "mitigation");

  private final String field;
  private final String subject;

  RiskCriterion(String field, String subject) {
    this.field = field;
    this.subject = subject;
  }

  public String field() {
    return field;
  }

  public String subject() {
    return subject;
  }
}
