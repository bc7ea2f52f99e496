package io.greenlang.operator.tenant;

import java.util.ArrayList;
import java.util.List;

/** Cross-tenant access attempts and their outcomes, printed as a table in the test output. */
final class AccessAttempts {
  private final List<String[]> rows = new ArrayList<>();

  /** Records an attempt; {@code denied} says whether the system refused it. */
  void record(String level, String attempt, boolean denied, String outcome) {
    rows.add(new String[] {level, attempt, denied ? "DENIED" : "ALLOWED", outcome});
  }

  List<String[]> allowed() {
    return rows.stream().filter(r -> r[2].equals("ALLOWED")).toList();
  }

  int size() {
    return rows.size();
  }

  String render() {
    String[] header = {"level", "attempt (tenant A against tenant B)", "result", "what happened"};
    int[] widths = new int[header.length];
    List<String[]> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], Math.min(row[i].length(), 90));
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : all) {
      out.append("| ");
      for (int i = 0; i < row.length; i++) {
        String cell = row[i].length() > 90 ? row[i].substring(0, 87) + "..." : row[i];
        out.append(cell).append(" ".repeat(widths[i] - cell.length())).append(" | ");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
