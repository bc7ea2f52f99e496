package io.greenlang.crds.region;

import io.greenlang.crds.common.DataClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether data of a class may be sent to a location under a Region's residency rules
 * (DOMAIN.md, "Regions and residency"): in-region and in-cluster targets always; blocked targets
 * never; other targets only for data classes the Region lets leave, and never personal or sensitive
 * data.
 */
public final class ResidencyPolicy {
  /** Location of an endpoint inside the cluster. */
  public static final String LOCAL = "local";

  private ResidencyPolicy() {}

  /** Empty when allowed; otherwise why not, naming the location, data class and rule. */
  public static Optional<String> refusal(RegionSpec region, String location, DataClass dataClass) {
    if (LOCAL.equals(location) || inRegion(region).contains(location)) {
      return Optional.empty();
    }
    ResidencyRules rules = region.getResidency();
    List<String> blocked = rules == null ? List.of() : rules.getBlockedTargets();
    for (String pattern : blocked) {
      if (matches(pattern, location)) {
        return Optional.of(
            "location "
                + location
                + " is blocked by the Region's residency rule blockedTargets "
                + pattern);
      }
    }
    if (dataClass.mustStayInRegion()) {
      return Optional.of(
          dataClass.name().toLowerCase()
              + " data must stay in region "
              + region.getCode()
              + ", but "
              + location
              + " is outside it");
    }
    List<DataClass> exportable = rules == null ? List.of() : rules.getAllowedDataClasses();
    if (!exportable.contains(dataClass)) {
      return Optional.of(
          dataClass.name().toLowerCase()
              + " data may not leave region "
              + region.getCode()
              + " (residency.allowedDataClasses does not list it), but "
              + location
              + " is outside it");
    }
    return Optional.empty();
  }

  /** The Region's own locations: primary and secondary. */
  public static List<String> inRegion(RegionSpec region) {
    List<String> locations = new ArrayList<>();
    if (region.getPrimaryLocation() != null) {
      locations.add(region.getPrimaryLocation());
    }
    locations.addAll(region.getSecondaryLocations());
    return locations;
  }

  /** Glob match where '*' stands for any run of characters. */
  static boolean matches(String glob, String location) {
    String regex = ("\\Q" + glob + "\\E").replace("*", "\\E.*\\Q");
    return location.matches(regex);
  }
}
