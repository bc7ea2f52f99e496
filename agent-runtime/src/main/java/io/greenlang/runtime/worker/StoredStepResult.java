package io.greenlang.runtime.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.crds.runtime.StepResult;

/**
 * A row of {@code greenlang.step_results}: the result as published, plus what only the store keeps.
 *
 * @param agent the agent that ran the step
 * @param tool the tool that ran, or null when none was resolved
 * @param provenance the provenance record whose hash is {@code result.provenanceHash()}, or null
 * @param result the result exactly as the worker publishes it
 */
public record StoredStepResult(String agent, String tool, JsonNode provenance, StepResult result) {}
