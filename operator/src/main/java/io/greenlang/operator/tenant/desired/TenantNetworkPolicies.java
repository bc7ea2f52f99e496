package io.greenlang.operator.tenant.desired;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Network policies of a namespace: deny all ingress and egress, then allow DNS, traffic inside the
 * namespace, the operator, and the data services and LLM endpoints the tenant may use. Built for
 * one tenant's namespace or for the shared namespace alike.
 */
public final class TenantNetworkPolicies {
  public static final String DEFAULT_DENY = "greenlang-default-deny";
  public static final String ALLOW_DNS = "greenlang-allow-dns";
  public static final String ALLOW_NAMESPACE = "greenlang-allow-same-namespace";
  public static final String ALLOW_OPERATOR = "greenlang-allow-operator";
  public static final String ALLOW_DATA_SERVICES = "greenlang-allow-data-services";
  public static final String ALLOW_LLM_ENDPOINTS = "greenlang-allow-llm-endpoints";

  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private TenantNetworkPolicies() {}

  /**
   * The policies of {@code namespace}, labelled with {@code labels}; {@code llmEndpoints} is
   * already filtered to what the tenant may reach.
   */
  public static List<NetworkPolicy> build(
      String namespace,
      Map<String, String> labels,
      String operatorNamespace,
      List<EgressTarget> dataServices,
      List<EgressTarget> llmEndpoints) {
    List<NetworkPolicy> policies = new ArrayList<>();
    var everyPod = new LabelSelector();
    policies.add(
        policy(
            namespace,
            DEFAULT_DENY,
            labels,
            new NetworkPolicySpec(List.of(), List.of(), everyPod, List.of("Ingress", "Egress"))));
    var dns =
        new NetworkPolicyEgressRuleBuilder()
            .addToTo(
                new NetworkPolicyPeerBuilder()
                    .withNamespaceSelector(namespaceNamed("kube-system"))
                    .withPodSelector(
                        new LabelSelectorBuilder().addToMatchLabels("k8s-app", "kube-dns").build())
                    .build())
            .addToPorts(port("UDP", 53), port("TCP", 53))
            .build();
    policies.add(policy(namespace, ALLOW_DNS, labels, egressOnly(List.of(dns))));
    var samePods = new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelector()).build();
    policies.add(
        policy(
            namespace,
            ALLOW_NAMESPACE,
            labels,
            new NetworkPolicySpec(
                List.of(new NetworkPolicyEgressRuleBuilder().addToTo(samePods).build()),
                List.of(new NetworkPolicyIngressRuleBuilder().addToFrom(samePods).build()),
                everyPod,
                List.of("Ingress", "Egress"))));
    policies.add(
        policy(
            namespace,
            ALLOW_OPERATOR,
            labels,
            new NetworkPolicySpec(
                List.of(),
                List.of(
                    new NetworkPolicyIngressRuleBuilder()
                        .addToFrom(
                            new NetworkPolicyPeerBuilder()
                                .withNamespaceSelector(namespaceNamed(operatorNamespace))
                                .build())
                        .build()),
                everyPod,
                List.of("Ingress"))));
    if (!dataServices.isEmpty()) {
      policies.add(
          policy(namespace, ALLOW_DATA_SERVICES, labels, egressOnly(egressRules(dataServices))));
    }
    if (!llmEndpoints.isEmpty()) {
      policies.add(
          policy(namespace, ALLOW_LLM_ENDPOINTS, labels, egressOnly(egressRules(llmEndpoints))));
    }
    return policies;
  }

  private static List<NetworkPolicyEgressRule> egressRules(List<EgressTarget> targets) {
    List<NetworkPolicyEgressRule> rules = new ArrayList<>();
    for (EgressTarget target : targets) {
      var rule = new NetworkPolicyEgressRuleBuilder().addToPorts(port("TCP", target.port()));
      for (String cidr : target.cidrs()) {
        rule.addToTo(
            new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build());
      }
      rules.add(rule.build());
    }
    return rules;
  }

  private static NetworkPolicySpec egressOnly(List<NetworkPolicyEgressRule> rules) {
    return new NetworkPolicySpec(rules, List.of(), new LabelSelector(), List.of("Egress"));
  }

  private static NetworkPolicy policy(
      String namespace, String name, Map<String, String> labels, NetworkPolicySpec spec) {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .endMetadata()
        .withSpec(spec)
        .build();
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
