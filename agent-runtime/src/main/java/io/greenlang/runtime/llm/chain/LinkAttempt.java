package io.greenlang.runtime.llm.chain;

import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.LlmRefusedException;
import io.greenlang.runtime.llm.LlmResult;
import io.greenlang.runtime.llm.budget.CallLimits;
import io.greenlang.runtime.llm.budget.SpendLedger;
import io.greenlang.runtime.llm.budget.SpendLedger.Settlement;
import io.greenlang.runtime.llm.cost.ModelPrice;
import io.greenlang.runtime.llm.cost.NanoDollars;
import io.greenlang.runtime.llm.cost.PriceTable;
import io.greenlang.runtime.llm.metrics.LlmMetrics;
import io.greenlang.runtime.llm.provider.ProviderFailure;
import io.greenlang.runtime.llm.provider.ProviderFailureClassifier;
import io.greenlang.runtime.llm.provider.ProviderModels;
import io.greenlang.runtime.llm.usage.UsageRecord;
import io.smallrye.faulttolerance.api.Guard;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One attempt at one link: admit it against the tenant's limits (reserving its most possible cost
 * and tokens), call the provider through the endpoint's circuit breaker, settle what it really
 * used, price it, and write its usage record, whatever the outcome.
 */
final class LinkAttempt {

  /** The request an attempt belongs to: its id and attempt counter across links. */
  record Request(UUID id, AtomicInteger attempts) {
    Request() {
      this(UUID.randomUUID(), new AtomicInteger());
    }
  }

  /** Reservations of a process that dies mid-call are released this long after the timeout. */
  private static final Duration RESERVATION_MARGIN = Duration.ofMinutes(1);

  private final AgentLlmChain chain;
  private final PriceTable prices;
  private final ProviderModels models;
  private final EndpointCircuitBreakers breakers;
  private final SpendLedger ledger;
  private final CallLimits limits;
  private final UsageJournal journal;
  private final LlmMetrics metrics;
  private final Clock clock;

  LinkAttempt(
      AgentLlmChain chain,
      PriceTable prices,
      ProviderModels models,
      EndpointCircuitBreakers breakers,
      SpendLedger ledger,
      CallLimits limits,
      UsageJournal journal,
      LlmMetrics metrics,
      Clock clock) {
    this.chain = chain;
    this.prices = prices;
    this.models = models;
    this.breakers = breakers;
    this.ledger = ledger;
    this.limits = limits;
    this.journal = journal;
    this.metrics = metrics;
    this.clock = clock;
  }

  <T> LlmResult<T> run(ChainLink link, Operation<T> operation, Request request) {
    int attempt = request.attempts().incrementAndGet();
    Instant started = clock.instant();
    UsageJournal.Entry entry = journal.entry(request.id(), attempt, operation, link, started);
    ModelPrice price =
        prices
            .price(link.provider(), operation.model(link), CallLimits.day(started))
            .orElseThrow(
                () ->
                    refusedLink(
                        entry,
                        FailureKind.CONFIGURATION,
                        link.describe()
                            + ": the price table has no price for model "
                            + operation.model(link)));
    long inputBound = operation.inputTokensUpperBound();
    long outputMax = operation.outputTokensMax(link);
    CallLimits.Estimate estimate =
        new CallLimits.Estimate(
            inputBound + outputMax, NanoDollars.roundedUp(price.cost(inputBound, outputMax)));
    String reservation = request.id() + ":" + attempt;
    admit(link, request, entry, reservation, estimate, started);

    long startNanos = System.nanoTime();
    Operation.Outcome<T> outcome;
    try {
      outcome = call(link, operation);
    } catch (ProviderFailure failure) {
      settle(link, reservation, new CallLimits.Use(0, 0), estimate);
      Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
      boolean sent = failure.kind().handling() != FailureKind.Handling.FAIL_OVER;
      entry.failed(failure.kind(), failure.getMessage(), latency, sent);
      metrics.error(link, failure.kind());
      metrics.attempt(
          link, operation.name(), sent ? UsageRecord.FAILED : UsageRecord.REFUSED, latency);
      throw failure;
    }
    Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);

