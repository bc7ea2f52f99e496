package io.greenlang.crds.pipeline;

/** What to do when a run of a Pipeline starts while another is running. */
public enum ConcurrencyPolicy {
  /** Run both. */
  Allow,
  /** Keep the new run queued until the running one ends. */
  Forbid,
  /** Cancel the running one and start the new one. */
  Replace
}
