package io.greenlang.runtime.calculation.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A calculation run as stored: id, formula, mode ({@code single} or {@code batch}), counts, root
 * hash, totals and reported row errors (JSON text), code version and time.
 */
public record StoredRun(
    UUID runId,
    String formula,
    String mode,
    long rows,
    long results,
    long errors,
    String rootHash,
    String totalsJson,
    String errorsJson,
    String codeVersion,
    OffsetDateTime createdAt) {}
