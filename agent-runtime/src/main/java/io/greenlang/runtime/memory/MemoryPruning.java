package io.greenlang.runtime.memory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Prunes an agent's long-term memory by age and capacity every {@code
 * greenlang.memory.prune-interval}, so entries expire even when the agent writes nothing new. Every
 * replica of the agent runs it; the deletes are idempotent.
 */
public final class MemoryPruning implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(MemoryPruning.class);

  private final LongTermMemory memory;
  private final ScheduledExecutorService scheduler;

  private MemoryPruning(LongTermMemory memory, ScheduledExecutorService scheduler) {
    this.memory = memory;
    this.scheduler = scheduler;
  }

  /** Starts pruning now and then every {@code interval}. */
  public static MemoryPruning start(LongTermMemory memory, Duration interval) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "greenlang-memory-pruning");
              thread.setDaemon(true);
              return thread;
            });
    MemoryPruning pruning = new MemoryPruning(memory, scheduler);
    scheduler.scheduleWithFixedDelay(
        pruning::pruneOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return pruning;
  }

  private void pruneOnce() {
    try {
      LongTermMemory.PruneResult result = memory.prune();
      if (result.expired() + result.overCapacity() > 0) {
        LOG.infof(
            "Pruned long-term memory: %d entries past retention, %d beyond capacity",
            result.expired(), result.overCapacity());
      }
    } catch (RuntimeException e) {
      // The next pass tries again; a database that is down shows in readiness already.
      LOG.warnf("Pruning long-term memory failed: %s", e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
