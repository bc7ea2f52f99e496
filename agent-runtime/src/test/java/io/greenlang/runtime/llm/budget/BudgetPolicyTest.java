package io.greenlang.runtime.llm.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.crds.tenant.TenantBudget;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BudgetPolicyTest {

  private static final long DOLLAR = 1_000_000_000L;

  private static AgentRuntimeConfiguration configuration(
      String limit, boolean allowOverage, int maxOveragePercent, String agentLimit) {
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    if (limit != null) {
      TenantBudget budget = new TenantBudget();
      budget.setMonthlyLimitUsd(limit);
      budget.setAllowOverage(allowOverage);
      budget.setMaxOveragePercent(maxOveragePercent);
      configuration.setTenantBudget(budget);
    }
    AgentSpec spec = new AgentSpec();
    spec.setMonthlyBudgetUsd(agentLimit);
    configuration.setSpec(spec);
    configuration.setLlmTokensPerDay(10_000L);
    return configuration;
  }

  @Test
  void callsStopAtTheThrottleWithoutOverage() {
    BudgetPolicy policy = BudgetPolicy.of(configuration("5000.00", false, 0, null));

    assertThat(policy.tenantBudget()).isEqualTo(OptionalLong.of(5000 * DOLLAR));
    assertThat(policy.agentBudget()).isEmpty();
    assertThat(policy.tokensPerDay()).isEqualTo(OptionalLong.of(10_000));
    assertThat(policy.ceiling(100 * DOLLAR)).isEqualTo(100 * DOLLAR);
    assertThat(policy.thresholds(100 * DOLLAR))
        .extracting(t -> t.percent() + "=" + t.reachedAt() / DOLLAR)
        .containsExactly("50=50", "80=80", "100=100", "120=120");
    assertThat(policy.refusalReason(100 * DOLLAR, 100 * DOLLAR))
        .isEqualTo("calls stop at 100% (throttle) because the tenant does not allow overage");
  }

  @Test
  void overageRunsToItsMaximumButNeverPastTheHardStop() {
    assertThat(BudgetPolicy.of(configuration("100", true, 10, null)).ceiling(100 * DOLLAR))
        .isEqualTo(110 * DOLLAR);
    BudgetPolicy fifty = BudgetPolicy.of(configuration("100", true, 50, null));
    assertThat(fifty.ceiling(100 * DOLLAR)).isEqualTo(120 * DOLLAR);
    assertThat(fifty.refusalReason(120 * DOLLAR, 100 * DOLLAR)).isEqualTo("hard stop at 120%");
    assertThat(
            BudgetPolicy.of(configuration("100", true, 10, null))
                .refusalReason(110 * DOLLAR, 100 * DOLLAR))
        .isEqualTo("overage is allowed up to 110% (throttle 100% + maxOveragePercent 10%)");
  }

  @Test
  void anAgentBudgetWithoutATenantBudgetUsesTheDefaultThresholds() {
    BudgetPolicy policy = BudgetPolicy.of(configuration(null, false, 0, "25.50"));

    assertThat(policy.tenantBudget()).isEmpty();
    assertThat(policy.agentBudget()).isEqualTo(OptionalLong.of(25_500_000_000L));
    assertThat(policy.ceilingPercent()).isEqualTo(100);
  }

  @Test
  void thresholdAmountsRoundUpToTheNanoDollar() {
    BudgetPolicy policy = BudgetPolicy.of(configuration("1", false, 0, null));
    assertThat(policy.thresholds(3).get(0).reachedAt()).as("50% of 3 nano-dollars").isEqualTo(2);
    assertThat(BudgetPolicy.percentage(1_199_999_999L, DOLLAR)).isEqualTo(119);
  }

  @Test
  void namesAnAmountThatIsNotOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BudgetPolicy.of(configuration("lots", false, 0, null)))
        .withMessageContaining("tenantBudget.monthlyLimitUsd is not a US dollar amount: lots");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BudgetPolicy.of(configuration(null, false, 0, "-1")))
        .withMessageContaining("spec.monthlyBudgetUsd must not be negative");
  }
}
