package io.greenlang.crds.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.common.DataClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidencyPolicyTest {
  private static RegionSpec eu() {
    RegionSpec spec = new RegionSpec();
    spec.setCode(RegionCode.EU);
    spec.setPrimaryLocation("eu-central-1");
    spec.setSecondaryLocations(List.of("eu-west-1"));
    ResidencyRules rules = new ResidencyRules();
    rules.setBlockedTargets(List.of("us-*", "cn-*"));
    rules.setAllowedDataClasses(List.of(DataClass.PUBLIC, DataClass.BUSINESS));
    spec.setResidency(rules);
    return spec;
  }

  @Test
  void inRegionAndInClusterTargetsTakeEveryDataClass() {
    for (DataClass c : DataClass.values()) {
      assertThat(ResidencyPolicy.refusal(eu(), "eu-west-1", c)).isEmpty();
      assertThat(ResidencyPolicy.refusal(eu(), "local", c)).isEmpty();
    }
  }

  @Test
  void blockedTargetsTakeNothing() {
    assertThat(ResidencyPolicy.refusal(eu(), "us-east-1", DataClass.PUBLIC))
        .hasValue(
            "location us-east-1 is blocked by the Region's residency rule blockedTargets us-*");
  }

  @Test
  void personalDataNeverLeaves() {
    assertThat(ResidencyPolicy.refusal(eu(), "me-south-1", DataClass.PERSONAL))
        .hasValueSatisfying(m -> assertThat(m).startsWith("personal data must stay in region EU"));
    assertThat(ResidencyPolicy.refusal(eu(), "me-south-1", DataClass.BUSINESS)).isEmpty();
  }

  @Test
  void cnBlocksEverythingOutside() {
    RegionSpec cn = new RegionSpec();
    cn.setCode(RegionCode.CN);
    cn.setPrimaryLocation("cn-north-1");
    ResidencyRules rules = new ResidencyRules();
    rules.setBlockedTargets(List.of("*"));
    cn.setResidency(rules);
    assertThat(ResidencyPolicy.refusal(cn, "eu-central-1", DataClass.PUBLIC)).isPresent();
    assertThat(ResidencyPolicy.refusal(cn, "cn-north-1", DataClass.SENSITIVE)).isEmpty();
  }

  @Test
  void classesNotListedAsExportableStay() {
    RegionSpec spec = eu();
    spec.getResidency().setAllowedDataClasses(List.of(DataClass.PUBLIC));
    assertThat(ResidencyPolicy.refusal(spec, "me-south-1", DataClass.BUSINESS))
        .hasValueSatisfying(m -> assertThat(m).contains("allowedDataClasses does not list it"));
  }
}
