package io.greenlang.operator.pipelinerun;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.pipeline.ConcurrencyPolicy;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantRunSlotsTest {
  private final TenantRunSlots slots = new TenantRunSlots();
  private final List<TenantRunSlots.RunView> cache = new ArrayList<>();

  private TenantRunSlots.RunView run(
      String name, String pipeline, RunPhase phase, int createdSecond, String reason) {
    TenantRunSlots.RunView view =
        new TenantRunSlots.RunView(
            new ResourceID(name, "gl-acme"),
            "gl-acme/" + pipeline,
            phase,
            Instant.parse("2026-03-01T10:00:00Z").plusSeconds(createdSecond),
            false,
            reason);
    cache.removeIf(v -> v.id().equals(view.id()));
    cache.add(view);
    return view;
  }

  private boolean admit(TenantRunSlots.RunView run, int limit, ConcurrencyPolicy policy) {
    return slots.admit("acme", run, limit, policy, List.copyOf(cache)).isEmpty();
  }

  @Test
  void atTheLimitRunsQueueAndTheOldestQueuedTakesTheFreedSlot() {
    assertThat(admit(run("r1", "p", null, 1, null), 2, ConcurrencyPolicy.Allow)).isTrue();
    // r1's Running status has not reached the cache yet: the admission itself counts.
    assertThat(admit(run("r2", "p", null, 2, null), 2, ConcurrencyPolicy.Allow)).isTrue();
    TenantRunSlots.RunView r3 = run("r3", "p", null, 3, null);
    assertThat(slots.admit("acme", r3, 2, ConcurrencyPolicy.Allow, List.copyOf(cache)))
        .hasValueSatisfying(
            q -> {
              assertThat(q.reason()).isEqualTo("TenantConcurrencyLimit");
              assertThat(q.message())
                  .isEqualTo(
                      "tenant acme has 2 of 2 concurrent runs (quota concurrentRuns); 0 queued before this one");
            });
    run("r1", "p", RunPhase.Running, 1, null);
    run("r2", "p", RunPhase.Running, 2, null);
    run("r3", "p", RunPhase.Queued, 3, "TenantConcurrencyLimit");
    TenantRunSlots.RunView r4 = run("r4", "p", RunPhase.Queued, 4, "TenantConcurrencyLimit");

    run("r1", "p", RunPhase.Succeeded, 1, null);

    assertThat(admit(r4, 2, ConcurrencyPolicy.Allow)).as("r4 waits behind r3").isFalse();
    assertThat(admit(r3, 2, ConcurrencyPolicy.Allow)).isTrue();
    assertThat(admit(r4, 2, ConcurrencyPolicy.Allow)).isFalse();
  }

  @Test
  void aDeletedOrFinishedRunHoldsNoSlot() {
    TenantRunSlots.RunView r1 = run("r1", "p", null, 1, null);
    assertThat(admit(r1, 1, ConcurrencyPolicy.Allow)).isTrue();
    cache.clear();
    assertThat(admit(run("r2", "p", null, 2, null), 1, ConcurrencyPolicy.Allow)).isTrue();
    slots.release("acme", new ResourceID("r2", "gl-acme"));
    assertThat(admit(run("r3", "p", null, 3, null), 1, ConcurrencyPolicy.Allow)).isTrue();
  }

  @Test
  void aReleasedRunFreesItsSlotBeforeItsFinishedStatusReachesTheCache() {
    run("r1", "p", RunPhase.Running, 1, null);
    TenantRunSlots.RunView r2 = run("r2", "p", RunPhase.Queued, 2, "TenantConcurrencyLimit");
    assertThat(admit(r2, 1, ConcurrencyPolicy.Allow)).isFalse();

    slots.release("acme", new ResourceID("r1", "gl-acme"));

    assertThat(admit(r2, 1, ConcurrencyPolicy.Allow)).as("the cache still says r1 runs").isTrue();
  }

  @Test
  void forbidQueuesRunsOfTheSamePipelineWhileOneIsActiveOrQueuedBefore() {
    run("r1", "cbam", RunPhase.Running, 1, null);
    TenantRunSlots.RunView r2 = run("r2", "cbam", null, 2, null);

    assertThat(slots.admit("acme", r2, 10, ConcurrencyPolicy.Forbid, List.copyOf(cache)))
        .hasValueSatisfying(
            q -> {
              assertThat(q.reason()).isEqualTo("WaitingForRun");
              assertThat(q.message())
                  .isEqualTo("Pipeline gl-acme/cbam forbids concurrent runs: waiting for run r1");
            });
    assertThat(admit(run("other", "ghg", null, 2, null), 10, ConcurrencyPolicy.Forbid)).isTrue();

    run("r1", "cbam", RunPhase.Succeeded, 1, null);
    run("r2", "cbam", RunPhase.Queued, 2, "WaitingForRun");
    TenantRunSlots.RunView r3 = run("r3", "cbam", RunPhase.Queued, 3, "WaitingForRun");
    assertThat(admit(r3, 10, ConcurrencyPolicy.Forbid))
        .as("r3 waits for r2, queued before it")
        .isFalse();
    assertThat(admit(r2, 10, ConcurrencyPolicy.Forbid)).isTrue();
  }
}
