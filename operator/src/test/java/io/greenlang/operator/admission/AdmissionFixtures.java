package io.greenlang.operator.admission;

import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.LlmChain;
import io.greenlang.crds.agent.LlmProviderRef;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.common.SecretReference;
import io.greenlang.crds.region.DataServiceConnection;
import io.greenlang.crds.region.LlmEndpoint;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.region.ResidencyRules;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.QuotaOverrides;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.crds.tenant.TenantTier;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Regions, Tenants and Agents for admission tests, shaped like the samples: an EU Region that
 * blocks us-*, cn-* and ap-* and lets public and business data leave, with four LLM endpoints.
 */
public final class AdmissionFixtures {
  /** In the Region's primary location. */
  public static final String EU_ENDPOINT = "anthropic-eu";

  /** Inside the cluster. */
  public static final String LOCAL_ENDPOINT = "local-model";

  /** In us-east-1, which the EU Region blocks for every data class. */
  public static final String US_ENDPOINT = "openai-us";

  /** In me-south-1: outside the EU, not blocked, so business data may go but personal may not. */
  public static final String MENA_ENDPOINT = "azure-mena";

  private AdmissionFixtures() {}

  public static String randomName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** An EU Region with a local cluster plus the given member clusters. */
  public static Region region(String name, RegionCluster... members) {
    RegionSpec spec = new RegionSpec();
    spec.setCode(RegionCode.EU);
    spec.setPrimaryLocation("eu-central-1");
    spec.setSecondaryLocations(new ArrayList<>(List.of("eu-west-1")));
    List<RegionCluster> clusters = new ArrayList<>();
    RegionCluster local = new RegionCluster();
    local.setName("local");
    local.setLocal(true);
    clusters.add(local);
    clusters.addAll(List.of(members));
    spec.setClusters(clusters);
    spec.setPostgres(new DataServiceConnection(new SecretReference(name + "-pg", "greenlang")));
    spec.setRedis(new DataServiceConnection(new SecretReference(name + "-redis", "greenlang")));
    ResidencyRules residency = new ResidencyRules();
    residency.setBlockedTargets(new ArrayList<>(List.of("us-*", "cn-*", "ap-*")));
    residency.setAllowedDataClasses(new ArrayList<>(List.of(DataClass.PUBLIC, DataClass.BUSINESS)));
    spec.setResidency(residency);
    spec.setLlmEndpoints(
        new ArrayList<>(
            List.of(
                endpoint(EU_ENDPOINT, LlmProvider.ANTHROPIC, "eu-central-1"),
                endpoint(LOCAL_ENDPOINT, LlmProvider.OPENAI_COMPATIBLE, "local"),
                endpoint(US_ENDPOINT, LlmProvider.OPENAI, "us-east-1"),
                endpoint(MENA_ENDPOINT, LlmProvider.AZURE_OPENAI, "me-south-1"))));
    Region region = new Region();
    region.getMetadata().setName(name);
    region.setSpec(spec);
    return region;
  }

  public static RegionCluster member(String name, String dedicatedTo) {
    RegionCluster cluster = new RegionCluster();
    cluster.setName(name);
    cluster.setKubeconfigSecretRef(new SecretReference(name + "-kubeconfig", "greenlang"));
    cluster.setDedicatedTo(dedicatedTo);
    return cluster;
  }

  public static Tenant tenant(String name, IsolationLevel isolation, String region) {
    TenantSpec spec = new TenantSpec();
    spec.setIsolation(isolation);
    spec.setRegion(region);
    spec.setTier(TenantTier.FREE);
    Tenant tenant = new Tenant();
    tenant.getMetadata().setName(name);
    tenant.setSpec(spec);
    return tenant;
  }

  /** A Tenant with a dedicated member cluster (isolation cluster). */
  public static Tenant clusterTenant(String name, String region, String memberCluster) {
    Tenant tenant = tenant(name, IsolationLevel.CLUSTER, region);
    tenant.getSpec().setMemberCluster(memberCluster);
    return tenant;
  }

  public static Tenant withAgentQuota(Tenant tenant, int agents) {
    QuotaOverrides quotas = new QuotaOverrides();
    quotas.setAgents(agents);
    tenant.getSpec().setQuotas(quotas);
    return tenant;
  }

  /** An Agent calling the given Region endpoints in order; {@code tenant} may be null. */
  public static Agent agent(
      String namespace, String name, String tenant, DataClass dataClass, String... endpoints) {
    AgentSpec spec = new AgentSpec();
    spec.setTenant(tenant);
    spec.setDataClass(dataClass);
    if (endpoints.length > 0) {
      LlmChain chain = new LlmChain();
      List<LlmProviderRef> providers = new ArrayList<>();
      for (int i = 0; i < endpoints.length; i++) {
        LlmProviderRef provider = new LlmProviderRef();
        provider.setName("link-" + i);
        provider.setEndpoint(endpoints[i]);
        provider.setModel("model-" + i);
        providers.add(provider);
      }
      chain.setProviders(providers);
      spec.setLlm(chain);
    }
    Agent agent = new Agent();
    agent.getMetadata().setName(name);
    agent.getMetadata().setNamespace(namespace);
    agent.setSpec(spec);
    return agent;
  }

  private static LlmEndpoint endpoint(String name, LlmProvider provider, String location) {
    LlmEndpoint endpoint = new LlmEndpoint();
    endpoint.setName(name);
    endpoint.setProvider(provider);
    endpoint.setUrl("https://" + name + ".example.com/v1");
    endpoint.setLocation(location);
    return endpoint;
  }
}
