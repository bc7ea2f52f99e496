package io.greenlang.runtime.calculation.batch;

/**
 * One result of a run as it is stored: its place in the chain, the source row it came from (null
 * for a run's closing record such as a CBAM obligation), the formula, the hashes and the canonical
 * provenance text whose SHA-256 is {@code resultHash}.
 */
public record ResultRecord(
    long sequence,
    Long sourceRow,
    String formula,
    String resultHash,
    String previousHash,
    String chainHash,
    String provenance) {}
