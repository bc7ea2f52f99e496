package io.greenlang.runtime.calculation.cbam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.CalculationTool;
import io.greenlang.runtime.calculation.FactorChoice;
import io.greenlang.runtime.calculation.FactorFields;
import io.greenlang.runtime.calculation.InputJson;
import io.greenlang.runtime.calculation.InputReader;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.OutputWriter;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.provenance.Sha256;
import io.greenlang.runtime.units.BaseUnit;
import io.greenlang.runtime.units.DecimalArithmetic;
import io.greenlang.runtime.units.Dimension;
import io.greenlang.runtime.units.Quantity;
import io.greenlang.runtime.units.RoundingRule;
import io.greenlang.runtime.units.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * EU CBAM certificates owed for a year's declared imports and their cost (formula {@value
 * #FORMULA}): certificates = max(0, E − A − D), with E the counted embedded emissions of the import
 * lines, A = free-allocation basis (Σ benchmark × net mass) × the CBAM factor of the year (catalog
 * table {@value #DEFAULT_CBAM_FACTORS}), D = carbon price paid in the country of origin (EUR, net
 * of rebates) ÷ the certificate price (EUR/t, a catalog row {@value #PRICE}, valid on {@code asOf}
 * when the table holds prices for several periods); cost = certificates × price. E and the basis
 * are the sums of the run's import-line results, which the input names by count and chain hash.
 */
public final class CertificateObligation
    implements CalculationTool<CertificateObligation.Input, CertificateObligation.Output> {

  public static final String FORMULA = "cbam.certificate_obligation.v1";
  public static final String DEFAULT_CBAM_FACTORS = "eu-cbam-factor";
  public static final String CBAM_FACTOR = "cbam_factor";
  public static final String CBAM_FACTOR_SUBJECT = "cbam_goods";
  public static final String PRICE = "cbam_certificate_price";
  private static final Unit EUR_PER_TONNE = Unit.parse("EUR/t");

  /** The import lines the obligation covers: how many, their chain hash, E and the basis. */
  public record Lines(
      long count,
      String chainHash,
      BigDecimal countedTonnes,
      BigDecimal freeAllocationBasisTonnes) {}

  /** The obligation's input. */
  public record Input(
      int year,
      FactorChoice certificatePrice,
      Quantity carbonPricePaid,
      TableRef cbamFactors,
      LocalDate asOf,
      Lines lines) {}

  /** Every term of the formula and the result. */
  public record Output(
      int year,
      BigDecimal cbamFactorPercent,
      BigDecimal embeddedEmissionsTonnes,
      BigDecimal freeAllocationBasisTonnes,
      BigDecimal freeAllocationAdjustmentTonnes,
      BigDecimal carbonPriceDeductionTonnes,
      BigDecimal certificates,
      BigDecimal certificatePriceEurPerTonne,
      BigDecimal costEur) {}

  @Override
  public String formula() {
    return FORMULA;
  }

  @Override
  public String description() {
    return "CBAM certificates owed, max(0, E - A - D), and their cost, with the free-allocation"
        + " phase-out by year";
  }

  /** Reads the obligation's own fields; {@code lines} comes from the run's line results. */
  public Input readTerms(InputReader in, Lines lines) {
    int year = in.integer("year", 2026, 2100);
    FactorChoice price = in.catalogFactor("certificatePrice");
    Quantity paid =
        in.has("carbonPricePaid")
            ? in.quantity("carbonPricePaid", Dimension.CURRENCY)
            : Quantity.of("0", "EUR");
    if (paid.value().signum() < 0) {
      throw new InvalidInputException("carbonPricePaid.value", "must not be negative");
    }
    return new Input(
        year,
        price,
        paid,
        in.table("cbamFactors", DEFAULT_CBAM_FACTORS),
        in.optionalDate("asOf").orElse(null),
        lines);
  }

  @Override
  public Input read(InputReader in) {
    InputReader lines = in.object("lines");
    long count = lines.integer("count", 0, Integer.MAX_VALUE);
    String chainHash = lines.text("chainHash");
    if (!Sha256.isDigest(chainHash)) {
      throw new InvalidInputException(lines.path("chainHash"), "not a SHA-256 hex digest");
    }
    Lines summary =
        new Lines(
            count,
            chainHash,
            lines.nonNegativeDecimal("countedTonnes"),
            lines.nonNegativeDecimal("freeAllocationBasisTonnes"));
    lines.rejectUnknownFields();
    return readTerms(in, summary);
  }

  @Override
  public ObjectNode write(Input input) {
    ObjectNode json = InputJson.object();
    json.put("year", input.year());
    json.set("certificatePrice", input.certificatePrice().toJson());
    json.set("carbonPricePaid", InputJson.quantity(input.carbonPricePaid()));
    json.set("cbamFactors", InputJson.table(input.cbamFactors()));
    if (input.asOf() != null) {
      json.put("asOf", input.asOf().toString());
    }
    ObjectNode lines = json.putObject("lines");
    lines.put("count", input.lines().count());
    lines.put("chainHash", input.lines().chainHash());
    lines.put("countedTonnes", DecimalArithmetic.plain(input.lines().countedTonnes()));
    lines.put(
        "freeAllocationBasisTonnes",
        DecimalArithmetic.plain(input.lines().freeAllocationBasisTonnes()));
    return json;
  }

  @Override
  public Output calculate(Input input, FactorLookup factors) {
    Quantity cbamFactor =
        FactorFields.require(
                factors,
                FactorQuery.in(
                    input.cbamFactors(),
                    CBAM_FACTOR,
                    CBAM_FACTOR_SUBJECT,
                    LocalDate.of(input.year(), 1, 1)),
                "cbamFactors",
                "year")
            .asQuantity();
    if (cbamFactor.unit().dimension() != Dimension.DIMENSIONLESS || cbamFactor.unit().isRatio()) {
      throw new InvalidInputException("cbamFactors", "the CBAM factor must be dimensionless");
    }
    Quantity price =
        input.certificatePrice().resolve(factors, PRICE, input.asOf(), "certificatePrice");
    if (!price.unit().convertsTo(EUR_PER_TONNE)) {
      throw new InvalidInputException(
          "certificatePrice", "the price is in " + price.unit() + "; it must be EUR per mass");
    }
    BigDecimal pricePerTonne = price.to(EUR_PER_TONNE).value();
    if (pricePerTonne.signum() <= 0) {
      throw new InvalidInputException("certificatePrice", "the price must be more than zero");
    }
    BigDecimal basis = input.lines().freeAllocationBasisTonnes();
    BigDecimal adjustment = Quantity.of(basis, BaseUnit.TONNE).times(cbamFactor).value();
    BigDecimal deduction = DecimalArithmetic.divide(input.carbonPricePaid().value(), pricePerTonne);
    BigDecimal emissions = input.lines().countedTonnes();
    BigDecimal certificates =
        emissions.subtract(adjustment).subtract(deduction).max(BigDecimal.ZERO);
    return new Output(
        input.year(),
        cbamFactor.to(Unit.parse("%")).value(),
        emissions,
        basis,
        adjustment,
        deduction,
        certificates,
        pricePerTonne,
        certificates.multiply(pricePerTonne));
  }

  @Override
  public void writeOutputs(Output output, OutputWriter out) {
    out.put("year", output.year());
    out.put("cbamFactorPercent", output.cbamFactorPercent(), RoundingRule.SCORE);
    out.put("embeddedEmissionsTonnes", output.embeddedEmissionsTonnes(), RoundingRule.TONNES);
    out.put("freeAllocationBasisTonnes", output.freeAllocationBasisTonnes(), RoundingRule.TONNES);
    out.put(
        "freeAllocationAdjustmentTonnes",
        output.freeAllocationAdjustmentTonnes(),
        RoundingRule.TONNES);
    out.put("carbonPriceDeductionTonnes", output.carbonPriceDeductionTonnes(), RoundingRule.TONNES);
    out.put("certificates", output.certificates(), RoundingRule.TONNES);
    out.put(
        "certificatePriceEurPerTonne", output.certificatePriceEurPerTonne(), RoundingRule.MONEY);
    out.put("costEur", output.costEur(), RoundingRule.MONEY);
  }
}
