package io.greenlang.benchmarks.llm;

import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A closed-loop throughput run: {@code callers} threads each call as fast as answers come back for
 * a fixed time; completed calls per second, their latencies, and failures.
 */
record Throughput(double perSecond, LatencySamples latency, long errors) {

  static Throughput run(
      Consumer<ChatRequest> client, ChatRequest request, int callers, Duration duration)
      throws InterruptedException {
    LatencySamples latency = new LatencySamples();
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long before = System.nanoTime();
                  try {
                    client.accept(request);
                    latency.add(System.nanoTime() - before);
                    completed.incrementAndGet();
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                  }
                }
              },
              "llm-benchmark-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Throughput(completed.get() / elapsed, latency, errors.get());
  }
}
