package io.greenlang.benchmarks.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Where the ledger figures come from: machine, JVM, PostgreSQL and its commit settings, load. */
final class LedgerEnvironment {

  private LedgerEnvironment() {}

  static String describe(LedgerTenants database, String loadBefore) throws SQLException {
    return String.format(
        "- Date: %s%n- Machine: %d cores (%s)%n- JVM: %s %s%n- PostgreSQL: %s, synchronous_commit=%s,"
            + " fsync=%s, wal_sync_method=%s (every append is a durable commit)%n- Load average"
            + " (1/5/15 min) before: %s, after: %s (other work shares the machine)%n",
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        database.query("SELECT split_part(version(), ' on ', 1)"),
        database.query("SHOW synchronous_commit"),
        database.query("SHOW fsync"),
        database.query("SHOW wal_sync_method"),
        loadBefore,
        loadAverage());
  }

  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
