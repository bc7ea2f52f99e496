package io.greenlang.runtime.schema.audit;

import java.time.Instant;

/**
 * Where a tenant's chain ends, as {@code greenlang.audit_chain_heads} records it.
 *
 * @param tenant the chain's tenant
 * @param lastSequence the last entry's sequence, 0 before the first entry
 * @param lastHash the last entry's hash, 64 zeros before the first entry
 * @param lastRecordedAt the last entry's time, {@code null} before the first entry
 */
public record ChainHead(
    String tenant, long lastSequence, String lastHash, Instant lastRecordedAt) {}
