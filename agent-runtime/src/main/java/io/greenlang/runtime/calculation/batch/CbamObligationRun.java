package io.greenlang.runtime.calculation.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.calculation.Calculated;
import io.greenlang.runtime.calculation.Calculator;
import io.greenlang.runtime.calculation.InputReader;
import io.greenlang.runtime.calculation.InvalidInputException;
import io.greenlang.runtime.calculation.OutputWriter;
import io.greenlang.runtime.calculation.cbam.CertificateObligation;
import io.greenlang.runtime.calculation.cbam.ImportLineEmissions;
import io.greenlang.runtime.calculation.cbam.ImportLineTotals;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.provenance.ProvenanceChain;
import java.math.BigDecimal;
import java.util.Iterator;

/**
 * A CBAM certificate obligation over import lines: each line is a {@value
 * ImportLineEmissions#FORMULA} result in the run's chain, then, when every line succeeded, the
 * {@value CertificateObligation#FORMULA} result closes the chain. Its input names the lines by
 * count and by the chain hash after the last line, with their summed counted emissions and
 * free-allocation basis; the obligation terms (year, certificate price, carbon price paid) come
 * from {@code terms}.
 */
public final class CbamObligationRun {

  private final Calculator calculator;
  private final FactorLookup factors;
  private final int maxReportedErrors;
  private final boolean parallel;

  public CbamObligationRun(
      Calculator calculator, FactorLookup factors, int maxReportedErrors, boolean parallel) {
    this.calculator = calculator;
    this.factors = factors;
    this.maxReportedErrors = maxReportedErrors;
    this.parallel = parallel;
  }

  /**
   * Calculates the lines, then the obligation.
   *
   * @throws InvalidInputException naming the field when a term of the obligation is invalid
   */
  public BatchSummary run(Iterator<RowInput> lines, JsonNode terms, ResultSink sink) {
    CertificateObligation obligation = new CertificateObligation();
    // Terms are checked before any line, so a bad year or price fails the request at once.
    InputReader termsReader = InputReader.root(terms);
    obligation.readTerms(
        termsReader,
        new CertificateObligation.Lines(
            0, ProvenanceChain.GENESIS, BigDecimal.ZERO, BigDecimal.ZERO));
    termsReader.rejectUnknownFields();

    ImportLineEmissions lineTool = new ImportLineEmissions();
    BatchCalculation<ImportLineEmissions.Input, ImportLineEmissions.Output> batch =
        new BatchCalculation<>(lineTool, calculator, factors, maxReportedErrors, parallel);
    batch.run(lines, sink);
    if (batch.errorCount() > 0) {
      return batch.summary(
          CertificateObligation.FORMULA,
          null,
          "not calculated: " + batch.errorCount() + " import lines failed");
    }
    ImportLineTotals totals = (ImportLineTotals) batch.totals();
    ProvenanceChain chain = batch.chain();
    CertificateObligation.Lines summary =
        new CertificateObligation.Lines(
            totals.lines(),
            chain.root(),
            totals.countedTonnes(),
            totals.freeAllocationBasisTonnes());
    CertificateObligation.Input input = obligation.readTerms(InputReader.root(terms), summary);
    Calculated<CertificateObligation.Output> result =
        calculator.calculate(obligation, input, factors);
    ProvenanceChain.Link link = chain.append(result.resultHash());
    sink.accept(
        new ResultRecord(
            link.sequence(),
            null,
            CertificateObligation.FORMULA,
            result.resultHash(),
            link.previousHash(),
            link.chainHash(),
            result.canonicalProvenance()));
    OutputWriter out = new OutputWriter();
    obligation.writeOutputs(result.output(), out);
    return batch.summary(CertificateObligation.FORMULA, out.outputs(), null);
  }
}
