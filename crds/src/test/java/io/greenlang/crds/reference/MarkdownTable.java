package io.greenlang.crds.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table, plus the escaping that keeps arbitrary text (descriptions,
 * regular expressions, CEL rules) from breaking out of its cell.
 */
final class MarkdownTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  MarkdownTable(String... header) {
    this.header = List.of(header);
  }

  /** Adds a row of cells already escaped with {@link #text} or {@link #code}. */
  MarkdownTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "expected " + header.size() + " cells: " + Arrays.toString(cells));
    }
    rows.add(List.of(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    StringBuilder table = new StringBuilder();
    table.append(line(header));
    table.append(line(header.stream().map(column -> "---").toList()));
    rows.forEach(row -> table.append(line(row)));
    return table.toString();
  }

  private static String line(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  /**
   * Plain text for a cell: one line, pipes escaped, angle brackets shown rather than read as HTML.
   */
  static String text(String plain) {
    return plain
        .strip()
        .replaceAll("\\s*\\R\\s*", " ")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|");
  }

  /** A code span for a cell, fenced with two backticks when the code itself holds one. */
  static String code(String source) {
    String oneLine = source.strip().replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|");
    return oneLine.contains("`") ? "`` " + oneLine + " ``" : "`" + oneLine + "`";
  }
}
