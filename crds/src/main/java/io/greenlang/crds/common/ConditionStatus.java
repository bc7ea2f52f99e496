package io.greenlang.crds.common;

/** The three values a Kubernetes condition status can take. */
public enum ConditionStatus {
  True,
  False,
  Unknown
}
