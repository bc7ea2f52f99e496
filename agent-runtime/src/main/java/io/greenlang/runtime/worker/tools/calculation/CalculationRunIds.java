package io.greenlang.runtime.worker.tools.calculation;

import io.greenlang.crds.runtime.StepTask;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The calculation run id of a step task: a name-based UUID of the tenant and task id, so every
 * execution of one task (a redelivery, a worker that died after calculating) names the same run and
 * the calculation is stored once; another attempt, step or PipelineRun gets another run.
 */
public final class CalculationRunIds {

  private CalculationRunIds() {}

  public static UUID of(StepTask task) {
    return UUID.nameUUIDFromBytes(
        ("greenlang/step-calculation/" + task.tenant() + "/" + task.taskId())
            .getBytes(StandardCharsets.UTF_8));
  }
}
