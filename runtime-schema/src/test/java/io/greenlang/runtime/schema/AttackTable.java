package io.greenlang.runtime.schema;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The attempts one tenant makes on another's data, with what was expected and what happened,
 * printed as a Markdown table (the same table is in docs/runtime/schema.md).
 */
public final class AttackTable {

  /** What an attempt observed; {@code asExpected} decides whether the test passes. */
  public record Outcome(boolean asExpected, String text) {

    public static Outcome expected(String text) {
      return new Outcome(true, text);
    }

    public static Outcome unexpected(String text) {
      return new Outcome(false, "UNEXPECTED: " + text);
    }
  }

  /** One attempt: what is tried, as whom, what must happen, and the probe that tries it. */
  public record Attempt(String attempt, String as, String expected, Probe probe) {}

  /** Tries the attempt against the database and reports what happened. */
  @FunctionalInterface
  public interface Probe {
    Outcome run() throws Exception;
  }

  /** The SQL that must fail with {@code sqlState}. */
  @FunctionalInterface
  public interface Refused {
    void run() throws SQLException;
  }

  private record Row(Attempt attempt, Outcome outcome) {}

  private final List<Row> rows = new ArrayList<>();

  /** Runs the attempt, records the row and returns the outcome (a failing probe is a row too). */
  public synchronized Outcome run(Attempt attempt) {
    Outcome outcome;
    try {
      outcome = attempt.probe().run();
    } catch (Exception e) {
      outcome = Outcome.unexpected(describe(e));
    }
    rows.add(new Row(attempt, outcome));
    return outcome;
  }

  /** Expects {@code action} to fail with {@code sqlState}. */
  public static Outcome refusedWith(String sqlState, Refused action) {
    try {
      action.run();
      return Outcome.unexpected("allowed");
    } catch (SQLException e) {
      return sqlState.equals(e.getSQLState())
          ? Outcome.expected("denied: " + describe(e))
          : Outcome.unexpected(describe(e));
    }
  }

  public static String describe(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    String firstLine = newline < 0 ? message : message.substring(0, newline);
    return e instanceof SQLException sql ? sql.getSQLState() + " " + firstLine : firstLine;
  }

  public synchronized void print(PrintStream out, String title) {
    out.println();
    out.println(title);
    out.println();
    out.println("| # | attempt | as | expected | outcome |");
    out.println("|---|---|---|---|---|");
    int number = 1;
    for (Row row : rows) {
      out.println(
          "| "
              + number++
              + " | "
              + cell(row.attempt().attempt())
              + " | "
              + cell(row.attempt().as())
              + " | "
              + cell(row.attempt().expected())
              + " | "
              + cell(row.outcome().text())
              + " |");
    }
    out.println();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
