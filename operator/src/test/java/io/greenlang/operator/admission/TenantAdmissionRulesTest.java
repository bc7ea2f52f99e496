package io.greenlang.operator.admission;

import static io.greenlang.operator.admission.AdmissionFixtures.clusterTenant;
import static io.greenlang.operator.admission.AdmissionFixtures.member;
import static io.greenlang.operator.admission.AdmissionFixtures.region;
import static io.greenlang.operator.admission.AdmissionFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TenantAdmissionRules: the Region exists; a dedicated cluster is a free member of it. */
class TenantAdmissionRulesTest {
  private final InMemoryLookup lookup =
      new InMemoryLookup()
          .with(
              region(
                  "eu",
                  member("member-free", null),
                  member("member-acme", "acme"),
                  member("member-globex", "globex")));

  @Test
  void allowsATenantOfAnExistingRegion() {
    for (IsolationLevel level : List.of(IsolationLevel.LOGICAL, IsolationLevel.DATABASE)) {
      assertThat(TenantAdmissionRules.check(tenant("acme", level, "eu"), lookup)).isEmpty();
    }
  }

  @Test
  void deniesAMissingRegionNamingSpecRegion() {
    List<FieldViolation> violations =
        TenantAdmissionRules.check(tenant("acme", IsolationLevel.DATABASE, "mars"), lookup);

    assertThat(violations)
        .containsExactly(
            new FieldViolation(
                "spec.region", TenantAdmissionRules.REGION_NOT_FOUND, "Region \"mars\" not found"));
    assertThat(violations.get(0).describe()).isEqualTo("spec.region: Region \"mars\" not found");
  }

  @Test
  void allowsAFreeMemberClusterOrOneDedicatedToTheTenant() {
    assertThat(TenantAdmissionRules.check(clusterTenant("acme", "eu", "member-free"), lookup))
        .isEmpty();
    assertThat(TenantAdmissionRules.check(clusterTenant("acme", "eu", "member-acme"), lookup))
        .isEmpty();
    Tenant physical = clusterTenant("acme", "eu", "member-acme");
    physical.getSpec().setIsolation(IsolationLevel.PHYSICAL);
    assertThat(TenantAdmissionRules.check(physical, lookup)).isEmpty();
  }

  @Test
  void deniesAClusterTheRegionDoesNotHave() {
    assertThat(TenantAdmissionRules.check(clusterTenant("acme", "eu", "member-nowhere"), lookup))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("spec.memberCluster");
              assertThat(v.reason()).isEqualTo(TenantAdmissionRules.CLUSTER_NOT_IN_REGION);
              assertThat(v.message())
                  .isEqualTo(
                      "cluster \"member-nowhere\" is not a cluster of Region \"eu\" (member"
                          + " clusters: member-free, member-acme, member-globex)");
            });
  }

  @Test
  void deniesTheLocalCluster() {
    assertThat(TenantAdmissionRules.check(clusterTenant("acme", "eu", "local"), lookup))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.reason()).isEqualTo(TenantAdmissionRules.LOCAL_CLUSTER_NOT_ALLOWED);
              assertThat(v.describe())
                  .isEqualTo(
                      "spec.memberCluster: cluster \"local\" is Region \"eu\"'s local cluster,"
                          + " shared by its tenants: isolation cluster needs a member cluster");
            });
  }

  @Test
  void deniesAClusterDedicatedToAnotherTenant() {
    assertThat(TenantAdmissionRules.check(clusterTenant("acme", "eu", "member-globex"), lookup))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.describe())
                    .isEqualTo(
                        "spec.memberCluster: cluster \"member-globex\" of Region \"eu\" is"
                            + " dedicated to tenant \"globex\""));
  }

  @Test
  void deniesAMissingMemberClusterForADedicatedIsolation() {
    assertThat(TenantAdmissionRules.check(clusterTenant("acme", "eu", null), lookup))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.describe())
                    .isEqualTo(
                        "spec.memberCluster: required for isolation cluster: name a member"
                            + " cluster of Region \"eu\""));
  }

  @Test
  void ignoresTheMemberClusterRuleWithoutADedicatedIsolation() {
    Tenant database = tenant("acme", IsolationLevel.DATABASE, "eu");
    database.getSpec().setMemberCluster("member-globex");

    assertThat(TenantAdmissionRules.check(database, lookup)).isEmpty();
  }

  @Test
  void deniesATenantWithoutSpec() {
    Tenant empty = new Tenant();
    empty.getMetadata().setName("acme");

    assertThat(TenantAdmissionRules.check(empty, lookup))
        .extracting(FieldViolation::field)
        .containsExactly("spec");
  }
}
