package io.greenlang.crds.pipeline;

/** Workflow patterns (DOMAIN.md, "Workflow patterns"). */
public enum WorkflowPattern {
  /** One step. */
  SINGLE,
  /** Sequential steps; each output feeds the next. */
  PIPELINE,
  /** Fan-out of independent steps, then join. */
  PARALLEL,
  /** A DAG with dependsOn and when conditions. */
  ORCHESTRATION
}
