package io.greenlang.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.testsupport.RedisServerAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the E2E scenarios run: the local platform (mock API, operator process, local kubelet, this
 * machine's PostgreSQL and Redis), or a real cluster with the chart installed, chosen with {@code
 * -De2e.kubeconfig=<file>} (docs/operations/real-cluster-e2e.md).
 */
interface E2EPlatform extends AutoCloseable {

  KubernetesClient client();

  /** A Ready Region the scenarios create their tenants in. */
  String region();

  /** Names of the ready pods of an Agent's Deployment. */
  List<String> readyPods(String namespace, String agent);

  /** Ends the pod at once (SIGKILL, or a forced delete); its Deployment replaces it. */
  void kill(String namespace, String pod) throws Exception;

  /** Whether {@link #freeze} works here (local processes only). */
  boolean canFreeze();

  /** Stops the pod's process without ending it (SIGSTOP), so it holds what it has read. */
  void freeze(String namespace, String pod) throws Exception;

  /** Lets a frozen pod run again (SIGCONT). */
  void thaw(String namespace, String pod) throws Exception;

  /** An administrator connection to a tenant's database, when the tests can reach the server. */
  Optional<Connection> database(String name) throws SQLException;

  /** The tenants' Redis server, when the tests can reach it. */
  Optional<RedisServerAddress> redis();

  /** After how long an unacknowledged task of a dead worker is reclaimed by another. */
  Duration claimIdleTime();

  /** How long a scenario waits for a run. */
  Duration runTimeout();

  @Override
  void close() throws Exception;
}
