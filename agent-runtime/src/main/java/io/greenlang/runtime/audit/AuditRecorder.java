package io.greenlang.runtime.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.greenlang.runtime.schema.audit.AuditEntry;
import io.greenlang.runtime.schema.audit.AuditEvent;
import io.greenlang.runtime.schema.audit.AuditFieldException;
import io.greenlang.runtime.schema.audit.AuditLedgerClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Appends audit events on a connection its caller holds, inside the caller's transaction when
 * auto-commit is off, and counts them: how runtime services record an event atomically with the
 * change it describes (a stored calculation run, a step result, a published factor table), so the
 * event exists exactly when the change does (docs/runtime/audit-ledger.md, "Who records what").
 */
@Singleton
public class AuditRecorder {

  // BigDecimal as written (12.50, not 1.25E+1): the details' numbers are hashed as text. Times as
  // ISO-8601 text, never as epoch numbers.
  private static final ObjectWriter DETAILS =
      new ObjectMapper()
          .findAndRegisterModules()
          .writer()
          .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final AuditLedgerClient client = new AuditLedgerClient();
  private final MeterRegistry registry;
  private final Timer appendTimer;

  public AuditRecorder(MeterRegistry registry) {
    this.registry = registry;
    this.appendTimer =
        Timer.builder("greenlang.audit.append")
            .description("Time to append one entry to a tenant's audit chain")
            .register(registry);
  }

  /**
   * Appends {@code event} on {@code connection}: in the caller's transaction, which then holds the
   * tenant's chain head until it commits (keep the append last); in one of its own in auto-commit.
   */
  public AuditEntry append(Connection connection, AuditEvent event) throws SQLException {
    long start = System.nanoTime();
    AuditEntry entry = client.append(connection, event);
    appendTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    count(event);
    return entry;
  }

  /** Appends {@code events} of one tenant in order, as consecutive entries. */
  public List<AuditEntry> appendAll(Connection connection, List<AuditEvent> events)
      throws SQLException {
    long start = System.nanoTime();
    List<AuditEntry> entries = new ArrayList<>(client.appendAll(connection, events));
    long each = (System.nanoTime() - start) / events.size();
    for (AuditEvent event : events) {
      appendTimer.record(each, TimeUnit.NANOSECONDS);
      count(event);
    }
    return entries;
  }

  /**
   * The JSON text of {@code details} (any JSON-serialisable values; {@code null} is {@code {}}),
   * which {@link AuditEvent} turns into canonical JSON.
   *
   * @throws AuditFieldException naming {@code details} when they cannot be written as JSON
   */
  public static String details(Map<String, ?> details) {
    if (details == null) {
      return null;
    }
    try {
      return DETAILS.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new AuditFieldException(
          "details", "cannot be written as JSON: " + e.getOriginalMessage());
    }
  }

  private void count(AuditEvent event) {
    Counter.builder("greenlang.audit.entries.appended")
        .description("Entries appended to tenants' audit chains")
        .tag("category", event.eventType().category().code())
        .tag("outcome", event.outcome().code())
        .register(registry)
        .increment();
  }
}
