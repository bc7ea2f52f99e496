package io.greenlang.runtime.worker;

import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.audit.AuditActors;
import io.greenlang.runtime.audit.AuditRecorder;
import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code agent.executed} event of a stored step result (docs/runtime/audit-ledger.md, "Who
 * records what"): the agent as actor, the step attempt as target, and as details what identifies
 * the result (hashes, outcome, reason, tool, tokens and cost), never its outputs or messages.
 */
final class StepAudit {

  private StepAudit() {}

  static AuditEvent executed(StepTask task, StoredStepResult stored) {
    StepResult result = stored.result();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(
        "pipelineRun",
        task.namespace() == null
            ? task.pipelineRun()
            : task.namespace() + "/" + task.pipelineRun());
    details.put("runUid", task.runUid());
    details.put("step", result.step());
    details.put("attempt", result.attempt());
    details.put("compensation", result.compensation());
    details.put("tool", stored.tool());
    details.put("outcome", result.outcome().name());
    details.put("reason", result.reason());
    details.put("outputHash", result.outputHash());
    details.put("provenanceHash", result.provenanceHash());
    details.put("tokens", result.tokens());
    details.put("costUsd", result.costUsd());
    details.put("worker", result.worker());
    return new AuditEvent(
        task.tenant(),
        AuditActors.agent(task.namespace(), stored.agent()),
        AuditEventType.AGENT_EXECUTED,
        "step:" + result.taskId(),
        result.outcome() == StepResult.Outcome.SUCCEEDED
            ? AuditOutcome.SUCCESS
            : AuditOutcome.FAILURE,
        AuditRecorder.details(details));
  }
}
