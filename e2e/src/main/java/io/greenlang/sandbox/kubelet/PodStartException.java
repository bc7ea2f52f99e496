package io.greenlang.sandbox.kubelet;

/**
 * A pod cannot start as specified (a missing Secret or key, an unsupported field): the Deployment
 * reports it as {@code ReplicaFailure}. Messages name objects and keys, never values.
 */
public final class PodStartException extends RuntimeException {
  PodStartException(String message) {
    super(message);
  }
}
