package io.greenlang.runtime.llm;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the gateway returns: the provider's answer and which link gave it, at what cost.
 *
 * @param value the answer (a langchain4j {@code ChatResponse}, or the embeddings)
 * @param requestId the gateway request id, the {@code request_id} of its usage records
 * @param attempts attempts the request took, across links (1 when the first one answered)
 * @param link the chain link that answered
 * @param endpoint its Region endpoint
 * @param provider the endpoint's kind, such as {@code anthropic}
 * @param model the model that answered
 * @param inputTokens input tokens billed
 * @param outputTokens output tokens billed
 * @param cost the exact cost at list price, US dollars
 * @param billed the cost with any overage at 1.5x
 * @param priceTableVersion the price-table version that priced the call
 */
public record LlmResult<T>(
    T value,
    UUID requestId,
    int attempts,
    String link,
    String endpoint,
    String provider,
    String model,
    long inputTokens,
    long outputTokens,
    BigDecimal cost,
    BigDecimal billed,
    String priceTableVersion) {}
