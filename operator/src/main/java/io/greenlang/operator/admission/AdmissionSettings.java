package io.greenlang.operator.admission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the admission webhook, from {@code greenlang.admission.*} properties. */
@ConfigMapping(prefix = "greenlang.admission")
public interface AdmissionSettings {
  /**
   * Answer AdmissionReviews on the HTTPS port only. The plain HTTP port serves probes and metrics
   * to anything in the cluster; the webhook should only be reachable the way the API server calls
   * it.
   */
  @WithDefault("true")
  boolean httpsOnly();
}
