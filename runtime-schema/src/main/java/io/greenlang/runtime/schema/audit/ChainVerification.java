package io.greenlang.runtime.schema.audit;

/**
 * What verifying a tenant's chain found.
 *
 * @param tenant the chain's tenant
 * @param intact whether every entry after {@code from} links and hashes correctly up to the head
 * @param from where verification started (the genesis, or a trusted anchor)
 * @param entriesChecked how many entries were read before the walk ended or broke
 * @param lastVerified the last entry that verified (sequence and hash): the anchor for verifying
 *     only newer entries next time; {@code from} when none did
 * @param head the chain head as stored, {@code null} when the tenant has none
 * @param brokenLink the first broken link, {@code null} when intact
 */
public record ChainVerification(
    String tenant,
    boolean intact,
    ChainAnchor from,
    long entriesChecked,
    ChainAnchor lastVerified,
    ChainHead head,
    BrokenLink brokenLink) {}
