package io.greenlang.runtime.schema.audit;

import java.util.UUID;

/**
 * The first place a tenant's chain does not hold.
 *
 * @param sequence the chain position where it breaks
 * @param id the entry found there, {@code null} when none is (a missing entry at the chain's end)
 * @param problem what is wrong
 * @param expected what the chain requires there (a hash or a sequence)
 * @param found what is stored there instead
 * @param message the same in a sentence
 */
public record BrokenLink(
    long sequence, UUID id, LinkProblem problem, String expected, String found, String message) {}
