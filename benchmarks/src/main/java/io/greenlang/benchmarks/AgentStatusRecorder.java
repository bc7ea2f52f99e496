package io.greenlang.benchmarks;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentPhase;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the Agents of one namespace (a fabric8 informer in the benchmark process) and timestamps,
 * as events arrive, when each first reports a phase that says its workload exists: {@code
 * INITIALIZING} (Deployment created, no pod ready: the benchmark has no kubelet) or later {@code
 * READY}. Also counts the status writes it sees. Waiting reads these timestamps only.
 */
final class AgentStatusRecorder implements ResourceEventHandler<Agent>, AutoCloseable {
  /** Phases the operator sets only once the Deployment exists. */
  static final Set<AgentPhase> WORKLOAD_CREATED = Set.of(AgentPhase.INITIALIZING, AgentPhase.READY);

  private final FirstArrivals workloadCreated = new FirstArrivals();
  private final AtomicLong statusWrites = new AtomicLong();
  private final String namespace;
  private SharedIndexInformer<Agent> informer;

  private AgentStatusRecorder(String namespace) {
    this.namespace = namespace;
  }

  /** Starts watching the Agents in {@code namespace} of the API server of {@code client}. */
  static AgentStatusRecorder start(KubernetesClient client, String namespace) {
    AgentStatusRecorder recorder = new AgentStatusRecorder(namespace);
    recorder.informer = client.resources(Agent.class).inNamespace(namespace).inform(recorder, 0);
    return recorder;
  }

  @Override
  public void onAdd(Agent agent) {
    if (agent.getStatus() != null) {
      statusWrites.incrementAndGet();
    }
    record(agent);
  }

  @Override
  public void onUpdate(Agent old, Agent updated) {
    if (!Objects.equals(statusJson(old), statusJson(updated))) {
      statusWrites.incrementAndGet();
    }
    record(updated);
  }

  @Override
  public void onDelete(Agent agent, boolean deletedFinalStateUnknown) {
    // The benchmark never deletes Agents.
  }

  private void record(Agent agent) {
    if (agent.getStatus() != null && WORKLOAD_CREATED.contains(agent.getStatus().getPhase())) {
      workloadCreated.record(agent.getMetadata().getName(), System.nanoTime());
    }
  }

  long statusWrites() {
    return statusWrites.get();
  }

  /** How many of {@code names} have reported their workload at least once. */
  int createdCount(Collection<String> names) {
    return workloadCreated.count(names);
  }

  /** Waits until every named Agent has reported its workload; when the last one did, or empty. */
  OptionalLong awaitAll(Collection<String> names, Duration timeout) throws InterruptedException {
    return workloadCreated.awaitAll(names, timeout);
  }

  /** How long after {@code startNanos} the given percentages of {@code names} had got there. */
  Map<Integer, Duration> milestones(List<String> names, long startNanos, int... percents) {
    return workloadCreated.milestones(names, startNanos, percents);
  }

  /** Agents by phase now, as the informer cache holds them ({@code none} without a status). */
  Map<String, Long> phasesNow() {
    Map<String, Long> phases = new TreeMap<>();
    for (Agent agent : informer.getStore().list()) {
      String phase =
          agent.getStatus() == null || agent.getStatus().getPhase() == null
              ? "none"
              : agent.getStatus().getPhase().name();
      phases.merge(phase, 1L, Long::sum);
    }
    return phases;
  }

  /**
   * Up to {@code limit} groups of Agents without a workload yet, by the reason of their first false
   * condition ("no status" when the operator has not written one).
   */
  Map<String, Long> waitingReasons(Collection<String> names, int limit) {
    Map<String, Long> reasons = new TreeMap<>();
    for (String name : names) {
      if (workloadCreated.arrived(name)) {
        continue;
      }
      Agent agent = informer.getStore().getByKey(namespace + "/" + name);
      String reason =
          agent == null || agent.getStatus() == null
              ? "no status"
              : agent.getStatus().getConditions().stream()
                  .filter(c -> !c.isTrue())
                  .findFirst()
                  .map(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason())
                  .orElse("phase " + agent.getStatus().getPhase());
      reasons.merge(reason, 1L, Long::sum);
    }
    return reasons.entrySet().stream()
        .limit(limit)
        .collect(
            LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), LinkedHashMap::putAll);
  }

  private static String statusJson(Agent agent) {
    return agent.getStatus() == null ? null : Serialization.asJson(agent.getStatus());
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
  }
}
