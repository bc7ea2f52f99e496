package io.greenlang.crds.agent;

/** Agent lifecycle (DOMAIN.md, "Agent lifecycle"). */
public enum AgentPhase {
  UNINITIALIZED,
  INITIALIZING,
  READY,
  RUNNING,
  PAUSED,
  RESUMING,
  ERROR,
  TERMINATED
}
