package io.greenlang.benchmarks;

import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests the mock API servers receive, by verb and resource ("GET configmaps"), by
 * draining their recorded-request queues every second; draining also keeps those queues, which the
 * mock server never empties itself, from filling the benchmark's heap.
 */
final class ApiRequestCounter implements AutoCloseable {
  private final List<MockKubernetesApi> servers;
  private final Map<String, LongAdder> byVerbAndResource = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  private ApiRequestCounter(List<MockKubernetesApi> servers) {
    this.servers = servers;
  }

  static ApiRequestCounter start(List<MockKubernetesApi> servers) {
    ApiRequestCounter counter = new ApiRequestCounter(servers);
    counter.timer.scheduleWithFixedDelay(counter::drain, 1, 1, TimeUnit.SECONDS);
    return counter;
  }

  private synchronized void drain() {
    for (MockKubernetesApi server : servers) {
      for (String request : server.takeRequests()) {
        byVerbAndResource.computeIfAbsent(classify(request), k -> new LongAdder()).increment();
      }
    }
  }

  /** Counts so far, busiest first, after draining what is still queued. */
  synchronized Map<String, Long> snapshot() {
    drain();
    Map<String, Long> sorted = new LinkedHashMap<>();
    byVerbAndResource.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue().sum()));
    return sorted;
  }

  /** "GET /api/v1/namespaces/gl-shared/configmaps/x?..." becomes "GET configmaps". */
  static String classify(String request) {
    int space = request.indexOf(' ');
    String verb = request.substring(0, space);
    String path = request.substring(space + 1);
    int query = path.indexOf('?');
    boolean watch = query >= 0 && path.substring(query).contains("watch=true");
    String[] segments = (query < 0 ? path : path.substring(0, query)).split("/");
    // /api/v1/... or /apis/<group>/<version>/...: the resource follows, after namespaces/<ns>.
    int i = segments.length > 1 && segments[1].equals("api") ? 3 : 4;
    if (segments.length > i + 1 && segments[i].equals("namespaces") && segments.length > i + 2) {
      i += 2;
    }
    String resource = i < segments.length ? segments[i] : path;
    boolean status = segments.length > i + 2 && segments[i + 2].equals("status");
    return verb + " " + resource + (status ? "/status" : "") + (watch ? " (watch)" : "");
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
