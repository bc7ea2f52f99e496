package io.greenlang.runtime.schema.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Validation of what is recorded: every refusal names its field. */
class AuditEventTest {

  @Test
  void everyListedEventTypeIsKnownWithItsCategory() {
    assertThat(AuditEventType.values()).hasSize(62);
    Map<AuditEventCategory, Long> perCategory =
        Arrays.stream(AuditEventType.values())
            .collect(Collectors.groupingBy(AuditEventType::category, Collectors.counting()));
    // shared/DOMAIN.md, "Audit event types": the count of each line.
    assertThat(perCategory)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry(AuditEventCategory.AUTHENTICATION, 6L),
                Map.entry(AuditEventCategory.USER_MANAGEMENT, 7L),
                Map.entry(AuditEventCategory.DATA_ACCESS, 6L),
                Map.entry(AuditEventCategory.DATA_CHANGES, 5L),
                Map.entry(AuditEventCategory.AGENTS, 7L),
                Map.entry(AuditEventCategory.APPLICATIONS, 5L),
                Map.entry(AuditEventCategory.REPORTS_AND_CALCULATIONS, 5L),
                Map.entry(AuditEventCategory.CONFIGURATION, 4L),
                Map.entry(AuditEventCategory.SECURITY, 6L),
                Map.entry(AuditEventCategory.COMPLIANCE, 6L),
                Map.entry(AuditEventCategory.ADMIN, 5L)));
    for (AuditEventType type : AuditEventType.values()) {
      assertThat(AuditEventType.fromCode(type.code())).isSameAs(type);
      assertThat(type.name()).isEqualTo(type.code().toUpperCase().replace('.', '_'));
    }
    assertThat(EnumSet.allOf(AuditEventType.class))
        .contains(
            AuditEventType.CALCULATION_PERFORMED,
            AuditEventType.DATA_IMPORT,
            AuditEventType.AGENT_EXECUTED,
            AuditEventType.TENANT_SETTINGS_CHANGED);
  }

  @Test
  void anUnknownTypeIsRefusedNamingTheField() {
    assertThatThrownBy(
            () -> AuditEvent.of("acme", "user:a", "calculation.done", "c:1", "success", "{}"))
        .isInstanceOf(AuditFieldException.class)
        .hasMessageStartingWith("eventType: unknown audit event type \"calculation.done\"")
        .extracting(e -> ((AuditFieldException) e).field())
        .isEqualTo("eventType");
  }

  @Test
  void eachFieldIsCheckedAndNamed() {
    assertField(() -> AuditEvent.of(" ", "a", "data.read", "t", "success", null), "tenant");
    assertField(() -> AuditEvent.of("acme", null, "data.read", "t", "success", null), "actor");
    assertField(
        () -> AuditEvent.of("acme", "a\nforged line", "data.read", "t", "success", null), "actor");
    assertField(() -> AuditEvent.of("acme", "a", null, "t", "success", null), "eventType");
    assertField(
        () -> AuditEvent.of("acme", "a", "data.read", "x".repeat(1025), "success", null), "target");
    assertField(() -> AuditEvent.of("acme", "a", "data.read", "t", "ok", null), "outcome");
    assertField(() -> AuditEvent.of("acme", "a", "data.read", "t", "success", "[]"), "details");
    assertField(
        () ->
            AuditEvent.of(
                "acme", "a", "data.read", "t", "success", "{\"x\":\"" + "y".repeat(65_536) + "\"}"),
        "details");
    assertThatThrownBy(() -> AuditEvent.of("acme", "a\u0085b", "data.read", "t", "success", null))
        .hasMessage(
            "actor: contains the control character U+0085 at index 1; control characters are not"
                + " allowed");
  }

  @Test
  void detailsAreStoredCanonicalAndDefaultToAnEmptyObject() {
    AuditEvent event =
        AuditEvent.of("acme", "a", "data.read", "t", "success", "{ \"b\": 1, \"a\": 2 }");
    assertThat(event.details()).isEqualTo("{\"a\":2,\"b\":1}");
    assertThat(AuditEvent.of("acme", "a", "data.read", "t", "denied", null).details())
        .isEqualTo("{}");
  }

  @Test
  void anAnchorIsTheGenesisOrAHash() {
    assertThat(ChainAnchor.GENESIS.sequence()).isZero();
    assertField(() -> new ChainAnchor(-1, AuditCanonicalForm.GENESIS_HASH), "fromSequence");
    assertField(() -> new ChainAnchor(4, "ABC"), "anchorHash");
    assertField(() -> new ChainAnchor(0, "1".repeat(64)), "anchorHash");
  }

  private static void assertField(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOf(AuditFieldException.class)
        .hasMessageStartingWith(field + ": ")
        .extracting(e -> ((AuditFieldException) e).field())
        .isEqualTo(field);
  }
}
