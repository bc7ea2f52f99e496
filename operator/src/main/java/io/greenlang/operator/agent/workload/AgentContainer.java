package io.greenlang.operator.agent.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.operator.tenant.data.TenantCredentialsSecret.Keys;
import java.util.ArrayList;
import java.util.List;

/**
 * The one container {@value #NAME} of an agent pod: the runtime image with its configuration file,
 * the tenant's database and Redis identity from the credentials Secret (passwords only through
 * {@code secretKeyRef}), probes on the Quarkus health endpoints, and a restricted security context.
 */
public final class AgentContainer {
  public static final String NAME = "agent-runtime";
  public static final String CONFIG_DIR = "/etc/greenlang/agent";
  public static final String CONFIG_VOLUME = "agent-config";
  public static final String TMP_VOLUME = "tmp";

  private AgentContainer() {}

  public static Container desired(AgentWorkload workload) {
    var spec = workload.agent().getSpec();
    return new ContainerBuilder()
        .withName(NAME)
        .withImage(workload.defaults().image())
        .withImagePullPolicy(workload.defaults().imagePullPolicy())
        .addNewPort()
        .withName("http")
        .withContainerPort(AgentWorkload.HTTP_PORT)
        .withProtocol("TCP")
        .endPort()
        .withEnv(env(workload))
        .withVolumeMounts(mounts(workload))
        .withResources(
            spec != null && spec.getResources() != null
                ? spec.getResources()
                : workload.defaults().resources())
        .withStartupProbe(probe("/q/health/started", 30))
        .withLivenessProbe(probe("/q/health/live", 3))
        .withReadinessProbe(probe("/q/health/ready", 3))
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .build();
  }

  /** Volume name of a mounted Secret; Secret names are DNS subdomains, volume names labels. */
  static String secretVolume(int index) {
    return "secret-" + index;
  }

  private static List<VolumeMount> mounts(AgentWorkload workload) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(mount(CONFIG_VOLUME, CONFIG_DIR));
    List<String> secrets = workload.llmSecrets();
    for (int i = 0; i < secrets.size(); i++) {
      mounts.add(
          mount(
              secretVolume(i),
              AgentRuntimeConfiguration.DEFAULT_SECRETS_DIR + "/" + secrets.get(i)));
    }
    mounts.add(new VolumeMountBuilder().withName(TMP_VOLUME).withMountPath("/tmp").build());
    return mounts;
  }

  private static VolumeMount mount(String volume, String path) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build();
  }

  private static List<EnvVar> env(AgentWorkload workload) {
    String credentials = workload.credentialsSecret();
    return List.of(
        fromSecret("GL_POSTGRES_HOST", credentials, Keys.POSTGRES_HOST),
        fromSecret("GL_POSTGRES_PORT", credentials, Keys.POSTGRES_PORT),
        fromSecret("GL_POSTGRES_DATABASE", credentials, Keys.POSTGRES_DATABASE),
        value(
            "GL_POSTGRES_URL",
            "jdbc:postgresql://$(GL_POSTGRES_HOST):$(GL_POSTGRES_PORT)/$(GL_POSTGRES_DATABASE)"),
        fromSecret("GL_POSTGRES_USER", credentials, Keys.POSTGRES_USERNAME),
        fromSecret("GL_POSTGRES_PASSWORD", credentials, Keys.POSTGRES_PASSWORD),
        fromSecret("GL_REDIS_HOST", credentials, Keys.REDIS_HOST),
        fromSecret("GL_REDIS_PORT", credentials, Keys.REDIS_PORT),
        value("GL_REDIS_URL", "redis://$(GL_REDIS_HOST):$(GL_REDIS_PORT)"),
        fromSecret("GL_REDIS_USERNAME", credentials, Keys.REDIS_USERNAME),
        fromSecret("GL_REDIS_PASSWORD", credentials, Keys.REDIS_PASSWORD),
        value("QUARKUS_FLYWAY_MIGRATE_AT_START", "false"),
        value("GL_AGENT_CONFIG", CONFIG_DIR + "/" + AgentRuntimeConfiguration.FILE_NAME),
        value("GL_SECRETS_DIR", AgentRuntimeConfiguration.DEFAULT_SECRETS_DIR),
        fromField("HOSTNAME", "metadata.name"),
        fromField("GL_POD_NAMESPACE", "metadata.namespace"));
  }

  private static EnvVar value(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar fromSecret(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }

  private static EnvVar fromField(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withApiVersion("v1")
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static Probe probe(String path, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString("http"))
        .endHttpGet()
        .withPeriodSeconds(10)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}
