package io.greenlang.operator.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a cluster hold the objects the operator wants, in any cluster it has a client for: creates
 * the missing, merge-patches the different, leaves the matching alone, and deletes owned objects no
 * longer wanted. Reads before it writes, so a settled tenant costs reads only.
 */
public final class OwnedObjectSync {
  private final KubernetesClient client;

  public OwnedObjectSync(KubernetesClient client) {
    this.client = client;
  }

  /** Creates or updates each desired object; returns how many writes that took. */
  public SyncResult apply(Collection<? extends HasMetadata> desired) {
    SyncResult result = SyncResult.NONE;
    for (HasMetadata wanted : desired) {
      HasMetadata actual = client.resource(wanted).get();
      if (actual == null) {
        client.resource(wanted).create();
        result = result.plus(new SyncResult(1, 0, 0));
      } else if (!OwnedObjectMatcher.matches(wanted, actual)) {
        // The client sends the difference as a JSON patch guarded by the resourceVersion read
        // above,
        // so a concurrent change fails this write (and the next reconcile retries) instead of being
        // lost.
        client.resource(actual).edit(current -> OwnedObjectMatcher.overlay(wanted, current));
        result = result.plus(new SyncResult(0, 1, 0));
      }
    }
    return result;
  }

  /**
   * Deletes objects of a kind in a namespace that carry all of {@code ownedBy} but whose names are
   * not in {@code keep}, such as the RoleBinding of a member who was removed.
   */
  public <T extends HasMetadata> SyncResult prune(
      Class<T> kind, String namespace, Map<String, String> ownedBy, Set<String> keep) {
    List<T> owned =
        client.resources(kind).inNamespace(namespace).withLabels(ownedBy).list().getItems();
    int deleted = 0;
    for (T object : owned) {
      if (!keep.contains(object.getMetadata().getName())) {
        client.resource(object).delete();
        deleted++;
      }
    }
    return new SyncResult(0, 0, deleted);
  }

  /** Writes a sync made: objects created, updated and deleted. */
  public record SyncResult(int created, int updated, int deleted) {
    public static final SyncResult NONE = new SyncResult(0, 0, 0);

    public SyncResult plus(SyncResult other) {
      return new SyncResult(
          created + other.created, updated + other.updated, deleted + other.deleted);
    }

    public boolean wrote() {
      return created + updated + deleted > 0;
    }
  }
}
