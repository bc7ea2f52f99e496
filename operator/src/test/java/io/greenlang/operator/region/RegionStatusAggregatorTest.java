package io.greenlang.operator.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.region.ClusterReachability;
import io.greenlang.crds.region.Region;
import io.greenlang.crds.region.RegionCode;
import io.greenlang.crds.region.RegionPhase;
import io.greenlang.crds.region.RegionSpec;
import io.greenlang.crds.region.RegionStatus;
import io.greenlang.operator.status.StatusChange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionStatusAggregatorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
  private static final ProbeResult DB_UP =
      ProbeResult.reachable("Connected", "PostgreSQL 15 answered");
  private static final ProbeResult CACHE_UP =
      ProbeResult.reachable("Connected", "Redis answered PONG");
  private static final List<ClusterReachability> LOCAL_UP =
      List.of(new ClusterReachability("local", true, null));

  @Test
  void everythingReachableMeansReady() {
    RegionStatus status =
        RegionStatusAggregator.aggregate(
            region(), new RegionObservation(List.of(), DB_UP, CACHE_UP, LOCAL_UP, true), 4, NOW);

    assertThat(status.getPhase()).isEqualTo(RegionPhase.Ready);
    assertThat(status.getConditions()).allMatch(Condition::isTrue);
    assertThat(status.getTenantCount()).isEqualTo(4);
    assertThat(status.getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void alwaysReportsTheSameFiveConditions() {
    RegionStatus status =
        RegionStatusAggregator.aggregate(
            region(),
            new RegionObservation(
                List.of(
                    new ConnectionSecrets.SecretProblem("SecretNotFound", "Secret a/b not found")),
                null,
                null,
                List.of(new ClusterReachability("local", false, "local cluster: refused")),
                false),
            0,
            NOW);

    assertThat(status.getConditions())
        .extracting(Condition::getType)
        .containsExactly(
            "Ready", "SecretsResolved", "ClustersReachable", "DatabaseReachable", "CacheReachable");
    assertThat(status.getConditions())
        .extracting(Condition::getStatus)
        .containsExactly(
            ConditionStatus.False,
            ConditionStatus.False,
            ConditionStatus.False,
            ConditionStatus.Unknown,
            ConditionStatus.Unknown);
    Condition ready = status.condition("Ready").orElseThrow();
    assertThat(ready.getReason()).isEqualTo("SecretNotFound");
    assertThat(ready.getMessage())
        .isEqualTo(
            "SecretsResolved: Secret a/b not found; ClustersReachable: local cluster: refused");
  }

  @Test
  void aSecondIdenticalObservationProducesNoStatusChange() {
    Region region = region();
    var seen = new RegionObservation(List.of(), DB_UP, CACHE_UP, LOCAL_UP, true);
    region.setStatus(RegionStatusAggregator.aggregate(region, seen, 1, NOW));

    RegionStatus again = RegionStatusAggregator.aggregate(region, seen, 1, NOW.plusSeconds(60));

    assertThat(StatusChange.differs(region.getStatus(), again)).isFalse();
  }

  @Test
  void downMemberClusterDoesNotMakeTheRegionNotReady() {
    var clusters =
        List.of(
            new ClusterReachability("local", true, null),
            new ClusterReachability("tenant-x", false, "cluster tenant-x: refused"));
    RegionStatus status =
        RegionStatusAggregator.aggregate(
            region(), new RegionObservation(List.of(), DB_UP, CACHE_UP, clusters, true), 0, NOW);

    assertThat(status.condition("Ready").orElseThrow().isTrue()).isTrue();
    assertThat(status.condition("ClustersReachable").orElseThrow().getMessage())
        .isEqualTo("cluster tenant-x: refused");
    assertThat(status.getReachableClusters()).isEqualTo(1);
  }

  private static Region region() {
    Region region = new Region();
    region.getMetadata().setName("eu");
    region.getMetadata().setGeneration(2L);
    RegionSpec spec = new RegionSpec();
    spec.setCode(RegionCode.EU);
    region.setSpec(spec);
    return region;
  }
}
