package io.greenlang.runtime.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless threads of this JVM are deadlocked: a deadlock never resolves by itself, so the
 * container must be restarted. Unavailable dependencies are a readiness matter, never a liveness
 * one, or a database outage would restart every pod.
 */
@Liveness
@ApplicationScoped
public class ThreadDeadlockLivenessCheck implements HealthCheck {

  /** The name this check reports under in {@code /q/health}. */
  public static final String NAME = "thread-deadlocks";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  @Override
  public HealthCheckResponse call() {
    long[] deadlocked = threads.findDeadlockedThreads();
    if (deadlocked == null) {
      return HealthCheckResponse.up(NAME);
    }
    String names =
        Arrays.stream(threads.getThreadInfo(deadlocked))
            .filter(Objects::nonNull)
            .map(ThreadInfo::getThreadName)
            .collect(Collectors.joining(", "));
    return HealthCheckResponse.named(NAME).down().withData("deadlocked-threads", names).build();
  }
}
