package io.greenlang.runtime.calculation.eudr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.BatchTotals;
import io.greenlang.runtime.calculation.BatchableTool;
import io.greenlang.runtime.calculation.FactorFields;
import io.greenlang.runtime.calculation.InputJson;
import io.greenlang.runtime.calculation.InputReader;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.OutputWriter;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.catalog.FactorQuery;
import io.greenlang.runtime.catalog.FactorRow;
import io.greenlang.runtime.catalog.TableRef;
import io.greenlang.runtime.units.BaseUnit;
import io.greenlang.runtime.units.DecimalArithmetic;
import io.greenlang.runtime.units.Dimension;
import io.greenlang.runtime.units.RoundingRule;
import io.greenlang.runtime.units.Unit;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * EUDR composite risk of a commodity supply (formula {@value #FORMULA}; commodities of Regulation
 * (EU) 2023/1115): score = Σ weight_i × score_i over ten criteria scored 0-100, weights from a
 * catalog table (default {@value #DEFAULT_WEIGHTS}: country 0.15, supplier 0.12, commodity 0.10,
 * corruption 0.08, deforestation 0.15, indigenous rights 0.10, protected areas 0.10, legality 0.10,
 * audit 0.05, mitigation 0.05) that must sum to 1; the level follows {@link RiskLevel}.
 */
public final class EudrRiskScore
    implements BatchableTool<EudrRiskScore.Input, EudrRiskScore.Output> {

  public static final String FORMULA = "eudr.risk_score.v1";
  public static final String DEFAULT_WEIGHTS = "greenlang-eudr-risk-weights";
  public static final String WEIGHT = "eudr_risk_weight";
  private static final BigDecimal HUNDRED = new BigDecimal(100);

  /** The commodity, a score 0-100 per criterion, and the weights table. */
  public record Input(
      Commodity commodity, Map<RiskCriterion, BigDecimal> scores, TableRef weights) {}

  /** The composite score, its level and each criterion's weighted contribution. */
  public record Output(
      BigDecimal score, RiskLevel level, Map<RiskCriterion, BigDecimal> contributions) {}

  @Override
  public String formula() {
    return FORMULA;
  }

  @Override
  public String description() {
    return "EUDR composite risk score (weighted sum of ten criteria scored 0-100) and its level";
  }

  @Override
  public Input read(InputReader in) {
    Commodity commodity = in.choice("commodity", Commodity.class, null);
    InputReader scores = in.object("scores");
    Map<RiskCriterion, BigDecimal> values = new EnumMap<>(RiskCriterion.class);
    for (RiskCriterion criterion : RiskCriterion.values()) {
      BigDecimal score = scores.decimal(criterion.field());
      if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
        throw new InvalidInputException(
            scores.path(criterion.field()), "must be between 0 and 100, got " + score);
      }
      values.put(criterion, score);
    }
    scores.rejectUnknownFields();
    return new Input(commodity, values, in.table("weights", DEFAULT_WEIGHTS));
  }

  @Override
  public ObjectNode write(Input input) {
    ObjectNode json = InputJson.object();
    json.put("commodity", input.commodity().name().toLowerCase(Locale.ROOT));
    ObjectNode scores = json.putObject("scores");
    input
        .scores()
        .forEach(
            (criterion, score) -> scores.put(criterion.field(), DecimalArithmetic.plain(score)));
    json.set("weights", InputJson.table(input.weights()));
    return json;
  }

  @Override
  public Output calculate(Input input, FactorLookup factors) {
    Map<RiskCriterion, BigDecimal> contributions = new EnumMap<>(RiskCriterion.class);
    BigDecimal weightSum = BigDecimal.ZERO;
    BigDecimal score = BigDecimal.ZERO;
    for (RiskCriterion criterion : RiskCriterion.values()) {
      FactorRow weight =
          FactorFields.require(
              factors,
              FactorQuery.in(input.weights(), WEIGHT, criterion.subject(), null),
              "weights",
              "weights");
      if (weight.asQuantity().unit().dimension() != Dimension.DIMENSIONLESS
          || weight.asQuantity().unit().isRatio()) {
        throw new InvalidInputException("weights", "weight " + weight.reference() + " has a unit");
      }
      BigDecimal w = weight.asQuantity().to(Unit.of(BaseUnit.ONE)).value();
      weightSum = weightSum.add(w);
      BigDecimal contribution = w.multiply(input.scores().get(criterion));
      contributions.put(criterion, contribution);
      score = score.add(contribution);
    }
    if (weightSum.compareTo(BigDecimal.ONE) != 0) {
      throw new InvalidInputException(
          "weights",
          "the weights of table " + input.weights().id() + " sum to " + weightSum + ", not 1");
    }
    return new Output(score, RiskLevel.of(score), contributions);
  }

  @Override
  public void writeOutputs(Output output, OutputWriter out) {
    out.put("score", output.score(), RoundingRule.SCORE);
    out.put("level", output.level().label());
    OutputWriter contributions = out.object("contributions");
    output
        .contributions()
        .forEach(
            (criterion, value) -> contributions.put(criterion.field(), value, RoundingRule.SCORE));
  }

  @Override
  public BatchTotals<Output> newTotals() {
    return new BatchTotals<>() {
      private final Map<RiskLevel, Long> levels = new EnumMap<>(RiskLevel.class);
      private BigDecimal highest;

      @Override
      public void add(Output output) {
        levels.merge(output.level(), 1L, Long::sum);
        highest = highest == null ? output.score() : highest.max(output.score());
      }

      @Override
      public void write(OutputWriter out) {
        OutputWriter counts = out.object("suppliesByLevel");
        for (RiskLevel level : RiskLevel.values()) {
          counts.put(level.label(), levels.getOrDefault(level, 0L));
        }
        if (highest != null) {
          out.put("highestScore", highest, RoundingRule.SCORE);
        }
      }
    };
  }
}
