package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.operator.events.EventReason;

/** Why a run stops before all its steps succeeded, and how it ends after compensation. */
enum StopReason {
  Failed(RunPhase.Failed, EventReason.RunFailed, "the run failed"),
  Cancelled(RunPhase.Cancelled, EventReason.RunCancelled, "the run was cancelled"),
  TimedOut(RunPhase.TimedOut, EventReason.RunTimedOut, "the run timed out");

  final RunPhase phase;
  final EventReason event;
  final String sentence;

  StopReason(RunPhase phase, EventReason event, String sentence) {
    this.phase = phase;
    this.event = event;
    this.sentence = sentence;
  }
}
