package io.greenlang.runtime.llm.cost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.greenlang.crds.region.LlmProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a price table from its YAML form ({@value PriceTable#RESOURCE} in the runtime, or a file an
 * operator mounts), refusing anything that would make a cost ambiguous or inexact, with a message
 * that names the offending field.
 */
public final class PriceTableFile {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  record FileForm(List<VersionForm> versions) {}

  record VersionForm(String version, String effectiveFrom, List<EntryForm> entries) {}

  record EntryForm(
      LlmProvider provider,
      String model,
      List<String> aliases,
      String inputPer1k,
      String outputPer1k,
      String source) {}

  private PriceTableFile() {}

  /** The table shipped with the runtime. */
  public static PriceTable bundled() {
    try (InputStream in =
        PriceTableFile.class.getClassLoader().getResourceAsStream(PriceTable.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(PriceTable.RESOURCE + " is missing from the classpath");
      }
      return parse(in, PriceTable.RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + PriceTable.RESOURCE, e);
    }
  }

  /** The table in {@code file}. */
  public static PriceTable read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the price table " + file, e);
    }
  }

  /**
   * Parses a table; {@code origin} names it in error messages.
   *
   * @throws IllegalArgumentException naming the field when the table is invalid
   */
  public static PriceTable parse(InputStream in, String origin) throws IOException {
    FileForm form;
    try {
      form = YAML.readValue(in, FileForm.class);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(
          origin + ": " + path(e) + ": " + e.getOriginalMessage(), e);
    }
    if (form == null || form.versions() == null || form.versions().isEmpty()) {
      throw new IllegalArgumentException(origin + ": versions must list at least one version");
    }
    List<PriceTable.Version> versions = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int v = 0; v < form.versions().size(); v++) {
      VersionForm version = form.versions().get(v);
      String at = origin + ": versions[" + v + "]";
      require(
          version.version() != null && !version.version().isBlank(), at + ".version is required");
      require(names.add(version.version()), at + ".version " + version.version() + " is repeated");
      LocalDate effectiveFrom = date(version.effectiveFrom(), at + ".effectiveFrom");
      versions.add(
          new PriceTable.Version(
              version.version(), effectiveFrom, prices(version, at, version.version())));
    }
    return new PriceTable(versions);
  }

  private static Map<LlmProvider, Map<String, ModelPrice>> prices(
      VersionForm version, String at, String name) {
    require(
        version.entries() != null && !version.entries().isEmpty(),
        at + ".entries must list at least one price");
    Map<LlmProvider, Map<String, ModelPrice>> prices = new EnumMap<>(LlmProvider.class);
    for (int e = 0; e < version.entries().size(); e++) {
      EntryForm entry = version.entries().get(e);
      String field = at + ".entries[" + e + "]";
      require(entry.provider() != null, field + ".provider is required");
      require(entry.model() != null && !entry.model().isBlank(), field + ".model is required");
      require(
          entry.source() != null && !entry.source().isBlank(),
          field + ".source is required: say where the price was published");
      ModelPrice price =
          new ModelPrice(
              entry.provider(),
              entry.model(),
              amount(entry.inputPer1k(), field + ".inputPer1k"),
              amount(entry.outputPer1k(), field + ".outputPer1k"),
              name,
              entry.source());
      Map<String, ModelPrice> byModel =
          prices.computeIfAbsent(entry.provider(), p -> new HashMap<>());
      List<String> ids = new ArrayList<>();
      ids.add(entry.model());
      if (entry.aliases() != null) {
        ids.addAll(entry.aliases());
      }
      for (String id : ids) {
        require(
            byModel.putIfAbsent(id, price) == null,
            field + ": model " + id + " of provider " + entry.provider() + " is priced twice");
      }
    }
    return prices;
  }

  /** The field path of a mapping error, such as {@code versions[0].entries[3].provider}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static BigDecimal amount(String value, String field) {
    require(value != null, field + " is required (a decimal string such as \"0.003\")");
    BigDecimal amount;
    try {
      amount = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not a decimal number: " + value, e);
    }
    require(amount.signum() >= 0, field + " must not be negative: " + value);
    require(
        amount.stripTrailingZeros().scale() <= ModelPrice.MAX_PRICE_SCALE,
        field
            + " has more than "
            + ModelPrice.MAX_PRICE_SCALE
            + " decimals ("
            + value
            + "): costs would not be exact in nano-dollars");
    return amount;
  }

  private static LocalDate date(String value, String field) {
    require(value != null, field + " is required (YYYY-MM-DD)");
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not a date (YYYY-MM-DD): " + value, e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
