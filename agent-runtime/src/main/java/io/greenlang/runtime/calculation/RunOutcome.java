package io.greenlang.runtime.calculation;

import io.greenlang.runtime.calculation.batch.BatchSummary;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.store.StoredRun;
import java.util.List;

/**
 * A run just stored: its row, its summary, and (for a single calculation) its results; a batch
 * returns no results here, they are read page by page.
 */
public record RunOutcome(StoredRun run, BatchSummary summary, List<ResultRecord> results) {}
