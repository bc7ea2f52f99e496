package io.greenlang.runtime.worker.tools.cbam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.cbam.CertificateObligation;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.ToolInputs;
import io.greenlang.runtime.worker.tools.ToolSettings;
import io.greenlang.runtime.worker.tools.calculation.CalculationFigures;
import io.greenlang.runtime.worker.tools.calculation.CalculationRun;
import io.greenlang.runtime.worker.tools.calculation.CalculationRunIds;
import io.greenlang.runtime.worker.tools.calculation.CalculationSteps;
import io.greenlang.runtime.worker.tools.calculation.StepCalculations;
import io.greenlang.runtime.worker.tools.calculation.StepTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code cbam.certificate_obligation}: CBAM certificates owed for the import lines and their cost,
 * formula {@code cbam.certificate_obligation.v1}: max(0, E − A − D) with the CBAM factor of the
 * year (built-in table {@code eu-cbam-factor}) and the certificate price of the period (a row of
 * the tenant's table). Stored as one calculation run: the lines (recalculated from the
 * embedded-emissions step's {@code lineInputs}, tables pinned) then the obligation closing the
 * chain; with {@code linesRootHash} the step checks that the lines chain to exactly the
 * embedded-emissions step's root hash.
 */
@ApplicationScoped
public class CertificateObligationTool implements AgentTool {

  public static final String NAME = "cbam.certificate_obligation";
  static final String VERSION = NAME + "/1";

  private static final Set<String> INPUTS =
      Set.of(
          "lines",
          "linesRootHash",
          "year",
          "pricePeriod",
          "carbonPricePaidEur",
          "asOf",
          StepTables.TABLE,
          StepTables.CSV);
  private static final Set<String> SETTINGS =
      Set.of(StepTables.TABLE, "certificatePrices", "cbamFactors");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final List<String> FIGURES =
      List.of(
          "year",
          "cbamFactorPercent",
          "embeddedEmissionsTonnes",
          "freeAllocationBasisTonnes",
          "freeAllocationAdjustmentTonnes",
          "carbonPriceDeductionTonnes",
          "certificates",
          "certificatePriceEurPerTonne",
          "costEur");

  private final StepCalculations calculations;

  public CertificateObligationTool(StepCalculations calculations) {
    this.calculations = calculations;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
    ToolInputs in = ToolInputs.of(inputs).rejectUnknown(INPUTS);
    ToolSettings settings = ToolSettings.of(NAME, context, SETTINGS);
    List<Object> lines = in.list("lines");
    int year = in.integer("year", 2026, 2100);
    String period = in.text("pricePeriod");
    BigDecimal paid = in.optionalNonNegativeDecimal("carbonPricePaidEur").orElse(BigDecimal.ZERO);
    String linesRootHash =
        in.has("linesRootHash")
            ? in.text(
                "linesRootHash",
                SHA256,
                "a SHA-256 hex digest (the embedded-emissions step's rootHash)")
            : null;
    StepTables tables = StepTables.resolve(NAME, in, settings, calculations, context.task());
    TableRef prices =
        tables
            .forPurpose("certificatePrices")
            .orElseThrow(
                () ->
                    settings.invalid(
                        "certificatePrices",
                        "is not set, nor "
                            + StepTables.TABLE
                            + ": the certificate price is a row of the tenant's catalog"));
    TableRef factors = tables.forPurpose("cbamFactors", CertificateObligation.DEFAULT_CBAM_FACTORS);

    ObjectNode input = JsonNodeFactory.instance.objectNode();
    ArrayNode lineInputs = input.putArray("lines");
    lines.forEach(line -> lineInputs.add(CanonicalJson.tree(line)));
    input.put("year", year);
    input.set("certificatePrice", StepTables.factor(prices, period));
    ObjectNode carbonPrice = input.putObject("carbonPricePaid");
    carbonPrice.put("value", paid.toPlainString());
    carbonPrice.put("unit", "EUR");
    input.set("cbamFactors", StepTables.json(factors));
    in.optionalDate("asOf").ifPresent(date -> input.put("asOf", date.toString()));

    CalculationRun run;
    try {
      run =
          calculations.calculate(
              context.task().tenant(),
              CalculationSteps.actor(context.task()),
              CalculationRunIds.of(context.task()),
              CertificateObligation.FORMULA,
              input);
    } catch (InvalidInputException e) {
      throw CalculationSteps.invalidInput(e, CertificateObligationTool::inputName);
    }
    int last = run.results().size() - 1;
    JsonNode obligation = run.provenance(last);
    String linesChainHash = obligation.path("inputs").path("lines").path("chainHash").asText();
    if (linesRootHash != null && !linesRootHash.equals(linesChainHash)) {
      throw new StepFailure(
          "LinesMismatch",
          "the import lines recalculated by this step chain to "
              + linesChainHash
              + ", not to input 'linesRootHash' "
              + linesRootHash
              + "; the lines or their factors differ from the embedded-emissions step's",
          Map.of("linesChainHash", linesChainHash, "calculationRunId", run.runId().toString()));
    }

    Map<String, Object> exact = CalculationFigures.exact(obligation);
    Map<String, Object> outputs = new LinkedHashMap<>();
    FIGURES.forEach(figure -> outputs.put(figure, exact.get(figure)));
    outputs.put("obligation", exact);
    outputs.put("presented", CalculationFigures.presented(obligation));
    outputs.put("roundingRules", CalculationFigures.rules(obligation));
    outputs.put("lineCount", last);
    outputs.put("linesChainHash", linesChainHash);
    outputs.put("resultHash", run.results().get(last).resultHash());
    return CalculationSteps.result(VERSION, run, tables.used(), outputs);
  }

  /** The formula's field as the step's input: {@code carbonPricePaid.value} → its input. */
  static String inputName(String field) {
    if (field.startsWith("lines")) {
      return field;
    }
    if (field.startsWith("certificatePrice")) {
      return "pricePeriod";
    }
    if (field.startsWith("carbonPricePaid")) {
      return "carbonPricePaidEur";
    }
    return field;
  }
}
