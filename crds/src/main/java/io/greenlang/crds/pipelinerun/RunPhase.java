package io.greenlang.crds.pipelinerun;

/** Phase of a run or of one of its steps. */
public enum RunPhase {
  Pending,
  Queued,
  Running,
  Succeeded,
  Failed,
  Skipped,
  Compensating,
  Compensated,
  Cancelled,
  TimedOut
}
