package io.greenlang.runtime.schema.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The bytes an audit entry's hash is the SHA-256 of (docs/runtime/audit-ledger.md, "Canonical
 * form"): the UTF-8 encoding of eleven lines, each ended by a line feed (U+000A),
 *
 * <pre>
 * greenlang-audit-v1
 * id              lower-case UUID, 8-4-4-4-12
 * tenant
 * sequence        decimal, no sign, no leading zeros
 * time            UTC, YYYY-MM-DDTHH:MM:SS.ffffffZ (always six fraction digits)
 * actor
 * event type
 * target
 * outcome
 * details         canonical JSON ({@link CanonicalJson})
 * previous hash   64 lower-case hex digits; 64 zeros for the first entry
 * </pre>
 *
 * The database recomputes the same bytes when an entry is inserted (trigger {@code
 * greenlang.audit_events_link}), so an entry whose hash disagrees is never stored.
 */
public final class AuditCanonicalForm {

  /** The first line, naming this version of the canonical form. */
  public static final String VERSION = "greenlang-audit-v1";

  /** The previous hash of a chain's first entry. */
  public static final String GENESIS_HASH = "0".repeat(64);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final HexFormat HEX = HexFormat.of();

  private AuditCanonicalForm() {}

  /**
   * The time as the canonical form writes it: UTC with exactly six fraction digits, the precision
   * PostgreSQL stores.
   *
   * @throws IllegalArgumentException when {@code time} has a fraction finer than a microsecond
   */
  public static String formatTime(Instant time) {
    if (time.getNano() % 1_000 != 0) {
      throw new IllegalArgumentException(
          "An audit time has microsecond precision, as PostgreSQL stores it: " + time);
    }
    return TIME.format(time);
  }

  /** The canonical form of an entry with these fields, as UTF-8 bytes. */
  public static byte[] bytes(
      UUID id,
      String tenant,
      long sequence,
      Instant recordedAt,
      String actor,
      String eventType,
      String target,
      String outcome,
      String details,
      String previousHash) {
    StringBuilder form = new StringBuilder(256 + details.length());
    line(form, VERSION);
    line(form, id.toString());
    line(form, tenant);
    line(form, Long.toString(sequence));
    line(form, formatTime(recordedAt));
    line(form, actor);
    line(form, eventType);
    line(form, target);
    line(form, outcome);
    line(form, details);
    line(form, previousHash);
    return form.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** SHA-256 of {@code form} in lower-case hex. */
  public static String sha256Hex(byte[] form) {
    return HEX.formatHex(newDigest().digest(form));
  }

  /** SHA-256 of {@code form} in lower-case hex, with a digest the caller reuses. */
  static String sha256Hex(MessageDigest digest, byte[] form) {
    digest.reset();
    return HEX.formatHex(digest.digest(form));
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static void line(StringBuilder form, String field) {
    form.append(field).append('\n');
  }
}
