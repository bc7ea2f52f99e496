package io.greenlang.operator.tenant;

import io.greenlang.crds.common.SecretReference;
import io.greenlang.operator.cluster.OwnedObjectSync.SyncResult;
import java.util.List;

/**
 * What one provisioning pass did: where the tenant is (or why it waits), and per group of objects
 * whether it is in place, failed, or was not attempted.
 */
public record ProvisioningOutcome(
    TenantPlacement placement,
    String namespace,
    GroupResult namespaceGroup,
    GroupResult quotaGroup,
    GroupResult rbacGroup,
    GroupResult databaseGroup,
    GroupResult cacheGroup,
    String database,
    SecretReference credentialsSecret) {

  /** Result of syncing one group of objects. */
  public record GroupResult(State state, String reason, String message, SyncResult writes) {
    public static GroupResult notAttempted(String why) {
      return new GroupResult(State.NOT_ATTEMPTED, "Waiting", why, SyncResult.NONE);
    }

    public static GroupResult synced(String message, SyncResult writes) {
      return new GroupResult(State.SYNCED, "Provisioned", message, writes);
    }

    public static GroupResult failed(String message) {
      return failed("ProvisioningFailed", message);
    }

    public static GroupResult failed(String reason, String message) {
      return new GroupResult(State.FAILED, reason, message, SyncResult.NONE);
    }
  }

  /** State of one group. */
  public enum State {
    SYNCED,
    FAILED,
    NOT_ATTEMPTED
  }

  public boolean placed() {
    return placement instanceof TenantPlacement.Placed;
  }

  public boolean allSynced() {
    return groups().stream().allMatch(g -> g.state() == State.SYNCED);
  }

  /** Every group, in the order of the conditions that report them. */
  public List<GroupResult> groups() {
    return List.of(namespaceGroup, databaseGroup, cacheGroup, rbacGroup, quotaGroup);
  }

  /** Writes to the cluster this pass made, summed over the groups. */
  public SyncResult writes() {
    return groups().stream().map(GroupResult::writes).reduce(SyncResult.NONE, SyncResult::plus);
  }
}
