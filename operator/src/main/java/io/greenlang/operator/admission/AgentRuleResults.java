package io.greenlang.operator.admission;

import java.util.ArrayList;
import java.util.List;

/**
 * The Agent rules' outcome, grouped the way the Agent reconciler reports them: tenant resolution,
 * residency of the LLM endpoints, and the tenant's Agent quota. Residency and quota are null when
 * the tenant could not be resolved, because both depend on it.
 */
public record AgentRuleResults(
    AgentTenantResolution tenant, RuleOutcome residency, RuleOutcome quota) {

  /** Every violation, tenant first. */
  public List<FieldViolation> violations() {
    List<FieldViolation> all = new ArrayList<>();
    if (!tenant.isResolved()) {
      all.add(tenant.violation());
      return all;
    }
    all.addAll(residency.violations());
    if (quota != null) {
      all.addAll(quota.violations());
    }
    return all;
  }
}
