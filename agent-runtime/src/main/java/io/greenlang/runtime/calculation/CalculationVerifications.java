package io.greenlang.runtime.calculation;

import io.greenlang.runtime.audit.AuditRecorder;
import io.greenlang.runtime.calculation.store.CalculationStore;
import io.greenlang.runtime.calculation.store.NotFoundException;
import io.greenlang.runtime.calculation.store.StoredRun;
import io.greenlang.runtime.calculation.store.TenantTransactions;
import io.greenlang.runtime.calculation.verification.ResultVerifier;
import io.greenlang.runtime.calculation.verification.RunVerification;
import io.greenlang.runtime.calculation.verification.RunVerifier;
import io.greenlang.runtime.calculation.verification.Verification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Verifies stored calculations for a tenant (docs/runtime/calculations.md, "Verify"): one result
 * recomputed from its provenance, or every result of a run and its chain up to the recorded root
 * hash; each verification recorded as {@code calculation.recalculated} in the tenant's audit chain,
 * in the transaction that read what it verified.
 */
@ApplicationScoped
public class CalculationVerifications {

  private final TenantTransactions transactions;
  private final AuditRecorder audit;

  public CalculationVerifications(TenantTransactions transactions, AuditRecorder audit) {
    this.transactions = transactions;
    this.audit = audit;
  }

  /**
   * Recomputes one result from its provenance and checks its hashes, by {@code actor}.
   *
   * @throws NotFoundException when the run or result does not exist
   */
  public Verification verifyResult(String tenant, String actor, UUID runId, long sequence) {
    return transactions.inTransaction(
        tenant,
        connection -> {
          Verification verification =
              new ResultVerifier(CalculationService.catalog(connection))
                  .verify(CalculationService.requireResult(connection, runId, sequence));
          audit.append(
              connection, CalculationAudit.resultVerified(tenant, actor, runId, verification));
          return verification;
        });
  }

  /**
   * Verifies every result of the run and its chain up to the recorded root hash, by {@code actor}.
   *
   * @throws NotFoundException when the run does not exist
   */
  public RunVerification verifyRun(String tenant, String actor, UUID runId) {
    return transactions.inTransaction(
        tenant,
        connection -> {
          StoredRun run = CalculationService.requireRun(connection, runId);
          RunVerifier.Walk walk =
              new RunVerifier(new ResultVerifier(CalculationService.catalog(connection))).start();
          new CalculationStore(connection).forEachResult(runId, walk::add);
          RunVerification verification = walk.finish(run.rootHash(), run.results());
          audit.append(
              connection, CalculationAudit.runVerified(tenant, actor, runId, verification));
          return verification;
        });
  }
}
