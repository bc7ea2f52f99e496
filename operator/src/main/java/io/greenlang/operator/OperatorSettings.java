package io.greenlang.operator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the operator, from {@code greenlang.*} properties or {@code GREENLANG_*} variables.
 */
@ConfigMapping(prefix = "greenlang")
public interface OperatorSettings {
  /** Namespace the operator runs in; Secrets named without a namespace are looked up here. */
  @WithDefault("greenlang-system")
  String operatorNamespace();

  /** Region settings. */
  RegionSettings region();

  /** Tenant settings. */
  TenantSettings tenant();

  /** How Tenants are provisioned. */
  interface TenantSettings {
    /** How soon a Tenant that waits or failed is tried again. */
    @WithDefault("10s")
    Duration retryInterval();

    /**
     * How long the shared namespace's objects, once found in place, are trusted before a logical
     * tenant's pass reads them again ({@code SharedNamespaceSync}).
     */
    @WithDefault("5m")
    Duration sharedObjectsRecheckInterval();
  }

  /** How Regions are checked. */
  interface RegionSettings {
    /** How often a Ready Region is checked again. */
    @WithDefault("60s")
    Duration recheckInterval();

    /** How soon a Region that is not Ready is checked again. */
    @WithDefault("10s")
    Duration retryInterval();

    /** Connect and answer timeout of each reachability probe. */
    @WithDefault("3s")
    Duration probeTimeout();
  }
}
