package io.greenlang.benchmarks;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.SecretReference;
import io.greenlang.crds.region.DataServiceConnection;
import io.greenlang.crds.region.LlmEndpoint;
import io.greenlang.crds.region.LlmProvider;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Region every benchmark Tenant lives in: EU, the local cluster plus shared member clusters
 * (kubeconfig Secrets, no {@code dedicatedTo}), the machine's PostgreSQL (a throwaway shared
 * database) and Redis, and LLM endpoints in and out of the region, as the operator's tenant tests
 * build it. The member clusters' "dedicated" data servers are the same PostgreSQL and Redis, named
 * through Secrets of their own.
 */
final class BenchmarkRegion {
  static final String NAME = "eu-bench";
  static final String OPERATOR_NAMESPACE = "greenlang-system";

  private BenchmarkRegion() {}

  /** Names of the member clusters as Tenants refer to them in {@code spec.memberCluster}. */
  static List<String> memberNames(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("member-" + i);
    }
    return names;
  }

  /** Creates the operator namespace, the connection Secrets and the Region. */
  static Region create(
      KubernetesClient client,
      PostgresServer postgres,
      String sharedDatabase,
      RedisServerAddress redis,
      List<MockKubernetesApi> members) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(OPERATOR_NAMESPACE)
                .endMetadata()
                .build())
        .create();
    secret(client, NAME + "-pg", postgresData(postgres, sharedDatabase));
    secret(client, NAME + "-redis", redisData(redis));
    RegionSpec spec = new RegionSpec();
    spec.setCode(RegionCode.EU);
    spec.setPrimaryLocation("eu-central-1");
    spec.setSecondaryLocations(List.of("eu-west-1"));
    List<RegionCluster> clusters = new ArrayList<>();
    RegionCluster local = new RegionCluster();
    local.setName("local");
    local.setLocal(true);
    clusters.add(local);
    List<String> names = memberNames(members.size());
    for (int i = 0; i < members.size(); i++) {
      String secretName = NAME + "-" + names.get(i);
      secret(client, secretName, Map.of("kubeconfig", members.get(i).kubeconfig()));
      secret(client, secretName + "-pg", postgresData(postgres, sharedDatabase));
      secret(client, secretName + "-redis", redisData(redis));
      RegionCluster member = new RegionCluster();
      member.setName(names.get(i));
      member.setKubeconfigSecretRef(new SecretReference(secretName, OPERATOR_NAMESPACE));
      member.setPostgres(connection(secretName + "-pg"));
      member.setRedis(connection(secretName + "-redis"));
      clusters.add(member);
    }
    spec.setClusters(clusters);
    var postgresConnection = connection(NAME + "-pg");
    postgresConnection.setCidrs(List.of("10.20.0.0/16"));
    spec.setPostgres(postgresConnection);
    spec.setRedis(connection(NAME + "-redis"));
    spec.setLlmEndpoints(
        List.of(
            endpoint("anthropic-eu", "https://api.anthropic.com", "eu-central-1"),
            endpoint("openai-us", "https://api.openai.com:8443/v1", "us-east-1"),
            endpoint("vllm-local", "http://vllm.models.svc:8000/v1", "local")));
    Region region = new Region();
    region.getMetadata().setName(NAME);
    region.setSpec(spec);
    return client.resource(region).create();
  }

  private static DataServiceConnection connection(String secretName) {
    return new DataServiceConnection(new SecretReference(secretName, OPERATOR_NAMESPACE));
  }

  private static Map<String, String> postgresData(PostgresServer postgres, String database) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("host", postgres.host());
    data.put("port", Integer.toString(postgres.port()));
    data.put("database", database);
    data.put("username", postgres.username());
    if (postgres.password() != null) {
      data.put("password", postgres.password());
    }
    return data;
  }

  private static Map<String, String> redisData(RedisServerAddress redis) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("host", redis.host());
    data.put("port", Integer.toString(redis.port()));
    if (redis.username() != null) {
      data.put("username", redis.username());
    }
    if (redis.password() != null) {
      data.put("password", redis.password());
    }
    return data;
  }

  private static void secret(KubernetesClient client, String name, Map<String, String> data) {
    client
        .secrets()
        .inNamespace(OPERATOR_NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(OPERATOR_NAMESPACE)
                .endMetadata()
                .withStringData(data)
                .build())
        .create();
  }

  private static LlmEndpoint endpoint(String name, String url, String location) {
    LlmEndpoint endpoint = new LlmEndpoint();
    endpoint.setName(name);
    endpoint.setProvider(LlmProvider.OPENAI_COMPATIBLE);
    endpoint.setUrl(url);
    endpoint.setLocation(location);
    return endpoint;
  }
}
