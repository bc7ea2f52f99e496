package io.greenlang.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentTool;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.testsupport.RedisServerAddress;
import io.greenlang.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Agent workloads written by hand the way the operator renders them (contract C1): a ConfigMap with
 * {@code agent.yaml}, a credentials Secret, and a Deployment whose one container reads them through
 * {@code secretKeyRef}, {@code configMapKeyRef}, {@code fieldRef}, {@code $(VAR)} references and
 * mounted volumes. For the kubelet's own tests, independent of the operator.
 */
final class AgentDeployments {
  private AgentDeployments() {}

  /**
   * Creates namespace, ConfigMap, Secret and Deployment of an agent running tool {@code report}.
   */
  static Deployment create(
      KubernetesClient client,
      String namespace,
      String tenant,
      String agent,
      TestDatabase database,
      RedisServerAddress redis,
      int replicas) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .createOr(n -> n.update());
    AgentSpec spec = new AgentSpec();
    spec.setTenant(tenant);
    spec.getTools().add(new AgentTool("report"));
    AgentRuntimeConfiguration configuration = new AgentRuntimeConfiguration();
    configuration.setTenant(tenant);
    configuration.setAgent(agent);
    configuration.setNamespace(namespace);
    configuration.setSpec(spec);
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(agent)
                .endMetadata()
                .addToData("agent.yaml", Serialization.asYaml(configuration))
                .addToData("postgres-port", Integer.toString(database.server().port()))
                .build())
        .create();
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(agent + "-credentials")
                .endMetadata()
                .addToStringData("postgres-host", database.server().host())
                .addToStringData("postgres-username", database.server().username())
                .addToStringData(
                    "postgres-password",
                    database.server().password() == null ? "" : database.server().password())
                .build())
        .create();
    List<EnvVar> env = new ArrayList<>();
    env.add(secretEnv("PG_HOST", agent + "-credentials", "postgres-host"));
    env.add(
        new EnvVarBuilder()
            .withName("PG_PORT")
            .withNewValueFrom()
            .withNewConfigMapKeyRef("postgres-port", agent, false)
            .endValueFrom()
            .build());
    env.add(value("GL_POSTGRES_URL", "jdbc:postgresql://$(PG_HOST):$(PG_PORT)/" + database.name()));
    env.add(secretEnv("GL_POSTGRES_USER", agent + "-credentials", "postgres-username"));
    env.add(secretEnv("GL_POSTGRES_PASSWORD", agent + "-credentials", "postgres-password"));
    env.add(value("GL_REDIS_URL", "redis://" + redis.host() + ":" + redis.port()));
    env.add(
        new EnvVarBuilder()
            .withName("GL_REDIS_PASSWORD")
            .withNewValueFrom()
            .withNewSecretKeyRef("redis-password", agent + "-credentials", true)
            .endValueFrom()
            .build());
    // The test database is empty: this runtime migrates it (the operator's pods do not).
    env.add(value("QUARKUS_FLYWAY_MIGRATE_AT_START", "true"));
    env.add(value("GL_AGENT_CONFIG", "/etc/greenlang/agent/agent.yaml"));
    env.add(value("GL_SECRETS_DIR", "/var/run/greenlang/secrets"));
    env.add(
        new EnvVarBuilder()
            .withName("HOSTNAME")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .build());
    Map<String, String> labels =
        Map.of("app.kubernetes.io/instance", agent, LocalKubelet.AGENT_LABEL, agent);
    Deployment deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(agent)
            .withNamespace(namespace)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .withMatchLabels(labels)
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(labels)
            .addToAnnotations("greenlang.io/config-hash", "one")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("agent-runtime")
            .withImage("greenlang/agent-runtime:local")
            .addNewPort()
            .withName("http")
            .withContainerPort(8080)
            .endPort()
            .withEnv(env)
            .addNewVolumeMount()
            .withName("config")
            .withMountPath("/etc/greenlang/agent")
            .withReadOnly(true)
            .endVolumeMount()
            .addNewVolumeMount()
            .withName("tmp")
            .withMountPath("/tmp")
            .endVolumeMount()
            .endContainer()
            .addNewVolume()
            .withName("config")
            .withNewConfigMap()
            .withName(agent)
            .endConfigMap()
            .endVolume()
            .addNewVolume()
            .withName("tmp")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    return client.apps().deployments().inNamespace(namespace).resource(deployment).create();
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar secretEnv(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef(key, secret, false)
        .endValueFrom()
        .build();
  }
}
