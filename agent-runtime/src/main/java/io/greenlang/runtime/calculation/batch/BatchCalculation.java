package io.greenlang.runtime.calculation.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.BatchTotals;
import io.greenlang.runtime.calculation.BatchableTool;
import io.greenlang.runtime.calculation.Calculated;
import io.greenlang.runtime.calculation.Calculator;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.OutputWriter;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.provenance.ProvenanceChain;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs one formula over many rows. Rows are calculated in chunks, in parallel when asked; results
 * are then chained and handed to the sink strictly in row order, so the root hash depends only on
 * the rows and their order. A row that fails is reported with its field and skipped; the batch goes
 * on.
 *
 * @param <I> the formula's input
 * @param <O> the formula's output
 */
public final class BatchCalculation<I, O> {

  /** Rows calculated together before their results are chained. */
  static final int CHUNK = 1024;

  private final BatchableTool<I, O> tool;
  private final Calculator calculator;
  private final FactorLookup factors;
  private final int maxReportedErrors;
  private final boolean parallel;
  private final ProvenanceChain chain = new ProvenanceChain();
  private final BatchTotals<O> totals;
  private final List<RowError> errors = new ArrayList<>();
  private long rows;
  private long errorCount;

  /**
   * A batch of {@code tool} with factors from {@code factors}; keeps the first {@code
   * maxReportedErrors} row errors; calculates chunks on the common fork-join pool when {@code
   * parallel}.
   */
  public BatchCalculation(
      BatchableTool<I, O> tool,
      Calculator calculator,
      FactorLookup factors,
      int maxReportedErrors,
      boolean parallel) {
    this.tool = tool;
    this.calculator = calculator;
    this.factors = factors;
    this.maxReportedErrors = maxReportedErrors;
    this.parallel = parallel;
    this.totals = tool.newTotals();
  }

  /** The outcome of one row: a result or an error. */
  private record Outcome<O>(RowInput row, Calculated<O> result, RowError error) {}

  /** Reads every row, sends each result to {@code sink}, and sums them. */
  public BatchSummary run(Iterator<RowInput> input, ResultSink sink) {
    List<RowInput> chunk = new ArrayList<>(CHUNK);
    while (input.hasNext()) {
      chunk.add(input.next());
      if (chunk.size() == CHUNK) {
        process(chunk, sink);
        chunk.clear();
      }
    }
    process(chunk, sink);
    return summary(tool.formula(), null, null);
  }

  private void process(List<RowInput> chunk, ResultSink sink) {
    List<Outcome<O>> outcomes =
        (parallel && chunk.size() > 1 ? chunk.parallelStream() : chunk.stream())
            .map(this::calculate)
            .toList();
    for (Outcome<O> outcome : outcomes) {
      rows++;
      if (outcome.error() != null) {
        recordError(outcome.error());
        continue;
      }
      Calculated<O> result = outcome.result();
      ProvenanceChain.Link link = chain.append(result.resultHash());
      sink.accept(
          new ResultRecord(
              link.sequence(),
              outcome.row().sourceRow(),
              tool.formula(),
              result.resultHash(),
              link.previousHash(),
              link.chainHash(),
              result.canonicalProvenance()));
      totals.add(result.output());
    }
  }

  private Outcome<O> calculate(RowInput row) {
    if (row.error() != null) {
      return new Outcome<>(row, null, row.error());
    }
    try {
      return new Outcome<>(row, calculator.calculate(tool, row.input(), factors), null);
    } catch (InvalidInputException e) {
      return new Outcome<>(
          row, null, new RowError(row.label(), row.sourceRow(), e.field(), e.problem()));
    } catch (RuntimeException e) {
      // An arithmetic or unit failure the tool did not anticipate still fails only its row.
      return new Outcome<>(
          row,
          null,
          new RowError(row.label(), row.sourceRow(), "input", String.valueOf(e.getMessage())));
    }
  }

  private void recordError(RowError error) {
    errorCount++;
    if (errors.size() < maxReportedErrors) {
      errors.add(error);
    }
  }

  /** The chain so far, for a closing record appended after the rows. */
  ProvenanceChain chain() {
    return chain;
  }

  BatchTotals<O> totals() {
    return totals;
  }

  long errorCount() {
    return errorCount;
  }

  BatchSummary summary(String formula, ObjectNode obligation, String obligationNote) {
    OutputWriter out = new OutputWriter();
    totals.write(out);
    ObjectNode totalsJson = JsonNodeFactory.instance.objectNode();
    totalsJson.set("exact", out.outputs());
    ObjectNode presentation = out.presentation();
    totalsJson.set("presented", presentation.get("values"));
    totalsJson.set("rules", presentation.get("rules"));
    return new BatchSummary(
        formula,
        rows,
        chain.length(),
        errorCount,
        List.copyOf(errors),
        totalsJson,
        chain.root(),
        obligation,
        obligationNote);
  }
}
