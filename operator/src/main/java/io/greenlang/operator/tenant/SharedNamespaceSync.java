package io.greenlang.operator.tenant;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.operator.OperatorSettings;
import io.greenlang.operator.cluster.OwnedObjectSync;
import io.greenlang.operator.cluster.OwnedObjectSync.SyncResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the shared namespace's own objects (namespace, quota, limits, network policies) in place
 * for all logical tenants of a cluster. They are the same for every such tenant, so once a pass
 * found them as desired, the passes of other tenants within {@code
 * greenlang.tenant.shared-objects-recheck-interval} skip them: reconciling N logical tenants then
 * costs N times the tenant's own objects, not N times the namespace's (found by the 10,000 logical
 * Tenant benchmark, where those reads were most of the API traffic). A change of what is desired
 * (another Region egress list, say) is applied at once; a hand edit of a shared object is undone
 * within the interval.
 */
@ApplicationScoped
public class SharedNamespaceSync {
  private final Duration recheckInterval;
  private final Clock clock;
  private final Map<String, Confirmation> confirmed = new ConcurrentHashMap<>();

  @Inject
  public SharedNamespaceSync(OperatorSettings settings) {
    this(settings.tenant().sharedObjectsRecheckInterval(), Clock.systemUTC());
  }

  SharedNamespaceSync(Duration recheckInterval, Clock clock) {
    this.recheckInterval = recheckInterval;
    this.clock = clock;
  }

  /**
   * Applies {@code shared} through {@code sync} unless the same objects were found in place in
   * {@code cluster} within the recheck interval; returns the writes it took.
   */
  public SyncResult apply(String cluster, OwnedObjectSync sync, List<HasMetadata> shared) {
    if (shared.isEmpty()) {
      return SyncResult.NONE;
    }
    String fingerprint = fingerprint(shared);
    Instant now = clock.instant();
    Confirmation last = confirmed.get(cluster);
    if (last != null
        && last.fingerprint().equals(fingerprint)
        && now.isBefore(last.at().plus(recheckInterval))) {
      return SyncResult.NONE;
    }
    confirmed.remove(cluster);
    SyncResult written = sync.apply(shared);
    confirmed.put(cluster, new Confirmation(fingerprint, now));
    return written;
  }

  /** Forgets what was confirmed in a cluster, so the next pass reads its objects again. */
  public void forget(String cluster) {
    confirmed.remove(cluster);
  }

  private static String fingerprint(List<HasMetadata> objects) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (HasMetadata object : objects) {
        digest.update(Serialization.asJson(object).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private record Confirmation(String fingerprint, Instant at) {}
}
