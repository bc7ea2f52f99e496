package io.greenlang.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Applies the YAML manifests of a folder in file-name order, as {@code kubectl apply -f DIR} would.
 */
final class ManifestApplier {
  private final KubernetesClient client;

  ManifestApplier(KubernetesClient client) {
    this.client = client;
  }

  /** Creates or updates every object in every {@code *.yaml} file of the folder; returns them. */
  List<HasMetadata> applyFolder(Path folder) throws IOException {
    return apply(load(folder));
  }

  /** The objects of every {@code *.yaml} file of the folder, in file-name order. */
  List<HasMetadata> load(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<HasMetadata> objects = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        objects.addAll(client.load(in).items());
      }
    }
    return objects;
  }

  /** Creates or updates the objects in order (namespaces created as needed); returns them. */
  List<HasMetadata> apply(List<HasMetadata> objects) {
    List<HasMetadata> applied = new ArrayList<>();
    for (HasMetadata object : objects) {
      ensureNamespace(object.getMetadata().getNamespace());
      applied.add(client.resource(object).createOr(NonDeletingOperation::update));
    }
    return applied;
  }

  void ensureNamespace(String namespace) {
    if (namespace != null && client.namespaces().withName(namespace).get() == null) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }
}
