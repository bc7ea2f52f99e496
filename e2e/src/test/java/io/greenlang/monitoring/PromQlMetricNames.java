package io.greenlang.monitoring;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana {@code label_values(...)} variable query)
 * selects: every identifier that is not a function or aggregation, a keyword, a label name (in
 * matchers, {@code by}/{@code without}/{@code on}/{@code ignoring}/{@code group_*} lists), a
 * string, a number, a range or a Grafana variable.
 */
final class PromQlMetricNames {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern LABEL_LIST =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?[A-Za-z0-9_]+}?");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\(\\s*([A-Za-z_:][A-Za-z0-9_:]*)?[^)]*\\)");

  /** An identifier not glued to a number ("1e-9") or a preceding name character. */
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![A-Za-z0-9_:.])([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?");

  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "Inf", "NaN");

  private PromQlMetricNames() {}

  /** The metric names {@code expression} reads. */
  static Set<String> of(String expression) {
    Set<String> names = new LinkedHashSet<>();
    Matcher labelValues = LABEL_VALUES.matcher(expression);
    if (labelValues.find()) {
      // Grafana's label_values(metric{...}, label): only the first argument is a metric.
      if (labelValues.group(1) != null) {
        names.add(labelValues.group(1));
      }
      return names;
    }
    String text = STRING.matcher(expression).replaceAll(" ");
    text = MATCHERS.matcher(text).replaceAll(" ");
    text = RANGE.matcher(text).replaceAll(" ");
    text = LABEL_LIST.matcher(text).replaceAll(" ");
    text = VARIABLE.matcher(text).replaceAll(" ");
    Matcher identifier = IDENTIFIER.matcher(text);
    while (identifier.find()) {
      boolean call = identifier.group(2) != null;
      String name = identifier.group(1);
      if (!call && !KEYWORDS.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
