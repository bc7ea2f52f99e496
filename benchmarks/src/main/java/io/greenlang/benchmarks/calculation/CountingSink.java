package io.greenlang.benchmarks.calculation;

import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.batch.ResultSink;

/** Counts the results of a run and the bytes of their provenance, and keeps nothing. */
final class CountingSink implements ResultSink {

  long results;
  long provenanceBytes;

  @Override
  public void accept(ResultRecord record) {
    results++;
    provenanceBytes += record.provenance().length();
  }
}
