package io.greenlang.operator.pipelinerun;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task ids this process published, per run, with when and until when. It keeps a task from
 * being published twice when the status write that recorded it was lost, tells a restarted
 * process's first pass which in-flight attempts it must publish again (those it does not know), and
 * times the dispatch latency of the results it sees.
 */
@ApplicationScoped
public class DispatchLedger {
  /** Marks a dispatch re-published after a restart, whose first publication time is unknown. */
  static final long UNKNOWN_NANOS = -1;

  private final Map<String, Map<String, Dispatch>> runs = new ConcurrentHashMap<>();

  Optional<Dispatch> find(String runUid, String taskId) {
    Map<String, Dispatch> run = runs.get(runUid);
    return run == null ? Optional.empty() : Optional.ofNullable(run.get(taskId));
  }

  void record(String runUid, String taskId, Dispatch dispatch) {
    runs.computeIfAbsent(runUid, uid -> new ConcurrentHashMap<>()).put(taskId, dispatch);
  }

  /** Forgets the run (finished or deleted). */
  void forget(String runUid) {
    runs.remove(runUid);
  }

  /**
   * One published task: when (status time), its deadline (null for none) and the monotonic clock at
   * publication ({@link #UNKNOWN_NANOS} for a re-publication).
   */
  record Dispatch(Instant at, Instant deadline, long nanos) {}
}
