package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * What every agent pod gets unless its Agent says otherwise: the agent-runtime image, its pull
 * policy, container resources, and the PriorityClass of premium SLA tiers.
 */
public record RuntimeDefaults(
    String image,
    String imagePullPolicy,
    ResourceRequirements resources,
    String premiumPriorityClass) {}
