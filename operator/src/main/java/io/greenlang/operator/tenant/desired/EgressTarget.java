package io.greenlang.operator.tenant.desired;

import java.util.List;

/**
 * A destination a tenant's pods may reach: a data service or LLM endpoint, by port and, when the
 * Region lists them, by CIDR.
 */
public record EgressTarget(String name, int port, List<String> cidrs) {}
