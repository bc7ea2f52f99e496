package io.greenlang.operator.pipelinerun;

import java.time.Instant;

/**
 * Publishes step attempts as tasks on their agent's stream. The orchestration ({@link RunProgress})
 * decides what to publish; this side resolves the tool and inputs and talks to Redis, so the
 * orchestration can be tested without any server.
 */
interface StepLauncher {

  /**
   * Publishes the attempt, unless this process already published it (its status write was then
   * lost), in which case the earlier dispatch is returned.
   */
  Launch launch(StepAttempt attempt, Instant now);

  /**
   * Publishes again an attempt that the status records as in flight but this process never
   * published: the operator restarted. The worker answers the same task id from its store.
   */
  void resume(StepAttempt attempt, Instant dispatched, Instant deadline);

  /** The outcome of publishing. */
  sealed interface Launch {}

  /** Published at {@code at}; {@code deadline} is null when the step has no timeout. */
  record Published(Instant at, Instant deadline) implements Launch {}

  /** Not publishable: the agent is gone or an input cannot be resolved. */
  record Refused(String reason, String message) implements Launch {}
}
