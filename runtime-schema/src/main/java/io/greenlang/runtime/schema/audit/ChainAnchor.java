package io.greenlang.runtime.schema.audit;

import java.util.regex.Pattern;

/**
 * A trusted point of a chain that verification starts after: the genesis (sequence 0, 64 zeros), or
 * an entry's sequence and hash from an earlier verification, which lets a verifier check only what
 * was appended since, or start after partitions removed by retention.
 *
 * @param sequence the sequence of the last trusted entry, 0 for the genesis
 * @param hash that entry's hash
 */
public record ChainAnchor(long sequence, String hash) {

  // Initialised before GENESIS, which the constructor checks with it.
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** Before the first entry. */
  public static final ChainAnchor GENESIS = new ChainAnchor(0, AuditCanonicalForm.GENESIS_HASH);

  /**
   * @throws AuditFieldException naming {@code fromSequence} or {@code anchorHash} when invalid
   */
  public ChainAnchor {
    if (sequence < 0) {
      throw new AuditFieldException("fromSequence", "must be 0 or more, not " + sequence);
    }
    if (hash == null || !HASH.matcher(hash).matches()) {
      throw new AuditFieldException("anchorHash", "must be 64 lower-case hex digits");
    }
    if (sequence == 0 && !hash.equals(AuditCanonicalForm.GENESIS_HASH)) {
      throw new AuditFieldException(
          "anchorHash", "must be 64 zeros (the genesis) when fromSequence is 0");
    }
  }
}
