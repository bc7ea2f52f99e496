package io.greenlang.crds.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.common.Names;
import java.util.ArrayList;
import java.util.List;

/** Data-residency rules of a Region (DOMAIN.md, "Regions and residency"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResidencyRules {
  @Size(max = 20)
  @JsonPropertyDescription(
      "Locations no data may ever be sent to, as globs such as us-* or * (nothing leaves).")
  private List<@Pattern(Names.LOCATION_GLOB) String> blockedTargets = new ArrayList<>();

  @Size(max = 4)
  @ValidationRule(
      value = "!self.exists(c, c == 'personal' || c == 'sensitive')",
      message =
          "spec.residency.allowedDataClasses cannot include personal or sensitive: they stay in region")
  @JsonPropertyDescription(
      "Data classes that may be sent to targets outside the zone (never to blocked targets).")
  private List<DataClass> allowedDataClasses = new ArrayList<>();

  public List<DataClass> getAllowedDataClasses() {
    return allowedDataClasses;
  }

  public void setAllowedDataClasses(List<DataClass> allowedDataClasses) {
    this.allowedDataClasses = allowedDataClasses;
  }

  public List<String> getBlockedTargets() {
    return blockedTargets;
  }

  public void setBlockedTargets(List<String> blockedTargets) {
    this.blockedTargets = blockedTargets;
  }
}
