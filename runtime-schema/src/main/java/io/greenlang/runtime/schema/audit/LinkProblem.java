package io.greenlang.runtime.schema.audit;

/** What is wrong with the first broken link a verification finds. */
public enum LinkProblem {
  /** The stored hash is not the SHA-256 of the entry's canonical form: the entry was changed. */
  HASH_MISMATCH,
  /** The entry's previous hash is not the hash of the entry before it. */
  PREVIOUS_HASH_MISMATCH,
  /** An entry is missing: the chain jumps over this sequence, or ends before its head. */
  MISSING_SEQUENCE,
  /** A sequence appears again or out of order. */
  UNEXPECTED_SEQUENCE,
  /** The chain head does not name the chain's last entry. */
  HEAD_MISMATCH
}
