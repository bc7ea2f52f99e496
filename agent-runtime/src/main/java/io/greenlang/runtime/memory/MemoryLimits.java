package io.greenlang.runtime.memory;

import io.greenlang.crds.agent.AgentMemory;
import java.time.Duration;

/**
 * The memory limits of one agent, from its {@code spec.memory} (defaults where it sets none).
 *
 * @param shortTermTtl how long short-term entries and an idle conversation are kept
 * @param shortTermMaxEntries short-term entries kept per conversation (0 keeps none)
 * @param longTermEnabled whether long-term memory is written
 * @param longTermRetention how long long-term entries are kept
 * @param longTermMaxEntries long-term entries kept per agent, the newest (0 keeps none)
 */
public record MemoryLimits(
    Duration shortTermTtl,
    int shortTermMaxEntries,
    boolean longTermEnabled,
    Duration longTermRetention,
    int longTermMaxEntries) {

  public MemoryLimits {
    if (shortTermTtl.isNegative() || shortTermTtl.isZero()) {
      throw new IllegalArgumentException("spec.memory.shortTermTtlSeconds must be positive");
    }
    if (shortTermMaxEntries < 0) {
      throw new IllegalArgumentException("spec.memory.shortTermMaxEntries must not be negative");
    }
    if (longTermRetention.isNegative() || longTermRetention.isZero()) {
      throw new IllegalArgumentException("spec.memory.longTermRetentionDays must be positive");
    }
    if (longTermMaxEntries < 0) {
      throw new IllegalArgumentException("spec.memory.longTermMaxEntries must not be negative");
    }
  }

  /** The limits an Agent's {@code spec.memory} sets; CRD defaults for what it leaves out. */
  public static MemoryLimits of(AgentMemory memory) {
    AgentMemory defaults = new AgentMemory();
    AgentMemory given = memory == null ? defaults : memory;
    return new MemoryLimits(
        Duration.ofSeconds(
            valueOr(given.getShortTermTtlSeconds(), defaults.getShortTermTtlSeconds())),
        valueOr(given.getShortTermMaxEntries(), defaults.getShortTermMaxEntries()),
        given.getLongTermEnabled() == null
            ? defaults.getLongTermEnabled()
            : given.getLongTermEnabled(),
        Duration.ofDays(
            valueOr(given.getLongTermRetentionDays(), defaults.getLongTermRetentionDays())),
        valueOr(given.getLongTermMaxEntries(), defaults.getLongTermMaxEntries()));
  }

  private static int valueOr(Integer value, Integer fallback) {
    return value == null ? fallback : value;
  }
}
