package io.greenlang.runtime.llm.chain;

import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.metrics.LlmMetrics;
import io.greenlang.runtime.llm.usage.UsageRecord;
import io.greenlang.runtime.llm.usage.UsageRecorder;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Writes one usage record per attempt. A record that cannot be written is logged and counted, not
 * thrown: the call has happened (and is counted in Redis) whether or not PostgreSQL took the row.
 */
final class UsageJournal {

  private static final Logger LOG = Logger.getLogger(UsageJournal.class);

  private final AgentLlmChain chain;
  private final UsageRecorder recorder;
  private final LlmMetrics metrics;

  UsageJournal(AgentLlmChain chain, UsageRecorder recorder, LlmMetrics metrics) {
    this.chain = chain;
    this.recorder = recorder;
    this.metrics = metrics;
  }

  Entry entry(
      UUID requestId, int attempt, Operation<?> operation, ChainLink link, Instant started) {
    return new Entry(requestId, attempt, operation.name(), operation.model(link), link, started);
  }

  /** The record of one attempt, written once it has an outcome. */
  final class Entry {
    private final UUID requestId;
    private final int attempt;
    private final String operation;
    private final String model;
    private final ChainLink link;
    private final Instant started;

    private Entry(
        UUID requestId,
        int attempt,
        String operation,
        String model,
        ChainLink link,
        Instant started) {
      this.requestId = requestId;
      this.attempt = attempt;
      this.operation = operation;
      this.model = model;
      this.link = link;
      this.started = started;
    }

    void succeeded(
        long input,
        long output,
        boolean estimated,
        BigDecimal cost,
        BigDecimal billed,
        String priceVersion,
        Duration latency) {
      write(
          input,
          output,
          estimated,
          cost,
          billed,
          priceVersion,
          latency,
          UsageRecord.SUCCEEDED,
          null,
          null);
    }

    void failed(FailureKind kind, String message, Duration latency, boolean sent) {
      write(
          0,
          0,
          false,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          null,
          latency,
          sent ? UsageRecord.FAILED : UsageRecord.REFUSED,
          kind,
          message);
    }

    void refused(FailureKind kind, String message) {
      write(
          0,
          0,
          false,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          null,
          Duration.ZERO,
          UsageRecord.REFUSED,
          kind,
          message);
    }

    private void write(
        long input,
        long output,
        boolean estimated,
        BigDecimal cost,
        BigDecimal billed,
        String priceVersion,
        Duration latency,
        String status,
        FailureKind kind,
        String message) {
      UsageRecord record =
          new UsageRecord(
              chain.tenant(),
              chain.agent(),
              requestId,
              attempt,
              operation,
              link.name(),
              link.endpoint(),
              link.providerLabel(),
              model,
              input,
              output,
              estimated,
              cost,
              billed,
              priceVersion,
              latency,
              status,
              kind == null ? null : kind.label(),
              message,
              started);
      try {
        recorder.record(record);
      } catch (SQLException | RuntimeException e) {
        metrics.usageWriteFailure();
        LOG.errorf(
            "Could not write the usage record of LLM request %s attempt %d (tenant %s, %s %s, cost"
                + " %s USD): %s",
            requestId, attempt, chain.tenant(), status, link.describe(), cost.toPlainString(), e);
      }
    }
  }
}
