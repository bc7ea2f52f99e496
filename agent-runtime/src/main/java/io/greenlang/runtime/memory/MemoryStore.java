package io.greenlang.runtime.memory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * An agent's memory as its tools see it (docs/runtime/memory.md): short-term memory of a
 * conversation in Redis, which expires, and long-term (episodic) memory in PostgreSQL, kept for the
 * agent's retention period up to its capacity. Bound to one tenant and agent; a tool can reach no
 * other's.
 */
public interface MemoryStore {

  /**
   * Appends an entry to the conversation's short-term memory. Entries older than {@code
   * spec.memory.shortTermTtlSeconds} and all but the newest {@code shortTermMaxEntries} are
   * dropped; the conversation expires that long after its last entry.
   *
   * @param conversation the conversation id ({@link ConversationId#requireValid})
   * @return the entry, stamped with the time it was remembered; not kept when {@code
   *     shortTermMaxEntries} is 0
   */
  ShortTermEntry remember(String conversation, JsonNode content);

  /** The newest {@code limit} short-term entries of the conversation, oldest first. */
  List<ShortTermEntry> recent(String conversation, int limit);

  /** Forgets the conversation's short-term memory. */
  void forget(String conversation);

  /**
   * Records an episode in long-term memory and prunes the agent's memory by age and capacity.
   *
   * @param conversation the conversation it belongs to, or null for none
   * @return the stored entry, or empty when {@code spec.memory.longTermEnabled} is false
   */
  Optional<MemoryEntry> record(String conversation, JsonNode content);

  /**
   * As {@link #record}, but at most once per {@code identity}: when an entry of the agent already
   * contains {@code identity} (a JSON object whose members {@code content} holds as they are, such
   * as the id of the pipeline task that writes it), that entry is returned and nothing is written.
   * A tool that may run twice for one task (delivery is at least once) records through this.
   *
   * @return the stored or earlier entry, or empty when {@code spec.memory.longTermEnabled} is false
   * @throws IllegalArgumentException when {@code content} does not hold {@code identity}
   */
  Optional<MemoryEntry> recordOnce(String conversation, JsonNode content, JsonNode identity);

  /**
   * Deletes the agent's long-term entry {@code id}.
   *
   * @return true when it was there, false when there is no such entry of the agent (already deleted
   *     or pruned): deleting is idempotent
   */
  boolean delete(long id);

  /**
   * The newest {@code limit} long-term entries, newest first: of the conversation, or of the whole
   * agent when {@code conversation} is null.
   */
  List<MemoryEntry> recall(String conversation, int limit);

  /** The limits this store applies. */
  MemoryLimits limits();
}
