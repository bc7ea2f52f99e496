package io.greenlang.operator.pipelinerun;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentTool;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipeline.StepCompensation;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.operator.pipeline.Reference;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Publishes the attempts of one run as {@link StepTask}s ({@code XADD} of field {@code payload} on
 * the agent's task stream): the tool is the step's, else the Agent's first; inputs are resolved
 * ({@link StepInputs}); the deadline is the publication time plus the step's timeoutSeconds (0 when
 * it has none; a compensation without one gets {@code compensation-timeout}).
 */
final class StepDispatcher implements StepLauncher {
  private static final Logger LOG = Logger.getLogger(StepDispatcher.class);
  static final String AGENT_NOT_FOUND = "AgentNotFound";
  static final String INPUT_RESOLUTION_FAILED = "InputResolutionFailed";

  private final PipelineRun run;
  private final String tenant;
  private final RedisCommands<String, String> redis;
  private final Function<String, Optional<Agent>> agents;
  private final Function<Reference, JsonNode> values;
  private final DispatchLedger ledger;
  private final Duration compensationTimeout;

  StepDispatcher(
      PipelineRun run,
      String tenant,
      RedisCommands<String, String> redis,
      Function<String, Optional<Agent>> agents,
      Function<Reference, JsonNode> values,
      DispatchLedger ledger,
      Duration compensationTimeout) {
    this.run = run;
    this.tenant = tenant;
    this.redis = redis;
    this.agents = agents;
    this.values = values;
    this.ledger = ledger;
    this.compensationTimeout = compensationTimeout;
  }

  @Override
  public Launch launch(StepAttempt attempt, Instant now) {
    String taskId = attempt.taskId(uid());
    Optional<DispatchLedger.Dispatch> known = ledger.find(uid(), taskId);
    if (known.isPresent()) {
      return new Published(known.get().at(), known.get().deadline());
    }
    // The time of publication itself, not of the pass: the pass read results and inputs first.
    Instant clock = Instant.now();
    Instant at = clock.isAfter(now) ? clock : now;
    Duration timeout = timeout(attempt);
    Instant deadline = timeout == null ? null : at.plus(timeout);
    long nanos = System.nanoTime();
    Optional<Refused> refused = publish(attempt, deadline);
    if (refused.isPresent()) {
      return refused.get();
    }
    ledger.record(uid(), taskId, new DispatchLedger.Dispatch(at, deadline, nanos));
    return new Published(at, deadline);
  }

  @Override
  public void resume(StepAttempt attempt, Instant dispatched, Instant deadline) {
    String taskId = attempt.taskId(uid());
    if (ledger.find(uid(), taskId).isPresent()) {
      return;
    }
    publish(attempt, deadline)
        .ifPresent(
            refused ->
                LOG.warnf(
                    "Run %s/%s: attempt %s not published again: %s",
                    run.getMetadata().getNamespace(),
                    run.getMetadata().getName(),
                    taskId,
                    refused.message()));
    // Recorded either way: one try per process, the attempt's deadline settles the rest.
    ledger.record(
        uid(),
        taskId,
        new DispatchLedger.Dispatch(dispatched, deadline, DispatchLedger.UNKNOWN_NANOS));
  }

  /** Publishes the attempt's task, or says why it cannot be. */
  private Optional<Refused> publish(StepAttempt attempt, Instant deadline) {
    PipelineStep step = attempt.step();
    StepCompensation compensation = attempt.compensation() ? step.getCompensation() : null;
    String agentName = compensation != null ? compensation.getAgent() : step.getAgent();
    Optional<Agent> agent = agents.apply(agentName);
    if (agent.isEmpty()) {
      return Optional.of(
          new Refused(
              AGENT_NOT_FOUND,
              attempt.field()
                  + ".agent: Agent \""
                  + agentName
                  + "\" not found in namespace "
                  + run.getMetadata().getNamespace()));
    }
    Map<String, Object> inputs;
    try {
      inputs =
          StepInputs.resolve(
              compensation != null ? compensation.getInputs() : step.getInputs(),
              values,
              attempt.field() + ".inputs");
    } catch (UnresolvedReferenceException e) {
      return Optional.of(new Refused(INPUT_RESOLUTION_FAILED, e.getMessage()));
    }
    StepTask task =
        new StepTask(
            attempt.taskId(uid()),
            tenant,
            run.getMetadata().getNamespace(),
            run.getMetadata().getName(),
            uid(),
            step.getName(),
            attempt.attempt(),
            agentName,
            tool(compensation != null ? compensation.getTool() : step.getTool(), agent.get()),
            inputs,
            attempt.compensation(),
            deadline == null ? 0 : deadline.toEpochMilli());
    redis.xadd(
        StepStreams.tasks(tenant, agentName),
        Map.of(StepStreams.PAYLOAD_FIELD, BusJson.task(task)));
    return Optional.empty();
  }

  /** The step's tool, else the Agent's first (C2); null lets the worker use the only one. */
  private static String tool(String named, Agent agent) {
    if (named != null) {
      return named;
    }
    List<AgentTool> tools = agent.getSpec() == null ? null : agent.getSpec().getTools();
    return tools == null || tools.isEmpty() ? null : tools.get(0).getName();
  }

  private Duration timeout(StepAttempt attempt) {
    Integer seconds = attempt.step().getTimeoutSeconds();
    if (seconds != null && seconds > 0) {
      return Duration.ofSeconds(seconds);
    }
    return attempt.compensation() ? compensationTimeout : null;
  }

  private String uid() {
    return run.getMetadata().getUid();
  }
}
