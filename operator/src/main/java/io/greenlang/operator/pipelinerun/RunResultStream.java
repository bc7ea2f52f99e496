package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepStreams;
import io.greenlang.operator.region.RedisEndpoint;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Reads a run's result stream ({@link StepStreams#results}). The results read so far are kept per
 * run with the id of the last entry, so each pass reads only new entries (XRANGE from that id,
 * exclusive); a restarted operator starts with nothing kept and reads the whole stream, which is
 * what makes it restart-safe: results are applied from the stream again, and the status decides
 * which of them still count.
 */
@ApplicationScoped
public class RunResultStream {
  private static final Logger LOG = Logger.getLogger(RunResultStream.class);
  private static final String START = "0-0";

  private final StepBusConnections connections;
  private final Map<String, Read> reads = new ConcurrentHashMap<>();

  public RunResultStream(StepBusConnections connections) {
    this.connections = connections;
  }

  /** Every result of the run, in stream order, and the id of the last entry. */
  public Read read(RedisEndpoint endpoint, String tenant, String runUid) {
    Read known = reads.getOrDefault(runUid, new Read(List.of(), START));
    List<StreamMessage<String, String>> entries =
        connections
            .commands(endpoint)
            .xrange(
                StepStreams.results(tenant, runUid),
                Range.from(Range.Boundary.excluding(known.lastId()), Range.Boundary.unbounded()));
    if (entries.isEmpty()) {
      reads.putIfAbsent(runUid, known);
      return known;
    }
    List<StepResult> results = new ArrayList<>(known.results());
    for (StreamMessage<String, String> entry : entries) {
      String payload = entry.getBody().get(StepStreams.PAYLOAD_FIELD);
      try {
        results.add(BusJson.result(payload == null ? "" : payload));
      } catch (IllegalArgumentException e) {
        LOG.warnf("Run %s: result entry %s skipped: %s", runUid, entry.getId(), e.getMessage());
      }
    }
    Read read =
        new Read(Collections.unmodifiableList(results), entries.get(entries.size() - 1).getId());
    reads.put(runUid, read);
    return read;
  }

  /** Lets the stream expire at {@code until} (at once if that has passed). */
  public void expireAt(RedisEndpoint endpoint, String tenant, String runUid, Instant until) {
    RedisCommands<String, String> redis = connections.commands(endpoint);
    redis.pexpireat(StepStreams.results(tenant, runUid), until.toEpochMilli());
  }

  /** Drops what is kept for the run. */
  public void forget(String runUid) {
    reads.remove(runUid);
  }

  /** The results read so far and the last entry's id. */
  public record Read(List<StepResult> results, String lastId) {}
}
