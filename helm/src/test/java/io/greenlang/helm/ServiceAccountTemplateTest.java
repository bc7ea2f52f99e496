package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** templates/serviceaccount.yaml and the identity the Deployment and the binding refer to. */
class ServiceAccountTemplateTest {

  @Test
  void createsTheOperatorServiceAccountByDefault() {
    RenderedChart chart = OperatorChart.render();

    assertThat(chart.serviceAccounts())
        .singleElement()
        .satisfies(
            account -> {
              assertThat(account.getMetadata().getName()).isEqualTo("greenlang-operator");
              assertThat(account.getMetadata().getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
            });
  }

  @Test
  void carriesAnnotationsAndACustomName() {
    ServiceAccount account =
        OperatorChart.render(
                Map.of(
                    "serviceAccount.name", "gl-controller",
                    "serviceAccount.annotations.iam\\.example\\.com/role", "greenlang"))
            .get(ServiceAccount.class, "gl-controller");

    assertThat(account.getMetadata().getAnnotations())
        .containsEntry("iam.example.com/role", "greenlang");
  }

  @Test
  void usesAnExistingServiceAccountWhenNotCreating() {
    RenderedChart chart =
        OperatorChart.render(
            Map.of("serviceAccount.create", false, "serviceAccount.name", "platform-operator"));

    assertThat(chart.serviceAccounts()).isEmpty();
    assertThat(chart.deployment().getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("platform-operator");
    assertThat(
            chart
                .clusterRoleBinding("greenlang-operator-controller")
                .getSubjects()
                .get(0)
                .getName())
        .isEqualTo("platform-operator");
  }

  @Test
  void bindsTheSameAccountTheDeploymentRunsAs() {
    RenderedChart chart = OperatorChart.render();
    ClusterRoleBinding binding = chart.clusterRoleBinding("greenlang-operator-controller");

    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            subject -> {
              assertThat(subject.getKind()).isEqualTo("ServiceAccount");
              assertThat(subject.getName())
                  .isEqualTo(
                      chart.deployment().getSpec().getTemplate().getSpec().getServiceAccountName());
              assertThat(subject.getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
            });
  }
}
