package io.greenlang.runtime.calculation.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.cbam.CertificateObligation;
import io.greenlang.runtime.calculation.cbam.ImportLineEmissions;
import io.greenlang.runtime.provenance.ProvenanceChain;
import java.math.BigDecimal;
import java.util.Iterator;

/**
 * Verifies every result of a run in chain order ({@link ResultVerifier}), that the chain runs
 * unbroken from {@link ProvenanceChain#GENESIS} through consecutive sequences to the recorded root
 * hash, and that a CBAM obligation closing the run names exactly the import lines before it: their
 * count, the chain hash after the last, and the sums of their counted emissions and basis.
 */
public final class RunVerifier {

  private final ResultVerifier results;

  public RunVerifier(ResultVerifier results) {
    this.results = results;
  }

  /** Verifies the run whose results {@code records} yields in sequence order. */
  public RunVerification verify(Iterator<ResultRecord> records, String rootHash, long resultCount) {
    Walk walk = start();
    records.forEachRemaining(walk::add);
    return walk.finish(rootHash, resultCount);
  }

  /** Starts a walk over a run's results, for results that are streamed one at a time. */
  public Walk start() {
    return new Walk();
  }

  /** A walk along one run's chain: {@link #add} each result in order, then {@link #finish}. */
  public final class Walk {
    private String previousChain = ProvenanceChain.GENESIS;
    private long expected = 1;
    private long failed;
    private RunVerification.Failure first;
    private BigDecimal counted = BigDecimal.ZERO;
    private BigDecimal basis = BigDecimal.ZERO;

    private Walk() {}

    /** Checks the next result. */
    public void add(ResultRecord record) {
      RunVerification.Failure failure = null;
      if (record.sequence() != expected) {
        failure = failure(record.sequence(), "sequence", "expected sequence " + expected);
      } else if (!record.previousHash().equals(previousChain)) {
        failure =
            failure(
                record.sequence(),
                "chain-continuity",
                "previous hash "
                    + record.previousHash()
                    + " is not the chain hash "
                    + previousChain
                    + " of the record before");
      }
      Verification verification = results.verify(record);
      if (failure == null && !verification.verified()) {
        Verification.Check check = verification.firstFailure();
        failure = failure(record.sequence(), check.name(), check.detail());
      }
      if (failure == null) {
        failure = checkLines(record);
      }
      if (failure != null) {
        failed++;
        if (first == null) {
          first = failure;
        }
      }
      previousChain = record.chainHash();
      expected = record.sequence() + 1;
    }

    private RunVerification.Failure checkLines(ResultRecord record) {
      JsonNode provenance = parse(record);
      if (ImportLineEmissions.FORMULA.equals(record.formula())) {
        counted = counted.add(decimal(provenance.at("/outputs/countedTonnes")));
        basis = basis.add(decimal(provenance.at("/outputs/freeAllocationBasisTonnes")));
      } else if (CertificateObligation.FORMULA.equals(record.formula())) {
        return checkObligationLines(
            record, provenance.at("/inputs/lines"), previousChain, counted, basis);
      }
      return null;
    }

    /** The outcome, given the run's recorded root hash and result count. */
    public RunVerification finish(String rootHash, long resultCount) {
      long checked = expected - 1;
      RunVerification.Failure firstFailure = first;
      if (firstFailure == null && checked != resultCount) {
        firstFailure =
            failure(
                0, "result-count", "the run records " + resultCount + " results, found " + checked);
      }
      if (firstFailure == null && !previousChain.equals(rootHash)) {
        firstFailure =
            failure(
                0,
                "root-hash",
                "the chain ends at " + previousChain + ", the run records " + rootHash);
      }
      return new RunVerification(
          firstFailure == null, checked, failed, rootHash, previousChain, firstFailure);
    }
  }

  private static RunVerification.Failure checkObligationLines(
      ResultRecord record,
      JsonNode lines,
      String previousChain,
      BigDecimal counted,
      BigDecimal basis) {
    long count = lines.path("count").asLong(-1);
    if (count != record.sequence() - 1) {
      return failure(
          record.sequence(),
          "obligation-lines",
          "names " + count + " lines, the run has " + (record.sequence() - 1));
    }
    if (!previousChain.equals(lines.path("chainHash").asText())) {
      return failure(
          record.sequence(),
          "obligation-lines",
          "names chain hash "
              + lines.path("chainHash").asText()
              + ", the lines end at "
              + previousChain);
    }
    if (decimal(lines.path("countedTonnes")).compareTo(counted) != 0
        || decimal(lines.path("freeAllocationBasisTonnes")).compareTo(basis) != 0) {
      return failure(
          record.sequence(),
          "obligation-lines",
          "sums differ from the lines: counted " + counted + " t, basis " + basis + " t");
    }
    return null;
  }

  private static JsonNode parse(ResultRecord record) {
    try {
      return ResultVerifier.JSON.readTree(record.provenance());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("verified provenance is JSON", e);
    }
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.asText());
  }

  private static RunVerification.Failure failure(long sequence, String check, String detail) {
    return new RunVerification.Failure(sequence, check, detail);
  }
}
