package io.greenlang.runtime.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.greenlang.runtime.llm.audit.RedisStreamSecurityEvents;
import io.greenlang.runtime.llm.audit.SecurityEventPublisher;
import io.greenlang.runtime.llm.budget.BudgetPolicy;
import io.greenlang.runtime.llm.budget.CallLimits;
import io.greenlang.runtime.llm.budget.SpendLedger;
import io.greenlang.runtime.llm.chain.AgentLlmChain;
import io.greenlang.runtime.llm.chain.ChatOperation;
import io.greenlang.runtime.llm.chain.EmbeddingOperation;
import io.greenlang.runtime.llm.chain.ProviderChain;
import io.greenlang.runtime.llm.chain.StreamingChatOperation;
import io.greenlang.runtime.llm.cost.PriceTable;
import io.greenlang.runtime.llm.cost.PriceTableFile;
import io.greenlang.runtime.llm.metrics.LlmMetrics;
import io.greenlang.runtime.llm.usage.UsageRecorder;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The agent's way to a language model (docs/runtime/llm-gateway.md): chat, streamed chat and
 * embeddings along the agent's provider chain, with retries, failover, a circuit breaker per
 * endpoint, rate limits, the tenant's budgets and token quota, data residency, a usage record of
 * every attempt, and metrics. Thread-safe; one per agent process.
 */
public final class LlmGateway {

  private final AgentLlmChain chain;
  private final ProviderChain providers;

  private LlmGateway(AgentLlmChain chain, ProviderChain providers) {
    this.chain = chain;
    this.providers = providers;
  }

  /**
   * A chat completion (tools and JSON mode as set in the request's parameters; the model and output
   * limit come from the chain link that answers).
   *
   * @throws LlmRefusedException when a tenant limit or residency does not allow the call
   * @throws LlmRejectedException when a provider rejects the request (400, 401, content policy)
   * @throws LlmUnavailableException when no link answered
   */
  public LlmResult<ChatResponse> chat(ChatRequest request) {
    return providers.run(new ChatOperation(request));
  }

  /**
   * A chat completion streamed from the provider: {@code onPartialText} receives the text as it
   * arrives (on a provider client thread); returns the complete response. Fails over only until the
   * first text was passed on.
   */
  public LlmResult<ChatResponse> stream(ChatRequest request, Consumer<String> onPartialText) {
    return providers.run(
        new StreamingChatOperation(request, Objects.requireNonNull(onPartialText)));
  }

  /** Embeddings of {@code texts} with the embedding model {@code model}. */
  public LlmResult<List<Embedding>> embed(String model, List<String> texts) {
    return providers.run(new EmbeddingOperation(model, texts));
  }

  /** The agent's resolved chain. */
  public AgentLlmChain chain() {
    return chain;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Assembles a gateway for one agent. */
  public static final class Builder {
    private AgentRuntimeConfiguration agent;
    private GatewayOptions options = GatewayOptions.defaults();
    private PriceTable prices;
    private RedisCommands<String, String> redis;
    private DataSource dataSource;
    private MeterRegistry meterRegistry;
    private SecurityEventPublisher securityEvents;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The agent the gateway serves, as the operator configured it. */
    public Builder agent(AgentRuntimeConfiguration agent) {
      this.agent = agent;
      return this;
    }

    public Builder options(GatewayOptions options) {
      this.options = options;
      return this;
    }

    /** The price table; the one shipped with the runtime when not set. */
    public Builder prices(PriceTable prices) {
      this.prices = prices;
      return this;
    }

    /** Redis, for budgets, quotas, rate limits, budget alerts and audit events. */
    public Builder redis(RedisCommands<String, String> redis) {
      this.redis = redis;
      return this;
    }

    /** PostgreSQL with schema greenlang, for usage records. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    public Builder meterRegistry(MeterRegistry meterRegistry) {
      this.meterRegistry = meterRegistry;
      return this;
    }

    /** Where residency refusals go; the tenant's Redis audit stream when not set. */
    public Builder securityEvents(SecurityEventPublisher securityEvents) {
      this.securityEvents = securityEvents;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The gateway.
     *
     * @throws IllegalArgumentException naming the field when the agent's configuration cannot drive
     *     it
     */
    public LlmGateway build() {
      Objects.requireNonNull(agent, "agent");
      Objects.requireNonNull(redis, "redis");
      Objects.requireNonNull(dataSource, "dataSource");
      Objects.requireNonNull(meterRegistry, "meterRegistry");
      PriceTable table = prices != null ? prices : PriceTableFile.bundled();
      AgentLlmChain chain = AgentLlmChain.resolve(agent, table, CallLimits.day(clock.instant()));
      CallLimits limits =
          new CallLimits(
              chain.tenant(),
              chain.agent(),
              BudgetPolicy.of(agent),
              options.tenantRateLimit(),
              options::endpointRateLimit);
      LlmMetrics metrics = new LlmMetrics(meterRegistry, chain.tenant(), chain.agent(), clock);
      ProviderChain providers =
          ProviderChain.create(
              chain,
              options,
              table,
              limits,
              new SpendLedger(redis),
              new UsageRecorder(dataSource, options.usageWaitForFlush()),
              securityEvents != null ? securityEvents : new RedisStreamSecurityEvents(redis),
              metrics,
              clock);
      return new LlmGateway(chain, providers);
    }
  }
}
