package io.greenlang.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod's volumes on the local disk: every mount of the container becomes the folder {@code
 * <pod>/root/<mountPath>}, filled from its ConfigMap or Secret ({@code items} honoured, {@code
 * subPath} mounts one key), or left empty for an {@code emptyDir}. Paths the process is given in
 * its environment are translated the same way, so {@code /etc/greenlang/agent/agent.yaml} names the
 * file the kubelet wrote.
 */
final class PodFilesystem {
  private final Path root;
  private final List<String> mountPaths = new ArrayList<>();

  PodFilesystem(Path podDirectory) {
    this.root = podDirectory.resolve("root");
  }

  /** Writes every volume the container mounts; returns this. */
  PodFilesystem materialize(PodSpec spec, Container container, PodEnvironment objects) {
    try {
      Files.createDirectories(root);
      if (container.getVolumeMounts() == null) {
        return this;
      }
      for (VolumeMount mount : container.getVolumeMounts()) {
        Volume volume =
            spec.getVolumes() == null
                ? null
                : spec.getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName()))
                    .findFirst()
                    .orElse(null);
        if (volume == null) {
          throw new PodStartException("volumeMount " + mount.getName() + ": no such volume");
        }
        mountPaths.add(normalize(mount.getMountPath()));
        write(volume, mount, host(mount.getMountPath()), objects);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The local path of a path inside the pod. */
  Path host(String podPath) {
    return root.resolve(normalize(podPath).substring(1));
  }

  /**
   * An environment value that names a mounted path (a mount, something under one, or a folder that
   * holds mounts) as the local path; other values unchanged.
   */
  String translate(String value) {
    if (value == null || !value.startsWith("/") || value.equals("/")) {
      return value;
    }
    String path = normalize(value);
    for (String mount : mountPaths) {
      boolean inside = path.equals(mount) || path.startsWith(mount + "/");
      boolean holds = mount.startsWith(path + "/");
      if (inside || holds) {
        return host(path).toString();
      }
    }
    return value;
  }

  /** The pod's temporary folder: its {@code /tmp} mount, else a folder of its own. */
  Path temporaryDirectory() throws IOException {
    Path tmp = mountPaths.contains("/tmp") ? host("/tmp") : root.resolve("tmp");
    return Files.createDirectories(tmp);
  }

  private static void write(Volume volume, VolumeMount mount, Path target, PodEnvironment objects)
      throws IOException {
    Map<String, String> data;
    List<KeyToPath> items;
    String what;
    if (volume.getConfigMap() != null) {
      what = "ConfigMap " + volume.getConfigMap().getName();
      data = objects.configMapData(volume.getConfigMap().getName());
      items = volume.getConfigMap().getItems();
      if (data == null && Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
        data = Map.of();
      }
    } else if (volume.getSecret() != null) {
      what = "Secret " + volume.getSecret().getSecretName();
      data = objects.secretData(volume.getSecret().getSecretName());
      items = volume.getSecret().getItems();
      if (data == null && Boolean.TRUE.equals(volume.getSecret().getOptional())) {
        data = Map.of();
      }
    } else if (volume.getEmptyDir() != null) {
      Files.createDirectories(target);
      return;
    } else {
      throw new PodStartException(
          "volume " + volume.getName() + ": only configMap, secret and emptyDir run locally");
    }
    if (data == null) {
      throw new PodStartException("volume " + volume.getName() + ": " + what + " not found");
    }
    String subPath = mount.getSubPath();
    if (subPath != null && !subPath.isEmpty()) {
      writeFile(target, data.get(subPath), volume.getName(), subPath);
      return;
    }
    Files.createDirectories(target);
    if (items == null || items.isEmpty()) {
      for (var entry : data.entrySet()) {
        writeFile(
            target.resolve(entry.getKey()), entry.getValue(), volume.getName(), entry.getKey());
      }
    } else {
      for (KeyToPath item : items) {
        writeFile(
            target.resolve(item.getPath()),
            data.get(item.getKey()),
            volume.getName(),
            item.getKey());
      }
    }
  }

  private static void writeFile(Path file, String content, String volume, String key)
      throws IOException {
    if (content == null) {
      throw new PodStartException("volume " + volume + ": no key " + key);
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static String normalize(String path) {
    String normal = Path.of(path).normalize().toString();
    return normal.length() > 1 && normal.endsWith("/")
        ? normal.substring(0, normal.length() - 1)
        : normal;
  }
}
