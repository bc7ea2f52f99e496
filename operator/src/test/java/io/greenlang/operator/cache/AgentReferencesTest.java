package io.greenlang.operator.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentPhase;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.agent.AgentStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentReferencesTest {

  @Test
  void aReferenceKeepsIdentityGenerationAndTenantOnly() {
    Agent agent = fullAgent("calc-7", "gl-shared", "acme-steel");

    Agent reference = AgentReferences.reference(agent);

    assertThat(reference.getMetadata().getName()).isEqualTo("calc-7");
    assertThat(reference.getMetadata().getNamespace()).isEqualTo("gl-shared");
    assertThat(reference.getMetadata().getUid()).isEqualTo("uid-calc-7");
    assertThat(reference.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(reference.getMetadata().getGeneration()).isEqualTo(3L);
    assertThat(reference.getMetadata().getLabels()).isEmpty();
    assertThat(reference.getMetadata().getAnnotations()).isEmpty();
    assertThat(reference.getSpec().getTenant()).isEqualTo("acme-steel");
    assertThat(reference.getSpec().getDescription()).isNull();
    assertThat(reference.getStatus()).isNull();
  }

  @Test
  void theObjectHandedToEventHandlersStaysWhole() {
    Agent agent = fullAgent("calc-7", "gl-shared", "acme-steel");
    PrunedItemStore<Agent> store = new PrunedItemStore<>(AgentReferences::reference);

    store.put(store.getKey(agent), agent);

    assertThat(agent.getStatus().getPhase()).isEqualTo(AgentPhase.READY);
    assertThat(agent.getMetadata().getLabels()).containsKey("team");
    assertThat(agent.getSpec().getDescription()).isEqualTo("Scope 1 calculator");
  }

  @Test
  void theStoreKeysByNamespaceAndNameAndHoldsReferences() {
    PrunedItemStore<Agent> store = new PrunedItemStore<>(AgentReferences::reference);
    Agent first = fullAgent("calc-1", "gl-shared", "acme-steel");
    Agent second = fullAgent("calc-2", "gl-beta", null);

    assertThat(store.put(store.getKey(first), first)).isNull();
    store.put(store.getKey(second), second);
    Agent replaced = store.put(store.getKey(first), fullAgent("calc-1", "gl-shared", "acme-steel"));

    assertThat(store.getKey(first)).isEqualTo(Cache.metaNamespaceKeyFunc(first));
    assertThat(replaced.getStatus()).isNull();
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.keySet()).containsExactlyInAnyOrder("gl-shared/calc-1", "gl-beta/calc-2");
    assertThat(store.get("gl-beta/calc-2").getSpec().getTenant()).isNull();
    assertThat(store.values()).allSatisfy(a -> assertThat(a.getStatus()).isNull());
    assertThat(store.remove("gl-shared/calc-1").getMetadata().getName()).isEqualTo("calc-1");
    assertThat(store.size()).isEqualTo(1);
  }

  private static Agent fullAgent(String name, String namespace, String tenant) {
    Agent agent = new Agent();
    agent.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withUid("uid-" + name)
            .withResourceVersion("42")
            .withGeneration(3L)
            .withLabels(Map.of("team", "emissions"))
            .withAnnotations(Map.of("note", "x".repeat(2_000)))
            .build());
    AgentSpec spec = new AgentSpec();
    spec.setTenant(tenant);
    spec.setDescription("Scope 1 calculator");
    agent.setSpec(spec);
    AgentStatus status = new AgentStatus();
    status.setPhase(AgentPhase.READY);
    agent.setStatus(status);
    return agent;
  }
}
