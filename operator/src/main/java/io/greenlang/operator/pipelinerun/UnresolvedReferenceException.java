package io.greenlang.operator.pipelinerun;

/** A reference whose value is not available: a missing output key, parameter or input. */
class UnresolvedReferenceException extends RuntimeException {
  UnresolvedReferenceException(String message) {
    super(message);
  }
}
