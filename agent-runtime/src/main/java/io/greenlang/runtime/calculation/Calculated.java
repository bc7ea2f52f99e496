package io.greenlang.runtime.calculation;

import io.greenlang.runtime.provenance.Provenance;

/**
 * One calculation's outcome: the typed output, its provenance, the provenance's canonical JSON text
 * and its SHA-256 (the result hash).
 *
 * @param <O> the formula's output type
 */
public record Calculated<O>(
    O output, Provenance provenance, String canonicalProvenance, String resultHash) {}
