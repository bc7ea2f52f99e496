package io.greenlang.runtime.calculation.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a run produced: its formula, how many rows it read, how many results it chained and how many
 * rows failed (the first {@code errors} of them with their reasons), the totals (exact, presented
 * and the rounding rules), the root hash of the chain, and for a CBAM obligation run the
 * obligation's outputs or why it was not calculated.
 */
public record BatchSummary(
    String formula,
    long rows,
    long results,
    long errorCount,
    List<RowError> errors,
    ObjectNode totals,
    String rootHash,
    ObjectNode obligation,
    String obligationNote) {}
