package io.greenlang.runtime.llm.chain;

import io.greenlang.crds.region.ResidencyPolicy;
import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.GatewayOptions;
import io.greenlang.runtime.llm.LlmException;
import io.greenlang.runtime.llm.LlmRefusedException;
import io.greenlang.runtime.llm.LlmRejectedException;
import io.greenlang.runtime.llm.LlmResult;
import io.greenlang.runtime.llm.LlmUnavailableException;
import io.greenlang.runtime.llm.audit.SecurityEvent;
import io.greenlang.runtime.llm.audit.SecurityEventPublisher;
import io.greenlang.runtime.llm.budget.CallLimits;
import io.greenlang.runtime.llm.budget.SpendLedger;
import io.greenlang.runtime.llm.cost.PriceTable;
import io.greenlang.runtime.llm.metrics.LlmMetrics;
import io.greenlang.runtime.llm.provider.ApiKeys;
import io.greenlang.runtime.llm.provider.ProviderFailure;
import io.greenlang.runtime.llm.provider.ProviderModels;
import io.greenlang.runtime.llm.usage.UsageRecorder;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Runs one request along the agent's chain. For each link in order: a link whose endpoint lies
 * where the agent's data class may not go is skipped with an audit event; otherwise the link is
 * attempted, and on a retryable failure (timeout, 429, 5xx, connection) attempted again after a
 * backoff (SmallRye Fault Tolerance retry) up to {@code spec.llm.maxRetries} times, then the next
 * link takes the same request. A provider rejecting the request (400, 401, 403, 404, content
 * policy) fails it at once; so does a tenant limit (budget, quota, rate).
 */
public final class ProviderChain {

  private static final Logger LOG = Logger.getLogger(ProviderChain.class);

  private final AgentLlmChain chain;
  private final GatewayOptions options;
  private final LinkAttempt attempts;
  private final UsageJournal journal;
  private final SecurityEventPublisher securityEvents;
  private final LlmMetrics metrics;
  private final Clock clock;
  private final Map<String, Guard> retries = new ConcurrentHashMap<>();

