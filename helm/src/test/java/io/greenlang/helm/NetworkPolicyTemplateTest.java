package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** templates/networkpolicy.yaml: the operator pod's ingress and egress, narrowed by values. */
class NetworkPolicyTemplateTest {

  private static NetworkPolicy policy(RenderedChart chart) {
    return chart.get(NetworkPolicy.class, OperatorChart.RELEASE);
  }

  private static NetworkPolicy enabled(Map<String, Object> more) {
    var sets = new java.util.HashMap<String, Object>(more);
    sets.put("networkPolicy.enabled", true);
    return policy(OperatorChart.render(sets));
  }

  private static NetworkPolicy fromValuesFile() {
    return policy(OperatorChart.render(OperatorChart.testResource("values/non-default.yaml")));
  }

  private static List<String> ports(List<NetworkPolicyPort> ports) {
    return ports.stream().map(p -> p.getProtocol() + "/" + p.getPort().getIntVal()).toList();
  }

  private static NetworkPolicyIngressRule ingressTo(NetworkPolicy policy, int port) {
    return policy.getSpec().getIngress().stream()
        .filter(rule -> ports(rule.getPorts()).contains("TCP/" + port))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No ingress rule for port " + port));
  }

  private static NetworkPolicyEgressRule egressTo(NetworkPolicy policy, String port) {
    return policy.getSpec().getEgress().stream()
        .filter(rule -> ports(rule.getPorts()).contains(port))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No egress rule for port " + port));
  }

  private static List<String> cidrs(List<NetworkPolicyPeer> peers) {
    return peers.stream()
        .filter(peer -> peer.getIpBlock() != null)
        .map(peer -> peer.getIpBlock().getCidr())
        .toList();
  }

  @Test
  void isNotRenderedByDefault() {
    assertThat(OperatorChart.render().all(NetworkPolicy.class)).isEmpty();
  }

  @Test
  void isolatesTheOperatorPodsInBothDirections() {
    RenderedChart chart = OperatorChart.render(Map.of("networkPolicy.enabled", true));
    NetworkPolicy policy = policy(chart);

    assertThat(policy.getMetadata().getNamespace()).isEqualTo(OperatorChart.NAMESPACE);
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(chart.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
  }

  @Test
  void admitsOnlyTheWebhookAndMetricsPorts() {
    NetworkPolicy policy = enabled(Map.of());

    assertThat(policy.getSpec().getIngress())
        .flatExtracting(rule -> ports(rule.getPorts()))
        .containsExactlyInAnyOrder("TCP/8443", "TCP/8080");
  }

  @Test
  void opensTheWebhookPortToAnySourceUnlessNarrowed() {
    assertThat(ingressTo(enabled(Map.of()), 8443).getFrom())
        .as("the API server's source address differs between clusters")
        .isNullOrEmpty();

    List<NetworkPolicyPeer> narrowed = ingressTo(fromValuesFile(), 9443).getFrom();
    assertThat(cidrs(narrowed)).containsExactly("172.20.0.0/16");
    assertThat(narrowed)
        .filteredOn(peer -> peer.getNamespaceSelector() != null)
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "kube-system"));
  }

  @Test
  void admitsMetricsScrapesFromTheMonitoringNamespaceOnly() {
    assertThat(ingressTo(enabled(Map.of()), 8080).getFrom())
        .singleElement()
        .satisfies(
            peer -> {
              assertThat(peer.getNamespaceSelector().getMatchLabels())
                  .containsExactlyEntriesOf(Map.of("kubernetes.io/metadata.name", "monitoring"));
              assertThat(peer.getPodSelector()).isNull();
            });

    assertThat(ingressTo(fromValuesFile(), 9090).getFrom())
        .as("namespace and pod selector in one peer: Prometheus pods in that namespace")
        .singleElement()
        .satisfies(
            peer -> {
              assertThat(peer.getNamespaceSelector().getMatchLabels())
                  .containsEntry("kubernetes.io/metadata.name", "observability");
              assertThat(peer.getPodSelector().getMatchLabels())
                  .containsEntry("app.kubernetes.io/name", "prometheus");
            });
  }

  @Test
  void allowsEgressToTheApiServerDnsPostgresAndRedisOnly() {
    NetworkPolicy policy = enabled(Map.of());

    assertThat(policy.getSpec().getEgress())
        .extracting(rule -> ports(rule.getPorts()))
        .containsExactlyInAnyOrder(
            List.of("TCP/443", "TCP/6443"),
            List.of("UDP/53", "TCP/53"),
            List.of("TCP/5432"),
            List.of("TCP/6379"));
    assertThat(egressTo(policy, "TCP/6443").getTo()).isNullOrEmpty();
    assertThat(egressTo(policy, "TCP/5432").getTo()).isNullOrEmpty();
    assertThat(egressTo(policy, "TCP/6379").getTo()).isNullOrEmpty();
    assertThat(egressTo(policy, "UDP/53").getTo())
        .singleElement()
        .satisfies(
            peer -> {
              assertThat(peer.getNamespaceSelector().getMatchLabels())
                  .containsEntry("kubernetes.io/metadata.name", "kube-system");
              assertThat(peer.getPodSelector().getMatchLabels())
                  .containsEntry("k8s-app", "kube-dns");
            });
  }

  @Test
  void narrowsEgressToConfiguredAddressesAndAddsExtraRules() {
    NetworkPolicy policy = fromValuesFile();

    assertThat(cidrs(egressTo(policy, "TCP/6443").getTo())).containsExactly("10.0.0.10/32");
    assertThat(ports(egressTo(policy, "TCP/6443").getPorts())).containsExactly("TCP/6443");
    assertThat(cidrs(egressTo(policy, "TCP/5432").getTo())).containsExactly("10.20.0.0/24");
    assertThat(ports(egressTo(policy, "TCP/5432").getPorts()))
        .containsExactly("TCP/5432", "TCP/6432");
    assertThat(cidrs(egressTo(policy, "TCP/6380").getTo())).containsExactly("10.30.0.0/24");
    assertThat(cidrs(egressTo(policy, "UDP/53").getTo())).containsExactly("169.254.20.10/32");
    assertThat(policy.getSpec().getEgress())
        .anySatisfy(rule -> assertThat(cidrs(rule.getTo())).containsExactly("203.0.113.10/32"));
  }

  @Test
  void leavesTheWebhookPortClosedWhenTheWebhookIsDisabled() {
    NetworkPolicy policy = enabled(Map.of("webhook.enabled", false));

    assertThat(policy.getSpec().getIngress())
        .flatExtracting(rule -> ports(rule.getPorts()))
        .containsExactly("TCP/8080");
  }
}
