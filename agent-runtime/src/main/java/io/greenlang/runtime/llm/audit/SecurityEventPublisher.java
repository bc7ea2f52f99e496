package io.greenlang.runtime.llm.audit;

/**
 * Where the gateway hands audit-worthy security decisions (a residency refusal). The audit ledger
 * takes them from here: it either implements this interface or consumes what {@link
 * RedisStreamSecurityEvents} publishes.
 */
public interface SecurityEventPublisher {

  /**
   * Publishes {@code event}; false when its store failed. Does not throw for that: the decision
   * stands whether or not it could be published, and the caller counts the failure.
   */
  boolean publish(SecurityEvent event);
}
