package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;

/** templates/service.yaml: the in-cluster address Prometheus scrapes the operator on. */
class OperatorServiceTemplateTest {

  @Test
  void exposesTheHttpPortInsideTheClusterOnly() {
    Service service = OperatorChart.render().service();

    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getMetadata().getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getPort()).isEqualTo(8080);
              assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
  }

  @Test
  void selectsTheOperatorPods() {
    RenderedChart chart = OperatorChart.render();

    assertThat(chart.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(chart.service().getSpec().getSelector());
  }
}
