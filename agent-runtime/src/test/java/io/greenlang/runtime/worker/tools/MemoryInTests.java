package io.greenlang.runtime.worker.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.memory.MemoryEntry;
import io.greenlang.runtime.memory.MemoryLimits;
import io.greenlang.runtime.memory.MemoryStore;
import io.greenlang.runtime.memory.ShortTermEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Long-term memory in a list, for unit tests of the memory tools; {@code LongTermMemoryIT} and
 * {@code MemorySagaIT} show the same behaviour on PostgreSQL. Short-term memory is not used by the
 * tools and is refused.
 */
public final class MemoryInTests implements MemoryStore {

  public final List<MemoryEntry> entries = new ArrayList<>();
  private final boolean enabled;
  private long next = 1;

  public MemoryInTests(boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public Optional<MemoryEntry> recordOnce(
      String conversation, JsonNode content, JsonNode identity) {
    if (!enabled) {
      return Optional.empty();
    }
    for (MemoryEntry entry : entries) {
      boolean holds = true;
      for (var member : identity.properties()) {
        holds &= member.getValue().equals(entry.content().get(member.getKey()));
      }
      if (holds) {
        return Optional.of(entry);
      }
    }
    return record(conversation, content);
  }

  @Override
  public Optional<MemoryEntry> record(String conversation, JsonNode content) {
    MemoryEntry entry = new MemoryEntry(next++, conversation, content, Instant.EPOCH);
    entries.add(entry);
    return Optional.of(entry);
  }

  @Override
  public boolean delete(long id) {
    return entries.removeIf(entry -> entry.id() == id);
  }

  @Override
  public List<MemoryEntry> recall(String conversation, int limit) {
    return List.copyOf(entries);
  }

  @Override
  public MemoryLimits limits() {
    return MemoryLimits.of(null);
  }

  @Override
  public ShortTermEntry remember(String conversation, JsonNode content) {
    throw new UnsupportedOperationException("the memory tools use long-term memory");
  }

  @Override
  public List<ShortTermEntry> recent(String conversation, int limit) {
    throw new UnsupportedOperationException("the memory tools use long-term memory");
  }

  @Override
  public void forget(String conversation) {
    throw new UnsupportedOperationException("the memory tools use long-term memory");
  }
}
