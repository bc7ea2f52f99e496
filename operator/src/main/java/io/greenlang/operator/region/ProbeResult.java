package io.greenlang.operator.region;

/** Outcome of one reachability probe, ready to become a condition (reason is CamelCase). */
public record ProbeResult(boolean reachable, String reason, String message) {
  public static ProbeResult reachable(String reason, String message) {
    return new ProbeResult(true, reason, message);
  }

  public static ProbeResult unreachable(String reason, String message) {
    return new ProbeResult(false, reason, message);
  }
}
