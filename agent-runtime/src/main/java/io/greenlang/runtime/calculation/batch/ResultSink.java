package io.greenlang.runtime.calculation.batch;

/**
 * Where a run's results go as they are chained: PostgreSQL in the runtime, memory in tests. A
 * buffering sink is flushed by whoever started the run, after it returns.
 */
@FunctionalInterface
public interface ResultSink {

  /** Takes one result; called in chain order. */
  void accept(ResultRecord record);
}
