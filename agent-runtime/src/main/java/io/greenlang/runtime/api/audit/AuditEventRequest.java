package io.greenlang.runtime.api.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditFieldException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the body of {@code POST …/audit/events} field by field, so that a wrong body is refused
 * with the name of the field at fault: {@code actor}, {@code eventType}, {@code target}, {@code
 * outcome} (strings) and {@code details} (an object, optional). {@code details} is taken as the
 * exact text of the request, so its numbers reach the canonical form as the client wrote them (no
 * binary floating point on the way).
 */
final class AuditEventRequest {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private AuditEventRequest() {}

  static AuditEvent read(String tenant, String body) {
    if (body == null || body.isBlank()) {
      throw new AuditFieldException(
          "body", "is required: {actor, eventType, target, outcome, details}");
    }
    Map<String, String> texts = new HashMap<>();
    String details = null;
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new AuditFieldException("body", "must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "actor", "eventType", "target", "outcome" -> {
            if (value == JsonToken.VALUE_STRING) {
              texts.put(name, parser.getText());
            } else if (value != JsonToken.VALUE_NULL) {
              throw new AuditFieldException(name, "must be a string");
            }
          }
          case "details" -> {
            if (value == JsonToken.START_OBJECT) {
              int start = (int) parser.currentTokenLocation().getCharOffset();
              parser.skipChildren();
              int end = (int) parser.currentLocation().getCharOffset();
              details = body.substring(start, end);
            } else if (value != JsonToken.VALUE_NULL) {
              throw new AuditFieldException("details", "must be a JSON object");
            }
          }
          default ->
              throw new AuditFieldException(
                  name,
                  "is not a field of an audit event (actor, eventType, target, outcome, details)");
        }
      }
      if (parser.nextToken() != null) {
        throw new AuditFieldException("body", "has content after the JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new AuditFieldException(
          "body",
          "is not valid JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      // Reading from a String does no I/O; Jackson declares it anyway.
      throw new UncheckedIOException(e);
    }
    return AuditEvent.of(
        tenant,
        texts.get("actor"),
        texts.get("eventType"),
        texts.get("target"),
        texts.get("outcome"),
        details);
  }
}
