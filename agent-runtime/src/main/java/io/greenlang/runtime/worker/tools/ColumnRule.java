package io.greenlang.runtime.worker.tools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One column {@code validate-csv} expects: its header name, its type, and whether it is required
 * (in the header, and a value in every row) or optional (absent, or empty in some rows).
 *
 * @param name the header name
 * @param type the type of its cells
 * @param required whether the header must have it and every row a value
 */
public record ColumnRule(String name, ColumnType type, boolean required) {

  /**
   * Reads a {@code columns} setting: comma-separated {@code name:type}, a {@code ?} after the type
   * marking a column whose cells may be empty, e.g. {@code cn_code:cn-code, origin:iso-country,
   * installation:text?}. A required column must be in the header; an optional one may be absent.
   *
   * @param setting where the text comes from, for the error message
   * @throws IllegalArgumentException naming the setting and the bad part
   */
  public static List<ColumnRule> parse(String text, String setting) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          setting + " is required: name:type pairs, comma-separated");
    }
    List<ColumnRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String part : text.split(",")) {
      String item = part.strip();
      int colon = item.indexOf(':');
      if (colon < 1 || colon == item.length() - 1) {
        throw new IllegalArgumentException(
            setting + ": '" + item + "' is not name:type (such as cn_code:cn-code)");
      }
      String name = item.substring(0, colon).strip();
      String typeText = item.substring(colon + 1).strip();
      boolean optional = typeText.endsWith("?");
      if (optional) {
        typeText = typeText.substring(0, typeText.length() - 1).strip();
      }
      ColumnType type;
      try {
        type = ColumnType.byId(typeText);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(setting + ": column " + name + ": " + e.getMessage());
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException(setting + ": column " + name + " is listed twice");
      }
      rules.add(new ColumnRule(name, type, !optional));
    }
    return rules;
  }
}
