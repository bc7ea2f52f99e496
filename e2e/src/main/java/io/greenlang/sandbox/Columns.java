package io.greenlang.sandbox;

import java.util.List;

/** Rows of text cells aligned in columns, the first row being the header. */
final class Columns {
  private Columns() {}

  static String render(List<String[]> rows) {
    int width = rows.get(0).length;
    int[] widths = new int[width];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append("  ");
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        out.append(i == row.length - 1 ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
