package io.greenlang.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.inject.Singleton;

/**
 * Leader election through a Lease in the operator's namespace, so several operator replicas can run
 * and only one reconciles. Active in the prod profile (the container and the sandbox), not in
 * tests.
 */
@Singleton
public class OperatorLeaderElection extends LeaderElectionConfiguration {
  public static final String LEASE_NAME = "greenlang-operator-leader";

  public OperatorLeaderElection(OperatorSettings settings) {
    super(LEASE_NAME, settings.operatorNamespace());
  }
}
