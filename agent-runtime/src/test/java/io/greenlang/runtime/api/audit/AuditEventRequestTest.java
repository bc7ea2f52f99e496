package io.greenlang.runtime.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditEventType;
import io.greenlang.runtime.schema.audit.AuditFieldException;
import io.greenlang.runtime.schema.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

/** The body of {@code POST …/audit/events}: exact details, and errors that name the field. */
class AuditEventRequestTest {

  @Test
  void detailsKeepTheirNumbersAsWrittenAndBecomeCanonical() {
    AuditEvent event =
        AuditEventRequest.read(
            "acme",
            "{\"actor\": \"user:alice\", \"details\": {\"total\": 12.50, \"exp\": 1e3,"
                + " \"nested\": {\"b\": [1, {\"z\": 0}], \"a\": null}}, \"eventType\":"
                + " \"calculation.performed\", \"target\": \"calculation:1\", \"outcome\": \"success\"}");

    assertThat(event.eventType()).isEqualTo(AuditEventType.CALCULATION_PERFORMED);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.details())
        .isEqualTo("{\"exp\":1e3,\"nested\":{\"a\":null,\"b\":[1,{\"z\":0}]},\"total\":12.50}");
  }

  @Test
  void detailsMayBeLeftOut() {
    AuditEvent event =
        AuditEventRequest.read(
            "acme",
            "{\"actor\":\"a\",\"eventType\":\"data.read\",\"target\":\"t\",\"outcome\":\"denied\"}");
    assertThat(event.details()).isEqualTo("{}");
  }

  @Test
  void eachMistakeNamesItsField() {
    assertField("", "body");
    assertField("[]", "body");
    assertField("{\"actor\": \"a\"", "body");
    assertField("{\"actor\": 7, \"eventType\": \"data.read\"}", "actor");
    assertField("{\"actor\": \"a\", \"evenType\": \"data.read\"}", "evenType");
    assertField(
        "{\"actor\": \"a\", \"eventType\": \"data.read\", \"target\": \"t\","
            + " \"outcome\": \"success\", \"details\": [1]}",
        "details");
    assertField(
        "{\"actor\": \"a\", \"eventType\": \"data.reed\", \"target\": \"t\", \"outcome\": \"success\"}",
        "eventType");
    assertField(
        "{\"actor\": \"a\", \"eventType\": \"data.read\", \"outcome\": \"success\"}", "target");
    assertField(
        "{\"actor\": \"a\", \"eventType\": \"data.read\", \"target\": \"t\", \"outcome\": \"ok\"}",
        "outcome");
    assertField("{\"actor\": \"a\", \"actor\": \"b\"}", "body");
  }

  private static void assertField(String body, String field) {
    assertThatThrownBy(() -> AuditEventRequest.read("acme", body))
        .isInstanceOf(AuditFieldException.class)
        .hasMessageStartingWith(field + ": ")
        .extracting(e -> ((AuditFieldException) e).field())
        .isEqualTo(field);
  }
}
