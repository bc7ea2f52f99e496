package io.greenlang.runtime.schema.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The canonical form and hash of audit entries, against the known vectors in
 * docs/runtime/audit-ledger.md (computed there with printf and sha256sum).
 */
class AuditCanonicalFormTest {

  /** Vector 1 of the docs: the first entry of tenant acme's chain. */
  static final AuditEntry FIRST =
      AuditEntry.continuing(
          UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
          1,
          Instant.parse("2026-11-26T10:32:55.123456Z"),
          AuditCanonicalForm.GENESIS_HASH,
          new AuditEvent(
              "acme",
              "user:alice@example.com",
              AuditEventType.CALCULATION_PERFORMED,
              "calculation:cbam-2026-q1",
              AuditOutcome.SUCCESS,
              "{ \"total\": 12.50, \"rows\": 3, \"site\": \"Düsseldorf\" }"));

  static final String FIRST_HASH =
      "37eac98dbd5bfcb763b3123f0a035704b725938ae38e984f9da5246c81d93c9f";

  @Test
  void theFirstVectorHasTheDocumentedFormAndHash() {
    assertThat(new String(FIRST.canonicalForm(), StandardCharsets.UTF_8))
        .isEqualTo(
            "greenlang-audit-v1\n"
                + "0f8fad5b-d9cb-469f-a165-70867728950e\n"
                + "acme\n"
                + "1\n"
                + "2026-11-26T10:32:55.123456Z\n"
                + "user:alice@example.com\n"
                + "calculation.performed\n"
                + "calculation:cbam-2026-q1\n"
                + "success\n"
                + "{\"rows\":3,\"site\":\"Düsseldorf\",\"total\":12.50}\n"
                + "0".repeat(64)
                + "\n");
    assertThat(FIRST.hash()).isEqualTo(FIRST_HASH).isEqualTo(FIRST.computedHash());
  }

  @Test
  void theSecondVectorChainsOnTheFirst() {
    AuditEntry second =
        AuditEntry.continuing(
            UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
            2,
            Instant.parse("2026-11-26T10:32:56Z"),
            FIRST.hash(),
            new AuditEvent(
                "acme",
                "operator",
                AuditEventType.AGENT_CREATED,
                "agent:cbam-importer",
                AuditOutcome.SUCCESS,
                null));

    assertThat(new String(second.canonicalForm(), StandardCharsets.UTF_8))
        .contains("\n2026-11-26T10:32:56.000000Z\n")
        .endsWith("\n{}\n" + FIRST_HASH + "\n");
    assertThat(second.hash())
        .isEqualTo("e129846317fbe8eabcdd591bc63a9f9d3c84d01ccc6aa66edb52d492ba58622f");
  }

  @Test
  void theSameFieldsAlwaysGiveTheSameHashAndAnyChangeAnother() {
    AuditEntry again =
        AuditEntry.continuing(
            FIRST.id(),
            1,
            FIRST.recordedAt(),
            FIRST.previousHash(),
            new AuditEvent(
                "acme",
                "user:alice@example.com",
                AuditEventType.CALCULATION_PERFORMED,
                "calculation:cbam-2026-q1",
                AuditOutcome.SUCCESS,
                "{\"site\":\"Düsseldorf\",\"rows\":3,\"total\":12.50}"));
    assertThat(again.hash()).isEqualTo(FIRST_HASH);

    assertThat(withDetails("{\"rows\":3,\"site\":\"Düsseldorf\",\"total\":12.5}").computedHash())
        .as("12.5 is not 12.50: numbers are hashed as written")
        .isNotEqualTo(FIRST_HASH);
    assertThat(
            new AuditEntry(
                    FIRST.id(),
                    FIRST.tenant(),
                    FIRST.sequence(),
                    FIRST.recordedAt().plusNanos(1_000),
                    FIRST.actor(),
                    FIRST.eventType(),
                    FIRST.target(),
                    FIRST.outcome(),
                    FIRST.details(),
                    FIRST.previousHash(),
                    FIRST.hash())
                .computedHash())
        .as("one microsecond later")
        .isNotEqualTo(FIRST_HASH);
  }

  @Test
  void timeHasExactlySixFractionDigitsInUtc() {
    assertThat(AuditCanonicalForm.formatTime(Instant.parse("2026-01-02T03:04:05Z")))
        .isEqualTo("2026-01-02T03:04:05.000000Z");
    assertThat(AuditCanonicalForm.formatTime(Instant.parse("2026-01-02T03:04:05.1Z")))
        .isEqualTo("2026-01-02T03:04:05.100000Z");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> AuditCanonicalForm.formatTime(Instant.parse("2026-01-02T03:04:05.0000001Z")))
        .withMessageContaining("microsecond");
  }

  private static AuditEntry withDetails(String details) {
    return new AuditEntry(
        FIRST.id(),
        FIRST.tenant(),
        FIRST.sequence(),
        FIRST.recordedAt(),
        FIRST.actor(),
        FIRST.eventType(),
        FIRST.target(),
        FIRST.outcome(),
        details,
        FIRST.previousHash(),
        FIRST.hash());
  }
}
