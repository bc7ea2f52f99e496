package io.greenlang.sandbox;

import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A PipelineRun's steps as a plain-text table: phase, attempts, duration and hashes. */
final class RunStepsTable {
  private static final String[] HEADER = {
    "STEP", "PHASE", "ATTEMPTS", "DURATION", "OUTPUT HASH", "PROVENANCE HASH", "REASON"
  };

  private RunStepsTable() {}

  static String render(PipelineRun run) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    if (run.getStatus() != null) {
      for (StepStatus step : run.getStatus().getSteps()) {
        rows.add(
            new String[] {
              step.getName(),
              String.valueOf(step.getPhase()),
              step.getAttempts() == null ? "0" : step.getAttempts().toString(),
              duration(step.getStartTime(), step.getCompletionTime()),
              shortHash(step.getOutputHash()),
              shortHash(step.getProvenanceHash()),
              step.getReason() == null ? "" : step.getReason()
            });
      }
    }
    return Columns.render(rows);
  }

  /** Start to completion in seconds with milliseconds, or "-". */
  static String duration(String start, String end) {
    if (start == null || end == null) {
      return "-";
    }
    try {
      Duration d = Duration.between(Instant.parse(start), Instant.parse(end));
      return String.format("%d.%03d s", d.toSeconds(), d.toMillisPart());
    } catch (DateTimeParseException e) {
      return "-";
    }
  }

  private static String shortHash(String hash) {
    return hash == null ? "-" : hash.length() > 16 ? hash.substring(0, 16) + "..." : hash;
  }
}
