package io.greenlang.runtime.api.audit;

import io.greenlang.runtime.schema.audit.AuditCanonicalForm;
import io.greenlang.runtime.schema.audit.BrokenLink;
import io.greenlang.runtime.schema.audit.ChainHead;
import io.greenlang.runtime.schema.audit.ChainVerification;

/**
 * The result of {@code GET …/audit/verify}: whether the chain is intact, how far it was checked,
 * the anchor to verify newer entries from next time, and the first broken link if any.
 */
public record ChainVerificationView(
    String tenant,
    boolean intact,
    long fromSequence,
    long entriesChecked,
    long lastVerifiedSequence,
    String lastVerifiedHash,
    HeadView head,
    BrokenLink brokenLink) {

  /** The chain head as stored. */
  public record HeadView(long lastSequence, String lastHash, String lastRecordedAt) {

    static HeadView of(ChainHead head) {
      return head == null
          ? null
          : new HeadView(
              head.lastSequence(),
              head.lastHash(),
              head.lastRecordedAt() == null
                  ? null
                  : AuditCanonicalForm.formatTime(head.lastRecordedAt()));
    }
  }

  static ChainVerificationView of(ChainVerification verification) {
    return new ChainVerificationView(
        verification.tenant(),
        verification.intact(),
        verification.from().sequence(),
        verification.entriesChecked(),
        verification.lastVerified().sequence(),
        verification.lastVerified().hash(),
        HeadView.of(verification.head()),
        verification.brokenLink());
  }
}
