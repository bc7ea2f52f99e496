package io.greenlang.runtime.llm.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Publishes security events to the tenant's audit stream {@code t:<tenant>:audit} (one entry per
 * event: type, tenant, actor, target, outcome, details as canonical JSON, time), from which the
 * audit ledger appends them to the tenant's hash chain. The stream is capped at about 100,000
 * entries; the ledger, not the stream, is the record kept for 7 years.
 */
public final class RedisStreamSecurityEvents implements SecurityEventPublisher {

  private static final Logger LOG = Logger.getLogger(RedisStreamSecurityEvents.class);
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final long MAX_LENGTH = 100_000;

  private final RedisCommands<String, String> redis;

  public RedisStreamSecurityEvents(RedisCommands<String, String> redis) {
    this.redis = redis;
  }

  /** The stream of {@code tenant}'s audit events. */
  public static String streamKey(String tenant) {
    return "t:" + tenant + ":audit";
  }

  @Override
  public boolean publish(SecurityEvent event) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("event_type", event.type());
    fields.put("tenant", event.tenant());
    fields.put("actor", event.actor());
    fields.put("target", event.target());
    fields.put("outcome", event.outcome());
    fields.put("details", canonical(event.details()));
    fields.put("occurred_at", event.occurredAt().toString());
    try {
      redis.xadd(
          streamKey(event.tenant()),
          XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming(),
          fields);
      return true;
    } catch (RuntimeException e) {
      LOG.errorf(
          "Could not publish %s for tenant %s to %s: %s",
          event.type(), event.tenant(), streamKey(event.tenant()), e.toString());
      return false;
    }
  }

  private static String canonical(Map<String, String> details) {
    try {
      return CANONICAL.writeValueAsString(new TreeMap<>(details));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of strings is always JSON", e);
    }
  }
}
