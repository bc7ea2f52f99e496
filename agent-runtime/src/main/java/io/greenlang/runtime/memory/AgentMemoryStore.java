package io.greenlang.runtime.memory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The {@link MemoryStore} of one agent: short-term in Redis, long-term in PostgreSQL. */
public final class AgentMemoryStore implements MemoryStore {

  private final ShortTermMemory shortTerm;
  private final LongTermMemory longTerm;
  private final MemoryLimits limits;

  public AgentMemoryStore(ShortTermMemory shortTerm, LongTermMemory longTerm, MemoryLimits limits) {
    this.shortTerm = shortTerm;
    this.longTerm = longTerm;
    this.limits = limits;
  }

  @Override
  public ShortTermEntry remember(String conversation, JsonNode content) {
    return shortTerm.append(conversation, content);
  }

  @Override
  public List<ShortTermEntry> recent(String conversation, int limit) {
    return shortTerm.recent(conversation, limit);
  }

  @Override
  public void forget(String conversation) {
    shortTerm.clear(conversation);
  }

  @Override
  public Optional<MemoryEntry> record(String conversation, JsonNode content) {
    return longTerm.record(conversation, content);
  }

  @Override
  public Optional<MemoryEntry> recordOnce(
      String conversation, JsonNode content, JsonNode identity) {
    return longTerm.recordOnce(conversation, content, identity);
  }

  @Override
  public boolean delete(long id) {
    return longTerm.delete(id);
  }

  @Override
  public List<MemoryEntry> recall(String conversation, int limit) {
    return longTerm.recall(conversation, limit);
  }

  @Override
  public MemoryLimits limits() {
    return limits;
  }

  /** The long-term side, for {@link MemoryPruning}. */
  public LongTermMemory longTerm() {
    return longTerm;
  }
}
