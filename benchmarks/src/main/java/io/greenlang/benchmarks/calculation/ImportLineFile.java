package io.greenlang.benchmarks.calculation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes N CBAM import lines as the CSV the batch API takes, the same bytes for the same N every
 * time (a fixed seed): 60 % actual supplier values, 40 % default values; four CN codes (hot-rolled
 * steel, sections, unwrought aluminium, cement), six countries, masses in t or kg, a benchmark on
 * most actual lines.
 */
final class ImportLineFile {

  static final long SEED = 20260601L;
  static final String[] CN_CODES = {"72081000", "72161000", "76011000", "25232900"};
  static final String[] COUNTRIES = {"CN", "IN", "TR", "UA", "VN", "EG"};
  static final String HEADER =
      "lineId,cnCode,countryOfOrigin,netMass.value,netMass.unit,method,seeDirect.value,"
          + "seeDirect.unit,seeIndirect.value,seeIndirect.unit,defaultValues,countedEmissions,"
          + "benchmark.table,benchmark.subject";

  private ImportLineFile() {}

  /** The file with {@code rows} lines under {@code dir}, generated unless it already exists. */
  static Path ensure(Path dir, int rows) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("cbam-import-lines-" + rows + ".csv");
    if (Files.exists(file)) {
      return file;
    }
    Path partial = dir.resolve(file.getFileName() + ".partial");
    Random random = new Random(SEED);
    try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      StringBuilder line = new StringBuilder(160);
      for (int i = 1; i <= rows; i++) {
        line.setLength(0);
        int code = random.nextInt(CN_CODES.length);
        String cn = CN_CODES[code];
        boolean kilograms = random.nextInt(4) == 0;
        long milli = 1 + random.nextInt(5_000_000);
        line.append("L")
            .append(i)
            .append(',')
            .append(cn)
            .append(',')
            .append(COUNTRIES[random.nextInt(COUNTRIES.length)])
            .append(',')
            .append(kilograms ? Long.toString(milli) : milli / 1000 + "." + pad(milli % 1000))
            .append(kilograms ? ",kg," : ",t,");
        if (random.nextInt(10) < 6) {
          line.append("actual,")
              .append(random.nextInt(3) + "." + pad(random.nextInt(1000)))
              .append(",t/t,")
              .append("0.")
              .append(pad(random.nextInt(500)))
              .append(",t/t,");
        } else {
          line.append("default,,,,,");
        }
        line.append(BenchmarkTables.TABLE)
            .append(',')
            .append(code == 3 ? "total" : "direct")
            .append(',');
        if (random.nextInt(10) < 8) {
          line.append(BenchmarkTables.TABLE).append(",benchmark-").append(cn);
        } else {
          line.append(',');
        }
        line.append('\n');
        out.append(line);
      }
    }
    Files.move(partial, file);
    return file;
  }

  private static String pad(long value) {
    return value < 10 ? "00" + value : value < 100 ? "0" + value : Long.toString(value);
  }
}
