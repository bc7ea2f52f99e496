package io.greenlang.testsupport.kubernetes;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The object store of the mock API server with an index by resource plural and object name, so a
 * request for one named object looks at the few objects of that name instead of every stored one
 * (what makes the stock store quadratic in the number of objects). The entries themselves, their
 * order and every other query are those of the stock store.
 */
final class NameIndexedStore extends AbstractMap<AttributeSet, String> {
  static final String PLURAL = "plural";
  static final String NAME = "name";

  /** Not a valid object name, so no stored object is indexed under it. */
  private static final String UNSET_NAME = "\u0000unset";

  private final Map<AttributeSet, String> entries =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<String, Set<AttributeSet>> byName = new ConcurrentHashMap<>();

  @Override
  public String put(AttributeSet key, String value) {
    synchronized (entries) {
      String previous = entries.put(key, value);
      identity(key)
          .ifPresent(id -> byName.computeIfAbsent(id, i -> ConcurrentHashMap.newKeySet()).add(key));
      return previous;
    }
  }

  @Override
  public String remove(Object key) {
    synchronized (entries) {
      String previous = entries.remove(key);
      if (previous != null && key instanceof AttributeSet attributes) {
        identity(attributes)
            .ifPresent(
                id ->
                    byName.computeIfPresent(
                        id,
                        (i, keys) -> {
                          keys.remove(attributes);
                          return keys.isEmpty() ? null : keys;
                        }));
      }
      return previous;
    }
  }

  @Override
  public String get(Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public void clear() {
    synchronized (entries) {
      entries.clear();
      byName.clear();
    }
  }

  /** A read-only view; the dispatcher changes entries through put and remove only. */
  @Override
  public Set<Map.Entry<AttributeSet, String>> entrySet() {
    return Collections.unmodifiableMap(entries).entrySet();
  }

  /** How many objects are stored per resource plural (such as {@code deployments}). */
  Map<String, Long> countByPlural() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    synchronized (entries) {
      for (AttributeSet key : entries.keySet()) {
        counts.merge(exact(key.getAttribute(PLURAL)).orElse("?"), 1L, Long::sum);
      }
    }
    return counts;
  }

  /**
   * The stored entries a query by plural and name can match, or empty when the query does not name
   * exactly one plural and one name (then only a full scan answers it).
   */
  Optional<Stream<Map.Entry<AttributeSet, String>>> candidates(AttributeSet query) {
    Optional<String> id = identity(query);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Set<AttributeSet> keys = byName.getOrDefault(id.get(), Set.of());
    return Optional.of(
        List.copyOf(keys).stream()
            .filter(key -> key.matches(query))
            .map(key -> Map.entry(key, entries.get(key)))
            .filter(entry -> entry.getValue() != null));
  }

  /**
   * "plural/name" when the attributes hold one exact value for each, else empty. A name without a
   * value (a create with only generateName, such as an Event) names no stored object, since every
   * stored object has its name by then: it gets an identity nothing is indexed under.
   */
  static Optional<String> identity(AttributeSet attributes) {
    Optional<String> plural = exact(attributes.getAttribute(PLURAL));
    Attribute nameAttribute = attributes.getAttribute(NAME);
    if (plural.isPresent() && isUnset(nameAttribute)) {
      return Optional.of(plural.get() + "/" + UNSET_NAME);
    }
    Optional<String> name = exact(nameAttribute);
    return plural.isPresent() && name.isPresent()
        ? Optional.of(plural.get() + "/" + name.get())
        : Optional.empty();
  }

  private static boolean isUnset(Attribute attribute) {
    return attribute != null
        && attribute.getType() == AttributeType.WITH
        && attribute.getValues().size() == 1
        && attribute.getValues().get(0).toString() == null;
  }

  private static Optional<String> exact(Attribute attribute) {
    if (attribute == null
        || attribute.getType() != AttributeType.WITH
        || attribute.getValues().size() != 1) {
      return Optional.empty();
    }
    String value = attribute.getValues().get(0).toString();
    return value == null || value.equals("*") ? Optional.empty() : Optional.of(value);
  }
}
