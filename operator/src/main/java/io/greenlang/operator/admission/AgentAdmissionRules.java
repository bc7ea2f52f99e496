package io.greenlang.operator.admission;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.region.LlmEndpoint;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.ResidencyPolicy;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantNames;
import io.greenlang.crds.tenant.TenantQuotas;
import io.greenlang.crds.tenant.TenantTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rules for an Agent that read other objects: it belongs to a Tenant ({@link
 * AgentTenantResolution}), each LLM endpoint it calls is one of the tenant's Region and may receive
 * its data class ({@link ResidencyPolicy}), and the tenant has room for it under its Agent quota
 * ({@link TenantQuotas}). Run by the admission webhook and, as a backstop, by the Agent reconciler.
 */
public final class AgentAdmissionRules {
  public static final String REGION_NOT_FOUND = "RegionNotFound";
  public static final String ENDPOINT_NOT_IN_REGION = "EndpointNotInRegion";
  public static final String RESIDENCY_VIOLATION = "ResidencyViolation";
  public static final String QUOTA_EXCEEDED = "QuotaExceeded";

  private AgentAdmissionRules() {}

  /**
   * The rules for an Agent being created ({@code creating}, quota included) or updated (quota left
   * out: lowering a quota must not block edits of the Agents a tenant already has).
   */
  public static List<FieldViolation> admissionViolations(
      Agent agent, ResourceLookup lookup, boolean creating) {
    AgentTenantResolution tenant = AgentTenantResolution.resolve(agent, lookup);
    if (!tenant.isResolved()) {
      return List.of(tenant.violation());
    }
    RuleOutcome residency = residency(agent, tenant.tenant(), lookup);
    RuleOutcome quota = creating ? quota(agent, tenant, lookup, true) : null;
    return new AgentRuleResults(tenant, residency, quota).violations();
  }

  /** Every rule for an Agent that already exists, as the reconciler reports them. */
  public static AgentRuleResults evaluate(Agent agent, ResourceLookup lookup) {
    AgentTenantResolution tenant = AgentTenantResolution.resolve(agent, lookup);
    if (!tenant.isResolved()) {
      return new AgentRuleResults(tenant, null, null);
    }
    return new AgentRuleResults(
        tenant, residency(agent, tenant.tenant(), lookup), quota(agent, tenant, lookup, false));
  }

