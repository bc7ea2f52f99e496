package io.greenlang.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An informer store that keeps a reduced copy of each object: what a controller reads of a
 * secondary resource it only counts or maps, not the whole object. Event handlers still receive the
 * object as the API server sent it; only what stays in memory between events is reduced.
 *
 * <p>At 10,000 Agents the Tenant and Pipeline controllers' Agent informers held two more full
 * copies of every Agent (spec, status and its conditions) next to the Agent controller's own cache.
 */
public final class PrunedItemStore<T extends HasMetadata> implements ItemStore<T> {
  private final BasicItemStore<T> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
  private final UnaryOperator<T> prune;

  /**
   * @param prune returns the copy to keep; it must keep the metadata the informer and
   *     java-operator-sdk read (name, namespace, uid, resourceVersion, generation) and must not
   *     change its argument
   */
  public PrunedItemStore(UnaryOperator<T> prune) {
    this.prune = prune;
  }

  @Override
  public String getKey(T object) {
    return store.getKey(object);
  }

  @Override
  public T put(String key, T object) {
    return store.put(key, prune.apply(object));
  }

  @Override
  public T remove(String key) {
    return store.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return store.keySet();
  }

  @Override
  public Stream<T> values() {
    return store.values();
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public T get(String key) {
    return store.get(key);
  }
}
