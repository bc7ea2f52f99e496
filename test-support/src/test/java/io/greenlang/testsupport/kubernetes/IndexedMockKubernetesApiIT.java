package io.greenlang.testsupport.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionPhase;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.region.RegionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The indexed mock API server answers every kind of request the operator sends exactly as the stock
 * one does: the same script against both gives the same observable results.
 */
class IndexedMockKubernetesApiIT {

  @Test
  void answersLikeTheStockServer() {
    try (MockKubernetesApi stock = MockKubernetesApi.start();
        MockKubernetesApi indexed = MockKubernetesApi.startIndexed(0)) {
      List<String> expected = script(stock.client());
      // The script exercises what matters: a conflicting create, a missing object, a finalizer.
      assertThat(expected).contains("HTTP 409", "null", "true", "Ready", "events 2");
      assertThat(script(indexed.client())).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void countsStoredObjectsByResource() {
    try (MockKubernetesApi indexed = MockKubernetesApi.startIndexed(0)) {
      KubernetesClient client = indexed.client();
      client.configMaps().resource(configMap("ns-a", "one", "tier", "even")).create();
      client.configMaps().resource(configMap("ns-b", "two", "tier", "odd")).create();
      client.configMaps().inNamespace("ns-b").withName("two").delete();
      client.configMaps().resource(configMap("ns-b", "three", "tier", "odd")).create();

      assertThat(indexed.storedObjects())
          .containsEntry("configmaps", 2L)
          .containsEntry("customresourcedefinitions", 5L);
    }
  }

  /** Creates, reads, patches, lists, watches and deletes; returns what a client observed. */
  private static List<String> script(KubernetesClient client) {
    List<String> seen = new ArrayList<>();
    List<String> watched = new CopyOnWriteArrayList<>();
    Watch watch = client.configMaps().inNamespace("ns-a").watch(recorder(watched));

    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("ns-a").endMetadata().build())
        .create();
    for (String namespace : List.of("ns-a", "ns-b")) {
      for (int i = 0; i < 3; i++) {
        client
            .configMaps()
            .resource(configMap(namespace, "cm-" + i, "tier", i % 2 == 0 ? "even" : "odd"))
            .create();
      }
    }
    seen.add(describe(client.configMaps().inNamespace("ns-a").withName("cm-1").get()));
    seen.add(describe(client.configMaps().inNamespace("ns-b").withName("cm-1").get()));
    seen.add(String.valueOf(client.configMaps().inNamespace("ns-a").withName("missing").get()));
    seen.add(describe(client.namespaces().withName("ns-a").get()));
    seen.add(
        attempt(
            () -> client.configMaps().resource(configMap("ns-a", "cm-0", "tier", "x")).create()));

    client.configMaps().inNamespace("ns-a").withName("cm-2").edit(c -> withData(c, "k", "v"));
    seen.add(describe(client.configMaps().inNamespace("ns-a").withName("cm-2").get()));
    seen.add(
        names(client.configMaps().inNamespace("ns-a").withLabel("tier", "even").list().getItems()));
    seen.add(
        names(client.configMaps().inAnyNamespace().withLabel("tier", "odd").list().getItems()));

    Region region = new Region();
    region.setMetadata(
        new ObjectMetaBuilder().withName("eu").withFinalizers("greenlang.io/test").build());
    region.setSpec(new RegionSpec());
    region.getSpec().setCode(RegionCode.EU);
    client.resource(region).create();
    client.resources(Region.class).withName("eu").editStatus(r -> withPhase(r, RegionPhase.Ready));
    seen.add(
        String.valueOf(client.resources(Region.class).withName("eu").get().getStatus().getPhase()));
    client.resources(Region.class).withName("eu").delete();
    seen.add(
        String.valueOf(client.resources(Region.class).withName("eu").get().isMarkedForDeletion()));
    client.resources(Region.class).withName("eu").edit(r -> withoutFinalizers(r));
    seen.add(String.valueOf(client.resources(Region.class).withName("eu").get()));

    client.configMaps().inNamespace("ns-a").withName("cm-0").delete();
    seen.add(String.valueOf(client.configMaps().inNamespace("ns-a").withName("cm-0").get()));
    seen.add(names(client.configMaps().inNamespace("ns-a").list().getItems()));
    client.configMaps().resource(configMap("ns-a", "cm-0", "tier", "again")).create();
    seen.add(describe(client.configMaps().inNamespace("ns-a").withName("cm-0").get()));

    for (int i = 0; i < 2; i++) {
      // Only generateName, as the operator's Events: the server names them.
      client
          .v1()
          .events()
          .inNamespace("ns-a")
          .resource(
              new io.fabric8.kubernetes.api.model.EventBuilder()
                  .withNewMetadata()
                  .withGenerateName("cm-0.")
                  .withNamespace("ns-a")
                  .endMetadata()
                  .withReason("Tested")
                  .build())
          .create();
    }
    seen.add("events " + client.v1().events().inNamespace("ns-a").list().getItems().size());

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> watched.size() >= 6);
    watch.close();
    seen.add(String.join(",", watched));
    return seen;
  }

  private static ConfigMap configMap(String namespace, String name, String label, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withLabels(Map.of(label, value))
        .endMetadata()
        .withData(Map.of("name", name))
        .build();
  }

  private static ConfigMap withData(ConfigMap configMap, String key, String value) {
    configMap.getData().put(key, value);
    return configMap;
  }

  private static Region withPhase(Region region, RegionPhase phase) {
    region.setStatus(new RegionStatus());
    region.getStatus().setPhase(phase);
    return region;
  }

  private static Region withoutFinalizers(Region region) {
    region.getMetadata().setFinalizers(List.of());
    return region;
  }

  private static String attempt(Runnable action) {
    try {
      action.run();
      return "ok";
    } catch (KubernetesClientException e) {
      return "HTTP " + e.getCode();
    }
  }

  private static String describe(HasMetadata object) {
    if (object == null) {
      return "null";
    }
    ObjectMeta meta = object.getMetadata();
    String data =
        object instanceof ConfigMap c ? String.valueOf(new java.util.TreeMap<>(c.getData())) : "";
    return object.getKind()
        + " "
        + meta.getNamespace()
        + "/"
        + meta.getName()
        + " "
        + meta.getLabels()
        + " "
        + data;
  }

  private static String names(List<? extends HasMetadata> objects) {
    return objects.stream()
        .map(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
        .sorted()
        .toList()
        .toString();
  }

  private static Watcher<ConfigMap> recorder(List<String> events) {
    Function<ConfigMap, String> name = c -> c.getMetadata().getName();
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        events.add(action + " " + name.apply(resource));
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }
}
