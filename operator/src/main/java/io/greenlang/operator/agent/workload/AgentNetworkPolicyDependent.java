package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.greenlang.operator.tenant.desired.EgressTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The Agent's NetworkPolicy {@code <agent>} on its pods: ingress on 8080 only from the operator's
 * namespace and the Agent's own namespace; egress only to DNS, the Region's PostgreSQL and Redis,
 * and the LLM endpoints the tenant may reach ({@link io.greenlang.operator.tenant.TenantEgress}).
 */
public final class AgentNetworkPolicyDependent {
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private AgentNetworkPolicyDependent() {}

  public static NetworkPolicy desired(AgentWorkload workload) {
    List<NetworkPolicyEgressRule> egress = new ArrayList<>();
    egress.add(
        new NetworkPolicyEgressRuleBuilder()
            .addToTo(
                new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(namespaceNamed("kube-system"))
                    .withPodSelector(
                        new LabelSelectorBuilder().addToMatchLabels("k8s-app", "kube-dns").build())
                    .build())
            .addToPorts(port("UDP", 53), port("TCP", 53))
            .build());
    workload.dataServices().forEach(target -> egress.add(egressTo(target)));
    workload.llmEndpoints().forEach(target -> egress.add(egressTo(target)));
    return new NetworkPolicyBuilder()
        .withMetadata(workload.metadata(workload.name()))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(workload.selector())
        .endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .addNewIngress()
        .addNewFrom()
        .withNamespaceSelector(namespaceNamed(workload.operatorNamespace()))
        .endFrom()
        .addNewFrom()
        .withPodSelector(new LabelSelector())
        .endFrom()
        .withPorts(port("TCP", AgentWorkload.HTTP_PORT))
        .endIngress()
        .withEgress(egress)
        .endSpec()
        .build();
  }

  private static NetworkPolicyEgressRule egressTo(EgressTarget target) {
    var rule = new NetworkPolicyEgressRuleBuilder().addToPorts(port("TCP", target.port()));
    for (String cidr : target.cidrs()) {
      rule.addToTo(
          new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build());
    }
    return rule.build();
  }

  private static LabelSelector namespaceNamed(String name) {
    return new LabelSelectorBuilder().addToMatchLabels(NAMESPACE_NAME_LABEL, name).build();
  }

  private static NetworkPolicyPort port(String protocol, int number) {
    return new NetworkPolicyPortBuilder()
        .withProtocol(protocol)
        .withPort(new IntOrString(number))
        .build();
  }
}
