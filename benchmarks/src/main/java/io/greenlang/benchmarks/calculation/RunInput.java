package io.greenlang.benchmarks.calculation;

import io.greenlang.runtime.calculation.batch.RowInput;
import io.greenlang.runtime.calculation.batch.RowInputs;
import io.greenlang.runtime.catalog.CsvRecords;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Streams the rows of a CSV file into a run, as the batch endpoint does with a request body. */
final class RunInput implements AutoCloseable {

  private final Reader reader;
  private final CsvRecords records;

  RunInput(Path file) throws IOException {
    reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    records = CsvRecords.open(reader);
  }

  Iterator<RowInput> rows() {
    return RowInputs.csv(records, Map.of());
  }

  @Override
  public void close() throws IOException {
    records.close();
    reader.close();
  }
}
