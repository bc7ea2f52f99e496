package io.greenlang.operator.region;

import io.greenlang.crds.region.ClusterReachability;
import java.util.List;

/**
 * What the operator found when it looked at a Region's infrastructure: Secret problems, and probe
 * results for what could be probed (null where the Secret needed for a probe was unusable).
 */
public record RegionObservation(
    List<ConnectionSecrets.SecretProblem> secretProblems,
    ProbeResult database,
    ProbeResult cache,
    List<ClusterReachability> clusters,
    boolean localClusterReachable) {}
