package io.greenlang.operator.admission;

/**
 * Reading a resource the admission rules need failed (API server unreachable, forbidden, timed
 * out); the webhook denies the request with this message rather than guess.
 */
public class LookupFailedException extends RuntimeException {
  public LookupFailedException(String what, Throwable cause) {
    super(what + " failed: " + cause.getMessage(), cause);
  }
}
