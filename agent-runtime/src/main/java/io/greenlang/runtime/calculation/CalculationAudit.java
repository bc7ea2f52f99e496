package io.greenlang.runtime.calculation;

import io.greenlang.runtime.audit.AuditRecorder;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.store.StoredRun;
import io.greenlang.runtime.calculation.verification.RunVerification;
import io.greenlang.runtime.calculation.verification.Verification;
import io.greenlang.runtime.catalog.TableSummary;
import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit events of calculations and the factor catalog (docs/runtime/audit-ledger.md, "Who
 * records what"): one per stored run, never one per row, so a batch of a million lines adds one
 * entry to the chain; details are ids, counts and hashes, never inputs or results.
 */
public final class CalculationAudit {

  private CalculationAudit() {}

  /** {@code calculation.performed}: a run was calculated and stored with its provenance. */
  public static AuditEvent performed(
      String tenant, String actor, StoredRun run, List<ResultRecord> results) {
    Map<String, Object> details = runDetails(run);
    details.put("rows", run.rows());
    details.put("results", run.results());
    details.put("errors", run.errors());
    details.put("rootHash", run.rootHash());
    details.put("codeVersion", run.codeVersion());
    if (results.size() == 1) {
      details.put("resultHash", results.get(0).resultHash());
    }
    return event(
        tenant,
        actor,
        AuditEventType.CALCULATION_PERFORMED,
        runTarget(run.runId()),
        AuditOutcome.SUCCESS,
        details);
  }

  /** {@code data.import}: the rows of a CSV batch were taken in for a run. */
  public static AuditEvent batchImported(String tenant, String actor, StoredRun run) {
    Map<String, Object> details = runDetails(run);
    details.put("format", "csv");
    details.put("rows", run.rows());
    details.put("rejectedRows", run.errors());
    return event(
        tenant,
        actor,
        AuditEventType.DATA_IMPORT,
        runTarget(run.runId()),
        AuditOutcome.SUCCESS,
        details);
  }

  /** {@code data.import}: a new version of a tenant factor table was published. */
  public static AuditEvent tablePublished(
      String tenant, String actor, TableSummary table, String format) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("table", table.id());
    details.put("version", table.version());
    details.put("format", format);
    details.put("rows", table.rows());
    details.put("contentHash", table.contentHash());
    return event(
        tenant,
        actor,
        AuditEventType.DATA_IMPORT,
        "factor-table:" + table.id() + "/" + table.version(),
        AuditOutcome.SUCCESS,
        details);
  }

  /**
   * {@code calculation.recalculated}: one stored result recomputed from its provenance; the outcome
   * is failure when it did not verify.
   */
  public static AuditEvent resultVerified(
      String tenant, String actor, UUID runId, Verification verification) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("runId", runId.toString());
    details.put("sequence", verification.sequence());
    details.put("verified", verification.verified());
    details.put("resultHash", verification.resultHash());
    details.put("recomputedHash", verification.recomputedHash());
    Verification.Check failure = verification.firstFailure();
    if (failure != null) {
      details.put("failedCheck", failure.name());
    }
    return event(
        tenant,
        actor,
        AuditEventType.CALCULATION_RECALCULATED,
        "calculation-result:" + runId + "/" + verification.sequence(),
        verification.verified() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
        details);
  }

  /** {@code calculation.recalculated}: every result of a run recomputed and its chain walked. */
  public static AuditEvent runVerified(
      String tenant, String actor, UUID runId, RunVerification verification) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("runId", runId.toString());
    details.put("verified", verification.verified());
    details.put("resultsChecked", verification.resultsChecked());
    details.put("resultsFailed", verification.resultsFailed());
    details.put("rootHash", verification.rootHash());
    details.put("recomputedRootHash", verification.recomputedRootHash());
    if (verification.firstFailure() != null) {
      details.put("failedSequence", verification.firstFailure().sequence());
      details.put("failedCheck", verification.firstFailure().check());
    }
    return event(
        tenant,
        actor,
        AuditEventType.CALCULATION_RECALCULATED,
        runTarget(runId),
        verification.verified() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
        details);
  }

  private static Map<String, Object> runDetails(StoredRun run) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("runId", run.runId().toString());
    details.put("formula", run.formula());
    details.put("mode", run.mode());
    return details;
  }

  private static String runTarget(UUID runId) {
    return "calculation-run:" + runId;
  }

  private static AuditEvent event(
      String tenant,
      String actor,
      AuditEventType type,
      String target,
      AuditOutcome outcome,
      Map<String, Object> details) {
    return new AuditEvent(tenant, actor, type, target, outcome, AuditRecorder.details(details));
  }
}
