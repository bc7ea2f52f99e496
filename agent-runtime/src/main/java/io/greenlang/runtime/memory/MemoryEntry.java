package io.greenlang.runtime.memory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One row of an agent's long-term memory ({@code greenlang.memory_entries}).
 *
 * @param id the row's id
 * @param conversation the conversation it belongs to, or null
 * @param content the episode
 * @param createdAt when it was recorded
 */
public record MemoryEntry(long id, String conversation, JsonNode content, Instant createdAt) {}
