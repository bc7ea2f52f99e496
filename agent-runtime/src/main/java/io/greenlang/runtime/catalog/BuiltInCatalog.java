package io.greenlang.runtime.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The factor tables shipped with the runtime: {@code catalog/index.yaml} on the class path lists
 * each table version and its CSV file. Loaded once; a malformed file stops the runtime at start
 * with the problem named.
 */
public final class BuiltInCatalog {

  /** Where the catalog lives on the class path. */
  public static final String DIRECTORY = "catalog/";

  private static final ObjectMapper YAML =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static volatile BuiltInCatalog shipped;

  private final Map<String, NavigableMap<Integer, FactorTable>> tables;

  BuiltInCatalog(List<FactorTable> tables) {
    Map<String, NavigableMap<Integer, FactorTable>> byId = new TreeMap<>();
    for (FactorTable table : tables) {
      FactorTable previous =
          byId.computeIfAbsent(table.id(), id -> new TreeMap<>()).put(table.version(), table);
      if (previous != null) {
        throw new IllegalStateException(
            "built-in table " + table.id() + " version " + table.version() + " listed twice");
      }
    }
    this.tables = Collections.unmodifiableMap(byId);
  }

  /** The catalog shipped in this runtime's resources. */
  public static BuiltInCatalog shipped() {
    BuiltInCatalog catalog = shipped;
    if (catalog == null) {
      synchronized (BuiltInCatalog.class) {
        catalog = shipped;
        if (catalog == null) {
          catalog = load(BuiltInCatalog.class.getClassLoader());
          shipped = catalog;
        }
      }
    }
    return catalog;
  }

  static BuiltInCatalog load(ClassLoader loader) {
    Index index;
    try (InputStream in = open(loader, "index.yaml")) {
      index = YAML.readValue(in, Index.class);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + DIRECTORY + "index.yaml", e);
    }
    List<FactorTable> tables = new ArrayList<>();
    for (Entry entry : index.tables()) {
      try (Reader reader =
              new InputStreamReader(open(loader, entry.file()), StandardCharsets.UTF_8);
          CsvRecords records = CsvRecords.open(reader)) {
        List<FactorRow> rows =
            FactorRowParser.parse(entry.id(), entry.version(), records.readAll());
        tables.add(
            new FactorTable(
                entry.id(),
                entry.version(),
                entry.title(),
                entry.description(),
                TableOrigin.BUILT_IN,
                rows));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + DIRECTORY + entry.file(), e);
      } catch (InvalidFactorTableException e) {
        throw new IllegalStateException(
            "built-in factor table " + DIRECTORY + entry.file() + " is invalid: " + e.getMessage(),
            e);
      }
    }
    return new BuiltInCatalog(tables);
  }

  private static InputStream open(ClassLoader loader, String file) throws IOException {
    InputStream in = loader.getResourceAsStream(DIRECTORY + file);
    if (in == null) {
      throw new IOException("not on the class path: " + DIRECTORY + file);
    }
    return in;
  }

  /** Whether a built-in table has this id (tenant tables may not take it). */
  public boolean has(String tableId) {
    return tables.containsKey(tableId);
  }

  /** The table at {@code version}, or its latest version when {@code version} is null. */
  public Optional<FactorTable> table(String tableId, Integer version) {
    NavigableMap<Integer, FactorTable> versions = tables.get(tableId);
    if (versions == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        version == null ? versions.lastEntry().getValue() : versions.get(version));
  }

  /** Every version of every table, by id then version. */
  public List<FactorTable> tables() {
    List<FactorTable> all = new ArrayList<>();
    tables.values().forEach(versions -> all.addAll(versions.values()));
    return all;
  }

  /** The index file: the table versions and their CSV files. */
  record Index(List<Entry> tables) {}

  /** One table version of the index. */
  record Entry(String id, int version, String file, String title, String description) {}
}
