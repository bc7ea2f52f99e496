package io.greenlang.operator.tenant.desired;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.PhysicalIsolation;
import io.greenlang.crds.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/**
 * Node placement of a tenant with isolation physical: its pods require nodes labelled and tainted
 * {@code greenlang.io/tenant=<tenant>}, and run with the tenant's RuntimeClass when it names one.
 * Every workload the operator renders for such a tenant carries {@link #affinity}, {@link
 * #tolerations} and {@link #runtimeClassName}.
 */
public final class PhysicalPlacement {
  public static final String NODE_LABEL = "greenlang.io/tenant";

  private PhysicalPlacement() {}

  /** Whether the tenant's workloads are pinned to dedicated nodes. */
  public static boolean applies(Tenant tenant) {
    return tenant.getSpec().getIsolation() == IsolationLevel.PHYSICAL;
  }

  /** Required node affinity to the tenant's nodes. */
  public static Affinity affinity(String tenant) {
    return new AffinityBuilder()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .addNewMatchExpression()
        .withKey(NODE_LABEL)
        .withOperator("In")
        .withValues(tenant)
        .endMatchExpression()
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .build();
  }

  /** Toleration of the taint on the tenant's nodes. */
  public static List<Toleration> tolerations(String tenant) {
    return List.of(
        new TolerationBuilder()
            .withKey(NODE_LABEL)
            .withOperator("Equal")
            .withValue(tenant)
            .withEffect("NoSchedule")
            .build());
  }

  /** The sandboxed RuntimeClass the tenant asked for, if any. */
  public static Optional<String> runtimeClassName(Tenant tenant) {
    PhysicalIsolation physical = tenant.getSpec().getPhysical();
    return Optional.ofNullable(physical == null ? null : physical.getRuntimeClassName());
  }

  /** The toleration as the JSON the PodTolerationRestriction admission plugin reads. */
  static String tolerationsJson(String tenant) {
    return Serialization.asJson(tolerations(tenant));
  }
}
