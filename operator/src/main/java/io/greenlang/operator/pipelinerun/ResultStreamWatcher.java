package io.greenlang.operator.pipelinerun;

import io.greenlang.operator.region.RedisEndpoint;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.UnblockType;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One thread per Redis server that waits on the result streams of the runs in flight there, with
 * blocking {@code XREAD} over all of them at once, and reports each run that got an entry. A stream
 * added while the read blocks is taken in at once: the read is interrupted with {@code CLIENT
 * UNBLOCK} (or, without that right, at the end of the block time).
 */
final class ResultStreamWatcher implements Runnable {
  private static final Logger LOG = Logger.getLogger(ResultStreamWatcher.class);
  private static final int MAX_ENTRIES_PER_READ = 500;
  private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
  private static final int WAKE_TRIES = 50;

  private final StepBusConnections connections;
  private final Duration block;
  private final Consumer<ResourceID> onEntries;
  private final ExecutorService waker;
  private final Map<String, Watched> streams = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private volatile long readGeneration = -1;
  private volatile RedisEndpoint endpoint;
  private volatile long clientId = -1;
  private volatile boolean running = true;
  private Thread thread;

  ResultStreamWatcher(
      RedisEndpoint endpoint,
      StepBusConnections connections,
      Duration block,
      Consumer<ResourceID> onEntries,
      ExecutorService waker) {
    this.endpoint = endpoint;
    this.connections = connections;
    this.block = block;
    this.onEntries = onEntries;
    this.waker = waker;
  }

  void start(String name) {
    thread = new Thread(this, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Watches {@code stream} for entries after {@code afterId}; keeps a later id already known. */
  void watch(RedisEndpoint current, String stream, ResourceID run, String afterId) {
    endpoint = current;
    boolean added = !streams.containsKey(stream);
    streams.merge(
        stream,
        new Watched(run, afterId),
        (old, fresh) -> new Watched(run, StreamIds.later(old.afterId, fresh.afterId)));
    if (added) {
      wake();
    }
  }

  void unwatch(String stream) {
    streams.remove(stream);
  }

  boolean isIdle() {
    return streams.isEmpty();
  }

  void stop() {
    running = false;
    wake();
    synchronized (this) {
      notifyAll();
    }
  }

  @Override
  public void run() {
    while (running) {
      try (StatefulRedisConnection<String, String> connection =
          connections.openBlocking(endpoint, block)) {
        clientId = connection.sync().clientId();
        readUntilStopped(connection);
      } catch (RuntimeException e) {
        if (running) {
          LOG.warnf("Result streams on %s: %s; reading again", endpoint.describe(), e.getMessage());
          pause(RECONNECT_PAUSE);
        }
      } finally {
        clientId = -1;
      }
    }
  }

  private void readUntilStopped(StatefulRedisConnection<String, String> connection) {
    while (running) {
      readGeneration = generation.get();
      if (streams.isEmpty()) {
        synchronized (this) {
          if (streams.isEmpty() && running) {
            waitQuietly(block);
          }
        }
        continue;
      }
      List<XReadArgs.StreamOffset<String>> offsets =
          streams.entrySet().stream()
              .map(e -> XReadArgs.StreamOffset.from(e.getKey(), e.getValue().afterId))
              .toList();
      List<StreamMessage<String, String>> entries =
          connection
              .sync()
              .xread(
                  XReadArgs.Builder.block(block).count(MAX_ENTRIES_PER_READ),
                  offsets.toArray(XReadArgs.StreamOffset[]::new));
      Set<ResourceID> touched = new LinkedHashSet<>();
      for (StreamMessage<String, String> entry :
          entries == null ? List.<StreamMessage<String, String>>of() : entries) {
        Watched watched =
            streams.computeIfPresent(
                entry.getStream(),
                (stream, w) -> new Watched(w.run, StreamIds.later(w.afterId, entry.getId())));
        if (watched != null) {
          touched.add(watched.run);
        }
      }
      touched.forEach(onEntries);
    }
  }

  /**
   * Interrupts a blocked read so it starts again with the current streams; retried briefly in case
   * the read was about to be sent.
   */
  private void wake() {
    long wanted = generation.incrementAndGet();
    synchronized (this) {
      notifyAll();
    }
    waker.execute(
        () -> {
          for (int i = 0; i < WAKE_TRIES && running && readGeneration < wanted; i++) {
            long id = clientId;
            if (id >= 0) {
              try {
                connections.commands(endpoint).clientUnblock(id, UnblockType.TIMEOUT);
              } catch (RuntimeException noRight) {
                LOG.debugf(
                    "CLIENT UNBLOCK refused on %s: %s", endpoint.describe(), noRight.getMessage());
                return;
              }
            }
            pause(Duration.ofMillis(10));
          }
        });
  }

  private void waitQuietly(Duration duration) {
    try {
      wait(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Watched(ResourceID run, String afterId) {}
}
