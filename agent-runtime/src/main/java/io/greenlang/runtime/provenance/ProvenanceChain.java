package io.greenlang.runtime.provenance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Chains the results of one calculation run: record {@code n} (from 1) has the chain hash
 * SHA-256(canonical {@code {"previous": chain hash of n-1, "result": result hash of n, "sequence":
 * n}}), with {@link #GENESIS} before the first. The chain hash of the last record is the run's root
 * hash; changing, removing, adding or reordering any result changes it.
 */
public final class ProvenanceChain {

  /** The "previous" hash of the first record, and the root hash of a run without results. */
  public static final String GENESIS = "0".repeat(64);

  private String head = GENESIS;
  private long sequence;

  /** The chain hash of record {@code sequence}, given the previous record's chain hash. */
  public static String link(String previous, long sequence, String resultHash) {
    if (!Sha256.isDigest(previous) || !Sha256.isDigest(resultHash)) {
      // Only a tampered record gets here; its link is computed by the general rule.
      ObjectNode record = JsonNodeFactory.instance.objectNode();
      record.put("previous", previous);
      record.put("result", resultHash);
      record.put("sequence", sequence);
      return Sha256.hex(CanonicalJson.bytes(record));
    }
    // The same canonical form, written directly: lower-case hex needs no escaping and the member
    // names are already in order. Every result of a batch passes here.
    String canonical =
        "{\"previous\":\""
            + previous
            + "\",\"result\":\""
            + resultHash
            + "\",\"sequence\":"
            + sequence
            + "}";
    return Sha256.hex(canonical.getBytes(StandardCharsets.US_ASCII));
  }

  /** Appends a result; returns its chain link. */
  public Link append(String resultHash) {
    sequence++;
    String previous = head;
    head = link(previous, sequence, resultHash);
    return new Link(sequence, previous, head);
  }

  /** The chain hash of the last record appended so far, or {@link #GENESIS}. */
  public String root() {
    return head;
  }

  /** How many records were appended. */
  public long length() {
    return sequence;
  }

  /** One record's position in the chain: its sequence, the previous chain hash and its own. */
  public record Link(long sequence, String previousHash, String chainHash) {}
}
