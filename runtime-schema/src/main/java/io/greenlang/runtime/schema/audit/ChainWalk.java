package io.greenlang.runtime.schema.audit;

import java.security.MessageDigest;

/**
 * One walk along a chain's entries in order, from a trusted anchor: checks each entry's sequence,
 * its link to the entry before and its hash, and at the end that the chain stops where its head
 * says; remembers the first broken link. Shared by the verifier of the ledger and of the archive.
 */
final class ChainWalk {
  private final MessageDigest digest = AuditCanonicalForm.newDigest();
  private ChainAnchor lastVerified;
  private long checked;
  private BrokenLink broken;

  ChainWalk(ChainAnchor from) {
    this.lastVerified = from;
  }

  void check(AuditEntry entry) {
    checked++;
    long expected = lastVerified.sequence() + 1;
    if (entry.sequence() > expected) {
      broken =
          new BrokenLink(
              expected,
              entry.id(),
              LinkProblem.MISSING_SEQUENCE,
              Long.toString(expected),
              Long.toString(entry.sequence()),
              "Entry "
                  + expected
                  + " is missing: after entry "
                  + lastVerified.sequence()
                  + " comes entry "
                  + entry.sequence()
                  + " (id "
                  + entry.id()
                  + ")");
    } else if (entry.sequence() < expected) {
      broken =
          new BrokenLink(
              entry.sequence(),
              entry.id(),
              LinkProblem.UNEXPECTED_SEQUENCE,
              Long.toString(expected),
              Long.toString(entry.sequence()),
              "Entry "
                  + entry.sequence()
                  + " (id "
                  + entry.id()
                  + ") appears again or out of order after entry "
                  + lastVerified.sequence());
    } else if (!entry.previousHash().equals(lastVerified.hash())) {
      broken =
          new BrokenLink(
              entry.sequence(),
              entry.id(),
              LinkProblem.PREVIOUS_HASH_MISMATCH,
              lastVerified.hash(),
              entry.previousHash(),
              "Entry "
                  + entry.sequence()
                  + " (id "
                  + entry.id()
                  + ") names previous hash "
                  + entry.previousHash()
                  + ", but entry "
                  + lastVerified.sequence()
                  + " hashes to "
                  + lastVerified.hash());
    } else {
      String computed = entry.computedHash(digest);
      if (!computed.equals(entry.hash())) {
        broken =
            new BrokenLink(
                entry.sequence(),
                entry.id(),
                LinkProblem.HASH_MISMATCH,
                computed,
                entry.hash(),
                "Entry "
                    + entry.sequence()
                    + " (id "
                    + entry.id()
                    + ") was changed: its stored hash is "
                    + entry.hash()
                    + ", its fields hash to "
                    + computed);
      } else {
        lastVerified = new ChainAnchor(entry.sequence(), entry.hash());
      }
    }
  }

  /** The walk ended without a break: the last entry must be the one the head names. */
  void checkEnd(ChainHead head) {
    long last = lastVerified.sequence();
    long headSequence = head == null ? 0 : head.lastSequence();
    if (headSequence > last) {
      broken =
          new BrokenLink(
              last + 1,
              null,
              LinkProblem.MISSING_SEQUENCE,
              Long.toString(last + 1),
              "none",
              "The chain ends at entry "
                  + last
                  + " but its head names entry "
                  + headSequence
                  + ": entries "
                  + (last + 1)
                  + " to "
                  + headSequence
                  + " are missing");
    } else if (headSequence < last || (last > 0 && !head.lastHash().equals(lastVerified.hash()))) {
      broken =
          new BrokenLink(
              last,
              null,
              LinkProblem.HEAD_MISMATCH,
              head == null ? "no head" : head.lastSequence() + " " + head.lastHash(),
              last + " " + lastVerified.hash(),
              "The chain ends at entry "
                  + last
                  + " with hash "
                  + lastVerified.hash()
                  + ", but its head names "
                  + (head == null
                      ? "nothing"
                      : "entry " + head.lastSequence() + " with hash " + head.lastHash()));
    }
  }

  BrokenLink broken() {
    return broken;
  }

  /** What the walk found, as a verification of {@code tenant}'s chain from {@code from}. */
  ChainVerification result(String tenant, ChainAnchor from, ChainHead head) {
    return new ChainVerification(tenant, broken == null, from, checked, lastVerified, head, broken);
  }
}