  /** Each {@code spec.llm.providers[i].endpoint} is in the Region and may receive the data. */
  static RuleOutcome residency(Agent agent, Tenant tenant, ResourceLookup lookup) {
    List<LlmProviderRef> providers =
        agent.getSpec() == null || agent.getSpec().getLlm() == null
            ? List.of()
            : agent.getSpec().getLlm().getProviders();
    if (providers == null || providers.isEmpty()) {
      return RuleOutcome.compliant("spec.llm names no LLM providers: no data leaves through one");
    }
    String regionName = tenant.getSpec().getRegion();
    Optional<Region> region = lookup.region(regionName);
    if (region.isEmpty() || region.get().getSpec() == null) {
      return RuleOutcome.violated(
          List.of(
              new FieldViolation(
                  "spec.llm.providers",
                  REGION_NOT_FOUND,
                  "Region \""
                      + regionName
                      + "\" of Tenant \""
                      + tenant.getMetadata().getName()
                      + "\" not found, so the LLM endpoints cannot be checked")));
    }
    DataClass dataClass = dataClassOf(agent);
    List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < providers.size(); i++) {
      String field = "spec.llm.providers[" + i + "].endpoint";
      endpointViolation(providers.get(i), field, region.get(), dataClass)
          .ifPresent(violations::add);
    }
    if (!violations.isEmpty()) {
      return RuleOutcome.violated(violations);
    }
    return RuleOutcome.compliant(
        providers.size()
            + " LLM endpoint(s) of Region \""
            + regionName
            + "\" allowed for "
            + dataClass.name().toLowerCase()
            + " data ("
            + providers.stream().map(LlmProviderRef::getEndpoint).collect(Collectors.joining(", "))
            + ")");
  }

  /** The endpoint is one of the Region's, and its location may receive the data class. */
  private static Optional<FieldViolation> endpointViolation(
      LlmProviderRef provider, String field, Region region, DataClass dataClass) {
    String regionName = region.getMetadata().getName();
    List<LlmEndpoint> endpoints =
        region.getSpec().getLlmEndpoints() == null ? List.of() : region.getSpec().getLlmEndpoints();
    Optional<LlmEndpoint> endpoint =
        endpoints.stream()
            .filter(e -> Objects.equals(e.getName(), provider.getEndpoint()))
            .findFirst();
    if (endpoint.isEmpty()) {
      String known = endpoints.stream().map(LlmEndpoint::getName).collect(Collectors.joining(", "));
      return Optional.of(
          new FieldViolation(
              field,
              ENDPOINT_NOT_IN_REGION,
              "endpoint \""
                  + provider.getEndpoint()
                  + "\" is not in Region \""
                  + regionName
                  + "\" spec.llmEndpoints ("
                  + (known.isEmpty() ? "the Region lists none" : known)
                  + ")"));
    }
    return residencyViolation(endpoint.get(), field, region, dataClass);
  }

  private static Optional<FieldViolation> residencyViolation(
      LlmEndpoint endpoint, String field, Region region, DataClass dataClass) {
    return ResidencyPolicy.refusal(region.getSpec(), endpoint.getLocation(), dataClass)
        .map(
            why ->
                new FieldViolation(
                    field,
                    RESIDENCY_VIOLATION,
                    "endpoint \""
                        + endpoint.getName()
                        + "\" (location "
                        + endpoint.getLocation()
                        + ") is not allowed for "
                        + dataClass.name().toLowerCase()
                        + " data in Region \""
                        + region.getMetadata().getName()
                        + "\": "
                        + why));
  }

  /**
   * The tenant's Agents, this one included, stay within {@code TenantQuotas.agents}. For an Agent
   * being created the count is of the Agents already there.
   */
  static RuleOutcome quota(
      Agent agent, AgentTenantResolution resolution, ResourceLookup lookup, boolean creating) {
    Tenant tenant = resolution.tenant();
    String name = tenant.getMetadata().getName();
    int others = (int) countOthers(agent, tenant, lookup);
    int total = others + 1;
    TenantQuotas quotas = TenantQuotas.of(tenant.getSpec());
    String source = quotaSource(tenant);
    if (total > quotas.agents()) {
      String message =
          creating
              ? "tenant \""
                  + name
                  + "\" has "
                  + others
                  + " of "
                  + quotas.agents()
                  + " Agents ("
                  + source
                  + ")"
              : "tenant \""
                  + name
                  + "\" has "
                  + total
                  + " Agents, more than its quota of "
                  + quotas.agents()
                  + " ("
                  + source
                  + ")";
      return RuleOutcome.violated(
          List.of(new FieldViolation(resolution.field(), QUOTA_EXCEEDED, message)));
    }
    return RuleOutcome.compliant(
        "tenant \""
            + name
            + "\" has "
            + total
            + " of "
            + quotas.agents()
            + " Agents ("
            + source
            + ")");
  }

  private static long countOthers(Agent agent, Tenant tenant, ResourceLookup lookup) {
    String tenantName = tenant.getMetadata().getName();
    boolean logical = tenant.getSpec().getIsolation() == IsolationLevel.LOGICAL;
    String namespace = TenantNames.workloadNamespace(tenant);
    return lookup.agentsIn(namespace).stream()
        .filter(a -> a.getMetadata().getDeletionTimestamp() == null)
        .filter(a -> !isSameAgent(a, agent))
        .filter(
            a -> !logical || (a.getSpec() != null && tenantName.equals(a.getSpec().getTenant())))
        .count();
  }

  private static boolean isSameAgent(Agent a, Agent b) {
    return b.getMetadata().getName() != null
        && b.getMetadata().getName().equals(a.getMetadata().getName())
        && Objects.equals(a.getMetadata().getNamespace(), b.getMetadata().getNamespace());
  }

  private static String quotaSource(Tenant tenant) {
    TenantTier tier =
        tenant.getSpec().getTier() == null ? TenantTier.STARTER : tenant.getSpec().getTier();
    boolean overridden =
        tenant.getSpec().getQuotas() != null && tenant.getSpec().getQuotas().getAgents() != null;
    return "tier " + tier + ", quota agents" + (overridden ? " from spec.quotas.agents" : "");
  }

  private static DataClass dataClassOf(Agent agent) {
    DataClass dataClass = agent.getSpec() == null ? null : agent.getSpec().getDataClass();
    return dataClass == null ? DataClass.BUSINESS : dataClass;
  }
}
