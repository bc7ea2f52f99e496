package io.greenlang.runtime.worker;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One consumer of an agent's task stream: a thread that reclaims tasks of stopped consumers every
 * {@code reclaim-interval}, reads new tasks one at a time and hands each to the {@link
 * TaskProcessor}. It survives Redis and PostgreSQL outages (the task stays pending and comes back)
 * and stops gracefully: no new reads, the current task finished within the grace period, or else
 * dropped unacknowledged for another worker to reclaim.
 */
public final class StepWorker {

  private static final Logger LOG = Logger.getLogger(StepWorker.class);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration LAST_BACKOFF = Duration.ofSeconds(30);
  private static final int MAX_RECLAIMED_PER_PASS = 100;

  /** Where the worker is in its life. */
  public enum State {
    NEW,
    RUNNING,
    STOPPING,
    STOPPED
  }

  private final String consumer;
  private final RedisClient client;
  private final String tenant;
  private final String agent;
  private final TaskProcessor processor;
  private final WorkerMetrics metrics;
  private final WorkerSettings settings;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final ScheduledExecutorService heartbeats;
  private final Thread thread;
  private volatile State state = State.NEW;
  private volatile boolean abandoned;
  private volatile Instant lastLoop = Instant.now();
  private volatile StatefulRedisConnection<String, String> connection;
  private final AtomicBoolean connectionClosed = new AtomicBoolean();

  StepWorker(
      String consumer,
      RedisClient client,
      String tenant,
      String agent,
      TaskProcessor processor,
      WorkerMetrics metrics,
      WorkerSettings settings) {
    this.consumer = consumer;
    this.client = client;
    this.tenant = tenant;
    this.agent = agent;
    this.processor = processor;
    this.metrics = metrics;
    this.settings = settings;
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread heartbeat = new Thread(runnable, "greenlang-claims-" + consumer);
              heartbeat.setDaemon(true);
              return heartbeat;
            });
    this.thread = new Thread(this::loop, "greenlang-step-worker-" + consumer);
  }

  /** The consumer name in group {@code workers}: host name plus a random suffix. */
  public String consumer() {
    return consumer;
  }

  public State state() {
    return state;
  }

  /** Whether the loop thread runs and has not been told to stop. */
  public boolean isAlive() {
    return state == State.RUNNING && thread.isAlive();
  }

  /** When the loop last started an iteration (a read, a reclaim pass or a retry). */
  public Instant lastLoop() {
    return lastLoop;
  }

  /** Starts the loop thread. */
  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("Worker " + consumer + " was started already");
    }
    state = State.RUNNING;
    thread.start();
  }

  /**
   * Stops reading and waits up to {@code grace} for the current task to be finished; a task not
   * finished by then is dropped unacknowledged (its result, if stored, stays stored) and another
   * worker reclaims it after the claim idle time. {@code Duration.ZERO} drops it at once, as a
   * crash would.
   *
   * @return true when the worker finished its current task (or had none)
   */
  public boolean stop(Duration grace) {
    synchronized (this) {
      if (state == State.NEW) {
        state = State.STOPPED;
        heartbeats.shutdownNow();
        return true;
      }
      if (state == State.RUNNING) {
        state = State.STOPPING;
      }
    }
    stopSignal.countDown();
    boolean finished = join(grace);
    if (!finished) {
      abandoned = true;
      heartbeats.shutdownNow();
      thread.interrupt();
      // Unblocks a pending XREADGROUP; the loop then ends.
      closeConnection();
      join(Duration.ofSeconds(5));
    }
    return finished;
  }

  private boolean join(Duration timeout) {
    try {
      thread.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  private boolean stopping() {
    return state != State.RUNNING;
  }

  private void loop() {
    LOG.infof("Step worker %s consumes %s", consumer, "t:" + tenant + ":agent:" + agent + ":tasks");
    Duration backoff = FIRST_BACKOFF;
    boolean groupReady = false;
    long nextReclaim = 0;
    AgentTaskStream stream = null;
    try {
      while (!stopping()) {
        lastLoop = Instant.now();
        try {
          if (stream == null) {
            connection = client.connect();
            stream = new AgentTaskStream(connection.sync(), tenant, agent, settings);
          }
          if (!groupReady) {
            stream.ensureGroup();
            groupReady = true;
          }
          if (System.currentTimeMillis() >= nextReclaim) {
            reclaim(stream);
            metrics.pending(stream.pending());
            stream.removeIdleConsumers(settings.consumerExpiry());
            nextReclaim = System.currentTimeMillis() + settings.reclaimInterval().toMillis();
          }
          for (StreamMessage<String, String> entry : stream.readNew(consumer)) {
            processor.process(entry, 1, stream, consumer, heartbeats, () -> abandoned);
          }
          backoff = FIRST_BACKOFF;
        } catch (TaskProcessor.TaskAbandoned e) {
          break;
        } catch (Exception e) {
          if (abandoned) {
            break;
          }
          if (e instanceof RuntimeException runtime && AgentTaskStream.isMissingGroup(runtime)) {
            groupReady = false;
            continue;
          }
          LOG.warnf(
              "Step worker %s: %s; retrying in %d ms (an unacknowledged task is delivered again)",
              consumer, e, backoff.toMillis());
          if (stopSignal.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            break;
          }
          backoff =
              backoff.multipliedBy(2).compareTo(LAST_BACKOFF) > 0
                  ? LAST_BACKOFF
                  : backoff.multipliedBy(2);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      heartbeats.shutdownNow();
      closeConnection();
      state = State.STOPPED;
      LOG.infof("Step worker %s stopped%s", consumer, abandoned ? " (current task dropped)" : "");
    }
  }

  private void closeConnection() {
    StatefulRedisConnection<String, String> open = connection;
    if (open != null && connectionClosed.compareAndSet(false, true)) {
      open.closeAsync();
    }
  }

  /** Takes over tasks that stopped consumers left pending, one at a time. */
  private void reclaim(AgentTaskStream stream) throws java.sql.SQLException {
    String from = "0-0";
    int reclaimed = 0;
    do {
      ClaimedMessages<String, String> page = stream.claimIdle(consumer, from);
      for (StreamMessage<String, String> entry : page.getMessages()) {
        long deliveries = stream.deliveries(entry.getId());
        if (deliveries == 0) {
          // Acknowledged by its previous consumer in the meantime.
          continue;
        }
        metrics.reclaimed();
        reclaimed++;
        processor.process(entry, deliveries, stream, consumer, heartbeats, () -> abandoned);
      }
      from = page.getId();
    } while (!AgentTaskStream.SCAN_COMPLETE.equals(from)
        && reclaimed < MAX_RECLAIMED_PER_PASS
        && !stopping());
  }
}
