package io.greenlang.runtime.llm.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code greenlang.llm_usage}: one attempt at one provider, or one refusal.
 *
 * @param tenant the tenant billed
 * @param agent the agent that made the request
 * @param requestId the gateway request the attempt belongs to
 * @param attempt 1 for the request's first attempt, counting across links
 * @param operation {@code chat}, {@code stream} or {@code embed}
 * @param link the chain link's name
 * @param endpoint the Region endpoint's name
 * @param provider the endpoint's kind, such as {@code anthropic}
 * @param model the model id
 * @param inputTokens input tokens billed
 * @param outputTokens output tokens billed
 * @param tokensEstimated whether the provider reported no counts and the upper bound was billed
 * @param cost the exact cost at list price
 * @param billed the cost with overage at 1.5x
 * @param priceTableVersion the price-table version that priced the call, or null
 * @param latency how long the attempt took
 * @param status {@code succeeded}, {@code failed} or {@code refused}
 * @param errorKind the failure kind's label, or null when it succeeded
 * @param errorMessage why, without secrets, or null
 * @param createdAt when the attempt started
 */
public record UsageRecord(
    String tenant,
    String agent,
    UUID requestId,
    int attempt,
    String operation,
    String link,
    String endpoint,
    String provider,
    String model,
    long inputTokens,
    long outputTokens,
    boolean tokensEstimated,
    BigDecimal cost,
    BigDecimal billed,
    String priceTableVersion,
    Duration latency,
    String status,
    String errorKind,
    String errorMessage,
    Instant createdAt) {

  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String REFUSED = "refused";
}
