package io.greenlang.operator.region;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.common.SecretReference;
import io.greenlang.crds.region.DataServiceConnection;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCluster;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.testsupport.PostgresServer;
import io.greenlang.testsupport.RedisServerAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds Regions and their connection Secrets for tests, with random names. */
public final class RegionFixtures {
  public static final String NAMESPACE = "greenlang-system";

  private final KubernetesClient client;

  public RegionFixtures(KubernetesClient client) {
    this.client = client;
    if (client.namespaces().withName(NAMESPACE).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .create();
    }
  }

  public static String randomName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public Secret postgresSecret(String name, PostgresServer server, int port) {
    return postgresSecret(name, server, port, server.maintenanceDatabase());
  }

  public Secret postgresSecret(String name, PostgresServer server, int port, String database) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("host", server.host());
    data.put("port", Integer.toString(port));
    data.put("database", database);
    data.put("username", server.username());
    if (server.password() != null) {
      data.put("password", server.password());
    }
    return secret(name, data);
  }

  public Secret redisSecret(
      String name, RedisServerAddress server, String username, String password) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("host", server.host());
    data.put("port", Integer.toString(server.port()));
    if (username != null) {
      data.put("username", username);
    }
    if (password != null) {
      data.put("password", password);
    }
    return secret(name, data);
  }

  public Secret kubeconfigSecret(String name, String kubeconfig) {
    return secret(name, Map.of("kubeconfig", kubeconfig));
  }

  public Secret secret(String name, Map<String, String> stringData) {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NAMESPACE)
            .endMetadata()
            .withStringData(stringData)
            .build();
    return client.secrets().inNamespace(NAMESPACE).resource(secret).createOr(s -> s.update());
  }

  public Region region(
      String name, String postgresSecret, String redisSecret, RegionCluster... members) {
    RegionSpec spec = new RegionSpec();
    spec.setCode(RegionCode.EU);
    spec.setPrimaryLocation("eu-central-1");
    List<RegionCluster> clusters = new ArrayList<>();
    RegionCluster local = new RegionCluster();
    local.setName("local");
    local.setLocal(true);
    clusters.add(local);
    clusters.addAll(List.of(members));
    spec.setClusters(clusters);
    spec.setPostgres(new DataServiceConnection(new SecretReference(postgresSecret, NAMESPACE)));
    spec.setRedis(new DataServiceConnection(new SecretReference(redisSecret, null)));
    Region region = new Region();
    region.getMetadata().setName(name);
    region.setSpec(spec);
    return client.resource(region).create();
  }

  public static RegionCluster member(String name, String kubeconfigSecret) {
    RegionCluster cluster = new RegionCluster();
    cluster.setName(name);
    cluster.setKubeconfigSecretRef(new SecretReference(kubeconfigSecret, NAMESPACE));
    return cluster;
  }
}
