package io.greenlang.operator.tenant;

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
    GroupResult rbacGroup) {

  /** Result of syncing one group of objects. */
  public record GroupResult(State state, String message, SyncResult writes) {
    public static GroupResult notAttempted(String why) {
      return new GroupResult(State.NOT_ATTEMPTED, why, SyncResult.NONE);
    }

    public static GroupResult synced(String message, SyncResult writes) {
      return new GroupResult(State.SYNCED, message, writes);
    }

    public static GroupResult failed(String message) {
      return new GroupResult(State.FAILED, message, SyncResult.NONE);
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
    return List.of(namespaceGroup, quotaGroup, rbacGroup).stream()
        .allMatch(g -> g.state() == State.SYNCED);
  }

  /** Writes to the cluster this pass made, summed over the groups. */
  public SyncResult writes() {
    return namespaceGroup.writes().plus(quotaGroup.writes()).plus(rbacGroup.writes());
  }
}