  ProviderChain(
      AgentLlmChain chain,
      GatewayOptions options,
      LinkAttempt attempts,
      UsageJournal journal,
      SecurityEventPublisher securityEvents,
      LlmMetrics metrics,
      Clock clock) {
    this.chain = chain;
    this.options = options;
    this.attempts = attempts;
    this.journal = journal;
    this.securityEvents = securityEvents;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * The chain of {@code chain} with everything it needs: the provider clients, one circuit breaker
   * per endpoint, the Redis ledger of budgets and limits, the usage recorder.
   */
  public static ProviderChain create(
      AgentLlmChain chain,
      GatewayOptions options,
      PriceTable prices,
      CallLimits limits,
      SpendLedger ledger,
      UsageRecorder recorder,
      SecurityEventPublisher securityEvents,
      LlmMetrics metrics,
      Clock clock) {
    ProviderModels models =
        new ProviderModels(
            new ApiKeys(options.secretsDirectory()),
            clock,
            options.connectTimeout(),
            options.azureApiVersion());
    EndpointCircuitBreakers breakers =
        new EndpointCircuitBreakers(
            options.circuitFailureThreshold(), options.circuitOpenDelay(), metrics);
    // Every endpoint's circuit-state gauge and the other zero series exist from the start.
    chain.links().forEach(link -> breakers.of(link.endpoint()));
    metrics.registerAtZero(chain.links());
    BudgetNotices.reportAtStart(ledger, limits, chain, metrics, clock);
    UsageJournal journal = new UsageJournal(chain, recorder, metrics);
    LinkAttempt attempts =
        new LinkAttempt(chain, prices, models, breakers, ledger, limits, journal, metrics, clock);
    return new ProviderChain(chain, options, attempts, journal, securityEvents, metrics, clock);
  }

  /** Answers {@code operation} from the first link that can, or throws why none could. */
  public <T> LlmResult<T> run(Operation<T> operation) {
    LinkAttempt.Request request = new LinkAttempt.Request();
    List<String> failures = new ArrayList<>();
    FailureKind last = null;
    boolean onlyResidency = true;
    for (ChainLink link : chain.links()) {
      Optional<String> residency =
          ResidencyPolicy.refusal(chain.region(), link.location(), chain.dataClass());
      if (residency.isPresent()) {
        refuseForResidency(link, operation, request, residency.get());
        failures.add(link.name() + ": " + residency.get());
        last = FailureKind.RESIDENCY;
        continue;
      }
      onlyResidency = false;
      Optional<String> unsupported = operation.unsupported(link);
      if (unsupported.isPresent()) {
        skip(link, operation, request, FailureKind.UNSUPPORTED, unsupported.get());
        failures.add(link.name() + ": " + unsupported.get());
        last = FailureKind.UNSUPPORTED;
        continue;
      }
      try {
        @SuppressWarnings("unchecked")
        Class<LlmResult<T>> type = (Class<LlmResult<T>>) (Class<?>) LlmResult.class;
        return retryGuard(link).call(() -> attempts.run(link, operation, request), type);
      } catch (ProviderFailure failure) {
        if (failure.kind().handling() == FailureKind.Handling.FAIL_REQUEST) {
          throw new LlmRejectedException(
              failure.kind(),
              request.id(),
              "LLM request of agent " + chain.agent() + " rejected: " + failure.getMessage());
        }
        metrics.failover(link, failure.kind());
        LOG.debugf(
            "LLM request %s fails over from %s: %s",
            request.id(), link.name(), failure.getMessage());
        failures.add(link.name() + ": " + failure.getMessage());
        last = failure.kind();
      } catch (LlmException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(
            "LLM request " + request.id() + " failed unexpectedly at " + link.describe(), e);
      }
    }
    if (onlyResidency) {
      metrics.refusal(FailureKind.RESIDENCY);
      throw new LlmRefusedException(
          FailureKind.RESIDENCY,
          request.id(),
          "No LLM endpoint of agent "
              + chain.agent()
              + " may receive its "
              + chain.dataClass().name().toLowerCase(Locale.ROOT)
              + " data: "
              + String.join("; ", failures),
          null);
    }
    throw new LlmUnavailableException(
        last,
        request.id(),
        "No LLM provider of agent " + chain.agent() + " answered: " + String.join("; ", failures),
        failures);
  }

  private void refuseForResidency(
      ChainLink link, Operation<?> operation, LinkAttempt.Request request, String reason) {
    int attempt = request.attempts().incrementAndGet();
    String dataClass = chain.dataClass().name().toLowerCase(Locale.ROOT);
    LOG.warnf(
        "event=%s tenant=%s agent=%s endpoint=%s location=%s data_class=%s request=%s: LLM call"
            + " refused, %s",
        SecurityEvent.PERMISSION_DENIED,
        chain.tenant(),
        chain.agent(),
        link.endpoint(),
        link.location(),
        dataClass,
        request.id(),
        reason);
    metrics.error(link, FailureKind.RESIDENCY);
    boolean published =
        securityEvents.publish(
            new SecurityEvent(
                SecurityEvent.PERMISSION_DENIED,
                chain.tenant(),
                "agent:" + chain.agent(),
                "llm-endpoint:" + link.endpoint(),
                "denied",
                Map.of(
                    "reason",
                    reason,
                    "data_class",
                    dataClass,
                    "location",
                    link.location(),
                    "link",
                    link.name(),
                    "request_id",
                    request.id().toString(),
                    "rule",
                    "residency"),
                clock.instant()));
    if (!published) {
      metrics.auditPublishFailure();
    }
    journal
        .entry(request.id(), attempt, operation, link, clock.instant())
        .refused(FailureKind.RESIDENCY, reason);
  }

  private void skip(
      ChainLink link,
      Operation<?> operation,
      LinkAttempt.Request request,
      FailureKind kind,
      String reason) {
    int attempt = request.attempts().incrementAndGet();
    metrics.error(link, kind);
    journal.entry(request.id(), attempt, operation, link, clock.instant()).refused(kind, reason);
  }

  /** The retry policy of {@code link}: its own retry count, the gateway's backoff. */
  private Guard retryGuard(ChainLink link) {
    return retries.computeIfAbsent(
        link.name(),
        name -> {
          Duration perAttempt = link.timeout().plus(options.retryMaxDelay());
          long maxDuration =
              perAttempt.multipliedBy(link.maxRetries() + 1L).plusSeconds(1).toMillis();
          return Guard.create()
              .withDescription("LLM chain link " + link.name())
              .withRetry()
              .maxRetries(link.maxRetries())
              .delay(options.retryInitialDelay().toMillis(), ChronoUnit.MILLIS)
              .maxDuration(maxDuration, ChronoUnit.MILLIS)
              .jitter(0, ChronoUnit.MILLIS)
              .whenException(this::worthRetrying)
              .beforeRetry(
                  error -> {
                    if (error instanceof ProviderFailure failure) {
                      metrics.retry(link, failure.kind());
                    }
                  })
              .withCustomBackoff()
              .strategy(
                  () -> new RetryBackoff(options.retryInitialDelay(), options.retryMaxDelay()))
              .done()
              .done()
              .build();
        });
  }

  /** Retryable, and not asking for a longer wait than the gateway's maximum (then fail over). */
  private boolean worthRetrying(Throwable error) {
    return error instanceof ProviderFailure failure
        && failure.kind().retryable()
        && failure
            .retryAfter()
            .map(wait -> wait.compareTo(options.retryMaxDelay()) <= 0)
            .orElse(true);
  }
}
