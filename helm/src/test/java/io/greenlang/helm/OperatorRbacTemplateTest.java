package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** templates/operator-rbac.yaml: the operator's least-privilege ClusterRole and its binding. */
class OperatorRbacTemplateTest {

  private static final String OPERATOR_ROLE = "greenlang-operator-controller";

  private static final List<String> GREENLANG_KINDS =
      List.of("regions", "tenants", "agents", "pipelines", "pipelineruns");

  private static final List<String> PROVISIONING_VERBS =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");

  private static GrantedPermissions operatorPermissions() {
    return GrantedPermissions.of(OperatorChart.render().clusterRole(OPERATOR_ROLE));
  }

  @Test
  void usesNoWildcards() {
    GrantedPermissions operator = operatorPermissions();

    assertThat(operator.wildcardRules()).isEmpty();
    assertThat(operator.allVerbs()).doesNotContain("escalate", "impersonate");
  }

  @Test
  void reconcilesEveryGreenlangKindWithoutCreatingOrDeletingThem() {
    GrantedPermissions operator = operatorPermissions();

    for (String kind : GREENLANG_KINDS) {
      assertThat(operator.verbsOn("greenlang.io", kind))
          .as(kind)
          .containsExactlyInAnyOrder("get", "list", "watch", "patch", "update");
      assertThat(operator.verbsOn("greenlang.io", kind + "/status"))
          .as(kind + "/status")
          .containsExactlyInAnyOrder("get", "patch", "update");
      assertThat(operator.verbsOn("greenlang.io", kind + "/finalizers"))
          .as(kind + "/finalizers")
          .containsExactlyInAnyOrder("get", "patch", "update");
    }
  }

  @Test
  void provisionsTenantNamespacesAndAgentDependents() {
    GrantedPermissions operator = operatorPermissions();

    for (String core :
        List.of(
            "secrets",
            "configmaps",
            "services",
            "serviceaccounts",
            "namespaces",
            "resourcequotas",
            "limitranges")) {
      assertThat(operator.verbsOn("", core)).as(core).containsAll(PROVISIONING_VERBS);
    }
    assertThat(operator.verbsOn("apps", "deployments")).containsAll(PROVISIONING_VERBS);
    assertThat(operator.verbsOn("networking.k8s.io", "networkpolicies"))
        .containsAll(PROVISIONING_VERBS);
    assertThat(operator.verbsOn("policy", "poddisruptionbudgets")).containsAll(PROVISIONING_VERBS);
    assertThat(operator.verbsOn("autoscaling", "horizontalpodautoscalers"))
        .containsAll(PROVISIONING_VERBS);
    assertThat(operator.verbsOn("rbac.authorization.k8s.io", "rolebindings"))
        .containsAll(PROVISIONING_VERBS);
    assertThat(operator.verbsOn("rbac.authorization.k8s.io", "roles"))
        .containsAll(PROVISIONING_VERBS);
  }

  @Test
  void recordsEventsAndElectsALeader() {
    GrantedPermissions operator = operatorPermissions();

    assertThat(operator.verbsOn("", "events")).containsExactlyInAnyOrder("create", "patch");
    assertThat(operator.verbsOn("coordination.k8s.io", "leases"))
        .contains("get", "create", "update")
        .doesNotContain("delete");
  }

  @Test
  void onlyReadsCustomResourceDefinitions() {
    assertThat(operatorPermissions().verbsOn("apiextensions.k8s.io", "customresourcedefinitions"))
        .containsExactlyInAnyOrder("get", "list", "watch");
  }

  @Test
  void mayBindExactlyTheEightTenantRoles() {
    ClusterRole role = OperatorChart.render().clusterRole(OPERATOR_ROLE);

    List<PolicyRule> bindRules =
        role.getRules().stream().filter(rule -> rule.getVerbs().contains("bind")).toList();
    assertThat(bindRules)
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getVerbs()).containsExactly("bind");
              assertThat(rule.getApiGroups()).containsExactly("rbac.authorization.k8s.io");
              assertThat(rule.getResources()).containsExactly("clusterroles");
              assertThat(rule.getResourceNames())
                  .containsExactlyInAnyOrderElementsOf(TenantRolesTemplateTest.TENANT_ROLE_NAMES);
            });
  }

  @Test
  void bindsTheRoleToTheOperatorServiceAccount() {
    ClusterRoleBinding binding = OperatorChart.render().clusterRoleBinding(OPERATOR_ROLE);

    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo(OPERATOR_ROLE);
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            subject -> {
              assertThat(subject.getName()).isEqualTo("greenlang-operator");
              assertThat(subject.getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
            });
  }

  @Test
  void doesNotCollideWithTheTenantRoleNamedOperator() {
    RenderedChart chart = OperatorChart.render();

    assertThat(chart.all(ClusterRole.class))
        .extracting(role -> role.getMetadata().getName())
        .doesNotHaveDuplicates()
        .contains(OPERATOR_ROLE, "greenlang-operator");
  }

  @Test
  void isLeftOutWhenRbacCreateIsFalse() {
    RenderedChart chart = OperatorChart.render(Map.of("rbac.create", false));

    assertThat(chart.find(ClusterRole.class, OPERATOR_ROLE)).isEmpty();
    assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
    assertThat(chart.all(ClusterRole.class)).hasSize(8);
  }
}
