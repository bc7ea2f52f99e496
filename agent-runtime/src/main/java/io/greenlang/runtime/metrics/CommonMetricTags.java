package io.greenlang.runtime.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tags every metric with {@code application=<quarkus.application.name>}, so dashboards can tell the
 * runtime's series from the operator's in a shared Prometheus.
 */
@Singleton
public class CommonMetricTags {

  /** Quarkus applies every {@link MeterFilter} bean to its registries. */
  @Produces
  @Singleton
  MeterFilter applicationTag(
      @ConfigProperty(name = "quarkus.application.name") String application) {
    return MeterFilter.commonTags(Tags.of("application", application));
  }
}
