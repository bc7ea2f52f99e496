package io.greenlang.operator.pipelinerun;

/** Redis stream entry ids ({@code <ms>-<seq>}) compared as numbers. */
final class StreamIds {
  private StreamIds() {}

  /** The later of two ids. */
  static String later(String a, String b) {
    return compare(a, b) >= 0 ? a : b;
  }

  static int compare(String a, String b) {
    long[] x = parse(a);
    long[] y = parse(b);
    int byTime = Long.compare(x[0], y[0]);
    return byTime != 0 ? byTime : Long.compare(x[1], y[1]);
  }

  private static long[] parse(String id) {
    int dash = id.indexOf('-');
    return dash < 0
        ? new long[] {Long.parseLong(id), 0}
        : new long[] {
          Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))
        };
  }
}
