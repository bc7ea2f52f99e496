package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.operator.region.RedisEndpoint;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The java-operator-sdk event source through which step results reach the PipelineRun reconciler:
 * the reconciler registers the result stream of each run it waits on, a {@link ResultStreamWatcher}
 * per Redis server blocks on those streams, and every new entry triggers a reconcile of its run,
 * which then reads the stream itself. No polling of the API server, no timer. A deleted run's
 * stream is dropped and the reconciler told, so its dispatch stops.
 */
public class RunResultEventSource extends AbstractEventSource<Void, PipelineRun>
    implements ResourceEventAware<PipelineRun> {
  private final StepBusConnections connections;
  private final Duration block;
  private final Consumer<PipelineRun> onDeleted;
  private final Map<String, ResultStreamWatcher> watchers = new HashMap<>();
  private final Map<ResourceID, Registration> registrations = new HashMap<>();
  private ExecutorService waker;

  public RunResultEventSource(
      StepBusConnections connections, Duration block, Consumer<PipelineRun> onDeleted) {
    super(Void.class, "run-results");
    this.connections = connections;
    this.block = block;
    this.onDeleted = onDeleted;
  }

  @Override
  public synchronized void start() throws OperatorException {
    waker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "run-results-waker");
              thread.setDaemon(true);
              return thread;
            });
    super.start();
  }

  @Override
  public synchronized void stop() throws OperatorException {
    watchers.values().forEach(ResultStreamWatcher::stop);
    watchers.clear();
    registrations.clear();
    if (waker != null) {
      waker.shutdownNow();
    }
    super.stop();
  }

  /** Triggers a reconcile of {@code run} for each entry after {@code afterId} on its stream. */
  public synchronized void watch(
      ResourceID run, RedisEndpoint endpoint, String stream, String afterId) {
    if (!isRunning()) {
      return;
    }
    String server = StepBusConnections.key(endpoint);
    Registration before = registrations.put(run, new Registration(server, stream));
    if (before != null && !before.equals(new Registration(server, stream))) {
      release(before);
    }
    ResultStreamWatcher watcher =
        watchers.computeIfAbsent(
            server,
            key -> {
              ResultStreamWatcher created =
                  new ResultStreamWatcher(endpoint, connections, block, this::propagate, waker);
              created.start("run-results-" + endpoint.describe());
              return created;
            });
    watcher.watch(endpoint, stream, run, afterId);
  }

  /** Stops watching the run's stream (finished or deleted run). */
  public synchronized void unwatch(ResourceID run) {
    Registration registration = registrations.remove(run);
    if (registration != null) {
      release(registration);
    }
  }

  public synchronized boolean isWatching(ResourceID run) {
    return registrations.containsKey(run);
  }

  @Override
  public void onResourceDeleted(PipelineRun run) {
    unwatch(ResourceID.fromResource(run));
    onDeleted.accept(run);
  }

  @Override
  public Set<Void> getSecondaryResources(PipelineRun primary) {
    return Set.of();
  }

  private void propagate(ResourceID run) {
    if (isRunning()) {
      getEventHandler().handleEvent(new Event(run));
    }
  }

  private void release(Registration registration) {
    ResultStreamWatcher watcher = watchers.get(registration.server());
    if (watcher != null) {
      watcher.unwatch(registration.stream());
    }
  }

  private record Registration(String server, String stream) {}
}
