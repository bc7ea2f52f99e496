package io.greenlang.runtime.catalog;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads a CSV file (RFC 4180, first line the header) record by record with Jackson's CSV parser, as
 * {@link LabelledRow}s labelled {@code row N} (N counts data rows from 1). A record with more cells
 * than the header has is returned with the extra cells under {@link #EXTRA_CELLS}, so the caller
 * can report it as that row's error and go on.
 */
public final class CsvRecords implements Iterator<LabelledRow>, AutoCloseable {

  /** The key under which the cells beyond the header's columns are returned, joined by commas. */
  public static final String EXTRA_CELLS = "#extra";

  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

  private final MappingIterator<String[]> records;
  private final List<String> header;
  private int row;

  private CsvRecords(MappingIterator<String[]> records, List<String> header) {
    this.records = records;
    this.header = header;
  }

  /**
   * Opens {@code reader}; reads the header.
   *
   * @throws InvalidFactorTableException when there is no header or a column is named twice
   */
  public static CsvRecords open(Reader reader) {
    try {
      MappingIterator<String[]> records =
          MAPPER
              .readerFor(String[].class)
              .with(CsvSchema.emptySchema().withoutHeader())
              .with(CsvParser.Feature.SKIP_EMPTY_LINES)
              .readValues(reader);
      if (!records.hasNextValue()) {
        throw InvalidFactorTableException.of("header", "the CSV file is empty; it needs a header");
      }
      List<String> header = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String column : records.nextValue()) {
        String name = column.strip();
        if (name.isEmpty() || !seen.add(name)) {
          throw InvalidFactorTableException.of(
              "header", name.isEmpty() ? "a column has no name" : "column " + name + " twice");
        }
        header.add(name);
      }
      return new CsvRecords(records, List.copyOf(header));
    } catch (IOException e) {
      throw InvalidFactorTableException.of("header", "unreadable CSV: " + e.getMessage());
    }
  }

  /** The column names, in order. */
  public List<String> header() {
    return header;
  }

  @Override
  public boolean hasNext() {
    try {
      return records.hasNextValue();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read CSV after row " + row, e);
    }
  }

  @Override
  public LabelledRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String[] cells;
    try {
      cells = records.nextValue();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read CSV row " + (row + 1), e);
    }
    row++;
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(cells.length, header.size()); i++) {
      if (!cells[i].isEmpty()) {
        fields.put(header.get(i), cells[i]);
      }
    }
    if (cells.length > header.size()) {
      fields.put(
          EXTRA_CELLS, String.join(",", Arrays.asList(cells).subList(header.size(), cells.length)));
    }
    return new LabelledRow("row " + row, fields);
  }

  /** Reads all remaining records. */
  public List<LabelledRow> readAll() {
    List<LabelledRow> all = new ArrayList<>();
    forEachRemaining(all::add);
    return all;
  }

  @Override
  public void close() {
    try {
      records.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
