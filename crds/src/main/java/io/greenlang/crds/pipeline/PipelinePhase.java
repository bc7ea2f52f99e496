package io.greenlang.crds.pipeline;

/** Whether a Pipeline can be run. */
public enum PipelinePhase {
  Pending,
  Valid,
  Invalid
}
