package io.greenlang.runtime.memory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of a conversation's short-term memory.
 *
 * @param at when it was remembered
 * @param content what was remembered
 */
public record ShortTermEntry(Instant at, JsonNode content) {}
