package io.greenlang.runtime.llm.cost;

import io.greenlang.crds.region.LlmProvider;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned price table: for a provider kind, model and day, the price in effect. A version
 * applies from its effective date (UTC) until the next version's, so costs recorded under an old
 * version stay reproducible after prices change.
 */
public final class PriceTable {

  /** Where the price table shipped with the runtime is on the classpath. */
  public static final String RESOURCE = "llm/prices.yaml";

  /**
   * One version of the table.
   *
   * @param version the name recorded with every call it prices
   * @param effectiveFrom the first UTC day it applies to
   * @param prices by provider kind, then by model id or alias ({@code *}: any other model)
   */
  public record Version(
      String version, LocalDate effectiveFrom, Map<LlmProvider, Map<String, ModelPrice>> prices) {}

  private final List<Version> versions;

  /** A table of the given versions, in any order; at least one. */
  public PriceTable(List<Version> versions) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("A price table needs at least one version");
    }
    List<Version> sorted = new ArrayList<>(versions);
    sorted.sort(Comparator.comparing(Version::effectiveFrom).reversed());
    this.versions = List.copyOf(sorted);
  }

  /** The price-table version in effect on {@code day}, if any version is. */
  public Optional<Version> versionOn(LocalDate day) {
    return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day)).findFirst();
  }

  /** The price of {@code model} of {@code provider} in effect on {@code day}. */
  public Optional<ModelPrice> price(LlmProvider provider, String model, LocalDate day) {
    return versionOn(day)
        .map(v -> v.prices().getOrDefault(provider, Map.of()))
        .flatMap(byModel -> Optional.ofNullable(byModel.getOrDefault(model, byModel.get("*"))));
  }

  /** Every version, newest first. */
  public List<Version> versions() {
    return versions;
  }
}
