package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** templates/tenant-roles.yaml: the eight tenant roles of DOMAIN.md as ClusterRoles. */
class TenantRolesTemplateTest {

  static final List<String> TENANT_ROLE_NAMES =
      List.of(
          "greenlang-super_admin",
          "greenlang-tenant_admin",
          "greenlang-developer",
          "greenlang-operator",
          "greenlang-analyst",
          "greenlang-auditor",
          "greenlang-viewer",
          "greenlang-api_service");

  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

  private static GrantedPermissions role(String name) {
    return GrantedPermissions.of(OperatorChart.render().clusterRole(name));
  }

  private static List<ClusterRole> tenantRoles(RenderedChart chart) {
    return chart.all(ClusterRole.class).stream()
        .filter(role -> role.getMetadata().getLabels().containsKey("greenlang.io/role"))
        .toList();
  }

  @Test
  void rendersTheEightRolesWithExactNamesAndRoleLabels() {
    List<ClusterRole> roles = tenantRoles(OperatorChart.render());

    assertThat(roles)
        .extracting(role -> role.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(TENANT_ROLE_NAMES);
    assertThat(roles)
        .allSatisfy(
            role ->
                assertThat("greenlang-" + role.getMetadata().getLabels().get("greenlang.io/role"))
                    .isEqualTo(role.getMetadata().getName()));
  }

  @Test
  void grantNoEscalationVerbs() {
    for (ClusterRole role : tenantRoles(OperatorChart.render())) {
      assertThat(GrantedPermissions.of(role).allVerbs())
          .as(role.getMetadata().getName())
          .doesNotContain("escalate", "bind", "impersonate");
    }
  }

  @Test
  void onlySuperAdminHasWildcardsAndOnlyOnGreenlangResources() {
    for (ClusterRole role : tenantRoles(OperatorChart.render())) {
      GrantedPermissions permissions = GrantedPermissions.of(role);
      if (role.getMetadata().getName().equals("greenlang-super_admin")) {
        assertThat(permissions.wildcardRules())
            .isNotEmpty()
            .allSatisfy(rule -> assertThat(rule.getApiGroups()).containsExactly("greenlang.io"));
      } else {
        assertThat(permissions.wildcardRules()).as(role.getMetadata().getName()).isEmpty();
      }
    }
  }

  @Test
  void auditorAndViewerOnlyRead() {
    assertThat(role("greenlang-auditor").allVerbs()).isSubsetOf(READ_VERBS);
    assertThat(role("greenlang-viewer").allVerbs()).isSubsetOf(READ_VERBS);
  }

  @Test
  void auditorReadsMembersAndRoles() {
    GrantedPermissions auditor = role("greenlang-auditor");

    assertThat(auditor.verbsOn("rbac.authorization.k8s.io", "rolebindings"))
        .containsExactlyInAnyOrderElementsOf(READ_VERBS);
    assertThat(auditor.verbsOn("rbac.authorization.k8s.io", "roles"))
        .containsExactlyInAnyOrderElementsOf(READ_VERBS);
    assertThat(auditor.verbsOn("greenlang.io", "tenants"))
        .containsExactlyInAnyOrderElementsOf(READ_VERBS);
  }

  @Test
  void onlyTheAdminsTouchSecrets() {
    RenderedChart chart = OperatorChart.render();

    for (String name : TENANT_ROLE_NAMES) {
      Set<String> resources = GrantedPermissions.of(chart.clusterRole(name)).allResources();
      if (name.equals("greenlang-super_admin") || name.equals("greenlang-tenant_admin")) {
        assertThat(resources).as(name).contains("secrets");
      } else {
        assertThat(resources).as(name).doesNotContain("secrets");
      }
    }
  }

  @Test
  void analystReadsEverythingButSecretsAndCreatesData() {
    GrantedPermissions analyst = role("greenlang-analyst");

    assertThat(analyst.allResources()).doesNotContain("secrets");
    for (String kind : List.of("agents", "pipelines", "pipelineruns")) {
      assertThat(analyst.verbsOn("greenlang.io", kind))
          .as(kind)
          .containsExactlyInAnyOrderElementsOf(READ_VERBS);
    }
    assertThat(analyst.verbsOn("", "configmaps")).contains("create");
    assertThat(analyst.verbsOn("", "pods/log")).containsAll(READ_VERBS);
  }

  @Test
  void developerCreatesAndUpdatesButDoesNotDeleteAgentsAndPipelines() {
    GrantedPermissions developer = role("greenlang-developer");

    for (String kind : List.of("agents", "pipelines")) {
      assertThat(developer.verbsOn("greenlang.io", kind))
          .as(kind)
          .contains("create", "update", "patch")
          .doesNotContain("delete");
    }
    assertThat(developer.verbsOn("greenlang.io", "pipelineruns")).contains("create");
    assertThat(developer.verbsOn("", "configmaps")).contains("get", "create");
    assertThat(developer.verbsOn("", "pods/log")).containsAll(READ_VERBS);
  }

  @Test
  void operatorRoleRunsPipelinesAndPausesAgentsWithoutEditingPipelines() {
    GrantedPermissions operator = role("greenlang-operator");

    assertThat(operator.verbsOn("greenlang.io", "pipelineruns")).contains("create");
    assertThat(operator.verbsOn("greenlang.io", "agents"))
        .contains("patch")
        .doesNotContain("create");
    assertThat(operator.verbsOn("greenlang.io", "pipelines"))
        .containsExactlyInAnyOrderElementsOf(READ_VERBS);
    assertThat(operator.verbsOn("", "pods/log")).containsAll(READ_VERBS);
  }

  @Test
  void apiServiceCreatesReadsAndExecutesButNeverDeletes() {
    GrantedPermissions apiService = role("greenlang-api_service");

    for (String kind : List.of("agents", "pipelines", "pipelineruns")) {
      assertThat(apiService.verbsOn("greenlang.io", kind)).as(kind).contains("create", "get");
    }
    assertThat(apiService.allVerbs()).doesNotContain("delete", "update");
  }

  @Test
  void tenantAdminManagesWorkloadsMembersAndApiKeys() {
    GrantedPermissions tenantAdmin = role("greenlang-tenant_admin");

    for (String kind : List.of("agents", "pipelines", "pipelineruns")) {
      assertThat(tenantAdmin.verbsOn("greenlang.io", kind)).as(kind).contains("create", "delete");
    }
    assertThat(tenantAdmin.verbsOn("rbac.authorization.k8s.io", "rolebindings"))
        .contains("create", "delete");
    assertThat(tenantAdmin.verbsOn("", "secrets")).contains("create", "delete");
  }

  @Test
  void superAdminMayDoEverythingWithGreenlangResources() {
    assertThat(role("greenlang-super_admin").verbsOn("greenlang.io", "*")).containsExactly("*");
  }

  @Test
  void areLeftOutWhenTenantRolesCreateIsFalse() {
    RenderedChart chart = OperatorChart.render(Map.of("tenantRoles.create", false));

    assertThat(tenantRoles(chart)).isEmpty();
    assertThat(chart.all(ClusterRole.class))
        .extracting(role -> role.getMetadata().getName())
        .containsExactly("greenlang-operator-controller");
  }
}