    boolean estimated = outcome.inputTokens() == null || outcome.outputTokens() == null;
    long input = outcome.inputTokens() == null ? inputBound : outcome.inputTokens();
    long output =
        outcome.outputTokens() == null
            ? Math.min(outputMax, outcome.outputBytes())
            : outcome.outputTokens();
    BigDecimal cost = price.cost(input, output);
    Settlement settlement =
        settle(
            link,
            reservation,
            new CallLimits.Use(input + output, NanoDollars.exact(cost)),
            estimate);
    BigDecimal billed =
        settlement == null
            ? cost
            : cost.add(
                NanoDollars.toUsd(settlement.overages().get(0))
                    .multiply(BudgetNotices.OVERAGE_SURCHARGE)
                    .stripTrailingZeros());
    entry.succeeded(input, output, estimated, cost, billed, price.version(), latency);
    metrics.usage(link, input, output, cost);
    metrics.attempt(link, operation.name(), UsageRecord.SUCCEEDED, latency);
    if (outcome.contentFiltered()) {
      throw new ProviderFailure(
          FailureKind.CONTENT_POLICY,
          link.describe()
              + " stopped the answer under its content policy (finish reason content_filter)");
    }
    return new LlmResult<>(
        outcome.value(),
        request.id(),
        attempt,
        link.name(),
        link.endpoint(),
        link.providerLabel(),
        operation.model(link),
        input,
        output,
        cost,
        billed,
        price.version());
  }

  private void admit(
      ChainLink link,
      Request request,
      UsageJournal.Entry entry,
      String reservation,
      CallLimits.Estimate estimate,
      Instant now) {
    SpendLedger.Admission admission;
    try {
      admission =
          ledger.admit(
              limits.keys(),
              reservation,
              now.toEpochMilli(),
              now.plus(link.timeout()).plus(RESERVATION_MARGIN).toEpochMilli(),
              limits.admission(link.endpoint(), estimate, now));
    } catch (RuntimeException e) {
      String message =
          "the tenant's LLM budget and limits cannot be checked, so no call is made ("
              + e.getClass().getSimpleName()
              + ")";
      entry.refused(FailureKind.LIMITS_UNAVAILABLE, message);
      metrics.refusal(FailureKind.LIMITS_UNAVAILABLE);
      throw new LlmRefusedException(
          FailureKind.LIMITS_UNAVAILABLE, request.id(), refusedMessage(message), null);
    }
    if (admission instanceof SpendLedger.Refused refused) {
      FailureKind kind = refused.limit().refusal();
      String message = refused.limit().explain().apply(refused.current());
      if (kind == FailureKind.ENDPOINT_RATE_LIMITED) {
        throw refusedLink(entry, kind, link.describe() + ": " + message);
      }
      entry.refused(kind, message);
      metrics.error(link, kind);
      metrics.refusal(kind);
      throw new LlmRefusedException(
          kind,
          request.id(),
          refusedMessage(message),
          kind == FailureKind.TENANT_RATE_LIMITED ? CallLimits.untilNextWindow(now) : null);
    }
  }

  private String refusedMessage(String reason) {
    return "LLM request of agent "
        + chain.agent()
        + " (tenant "
        + chain.tenant()
        + ") refused: "
        + reason;
  }

  private ProviderFailure refusedLink(UsageJournal.Entry entry, FailureKind kind, String message) {
    entry.refused(kind, message);
    return new ProviderFailure(kind, message);
  }

  private <T> Operation.Outcome<T> call(ChainLink link, Operation<T> operation) {
    ProviderModels.LinkModels clients = models.forLink(link);
    Guard breaker = breakers.of(link.endpoint());
    try {
      @SuppressWarnings("unchecked")
      Class<Operation.Outcome<T>> type =
          (Class<Operation.Outcome<T>>) (Class<?>) Operation.Outcome.class;
      return breaker.call(
          () -> {
            try {
              return operation.invoke(clients, link);
            } catch (RuntimeException e) {
              throw ProviderFailureClassifier.classify(e, link, clients.apiKey());
            }
          },
          type);
    } catch (CircuitBreakerOpenException e) {
      throw new ProviderFailure(
          FailureKind.CIRCUIT_OPEN,
          link.describe() + ": skipped, its endpoint's circuit is open after repeated failures");
    } catch (ProviderFailure e) {
      throw e;
    } catch (Exception e) {
      throw ProviderFailureClassifier.classify(e, link, clients.apiKey());
    }
  }

  /** Settles a reservation; a Redis failure is logged, not thrown: the call has happened. */
  private Settlement settle(
      ChainLink link, String reservation, CallLimits.Use use, CallLimits.Estimate estimate) {
    Instant now = clock.instant();
    try {
      Settlement settlement =
          ledger.settle(
              limits.keys(),
              reservation,
              now.toEpochMilli(),
              CallLimits.month(now).toString(),
              limits.counters(use, now),
              limits.adjustments(link.endpoint(), use.tokens() - estimate.tokens(), now));
      BudgetNotices.report(settlement, limits, chain, metrics);
      return settlement;
    } catch (RuntimeException e) {
      BudgetNotices.settleFailed(chain, reservation, e);
      return null;
    }
  }

  List<ChainLink> links() {
    return chain.links();
  }
}
