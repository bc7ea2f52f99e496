package io.greenlang.runtime.worker;

import io.greenlang.crds.runtime.StepStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while every step worker loop of the process runs; a process without an agent (no worker)
 * reports so and is ready.
 */
@Readiness
@ApplicationScoped
public class StepWorkerReadinessCheck implements HealthCheck {

  /** The name this check reports under in {@code /q/health}. */
  public static final String NAME = "step-worker";

  private final StepWorkerService service;

  @Inject
  public StepWorkerReadinessCheck(StepWorkerService service) {
    this.service = service;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
    List<StepWorker> workers = service.workers();
    if (workers.isEmpty()) {
      return response.up().withData("workers", 0).build();
    }
    service
        .agent()
        .ifPresent(
            a -> response.withData("stream", StepStreams.tasks(a.getTenant(), a.getAgent())));
    response.withData("workers", workers.size());
    for (StepWorker worker : workers) {
      if (!worker.isAlive()) {
        return response
            .down()
            .withData("reason", "step worker " + worker.consumer() + " is " + worker.state())
            .build();
      }
    }
    return response
        .up()
        .withData(
            "consumers", String.join(",", workers.stream().map(StepWorker::consumer).toList()))
        .build();
  }
}
