package io.greenlang.operator.pipelinerun;

import io.greenlang.crds.common.Condition;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelineParam;
import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStatus;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipelinerun.InputDataReference;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantStatus;
import io.greenlang.operator.pipeline.PipelineTenant;
import io.greenlang.operator.pipeline.Reference;
import io.greenlang.operator.pipeline.ReferenceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides whether a run that has not started may start: its Pipeline exists and is Valid (the run
 * keeps a copy of its spec from then on), its parameters and inputs match the Pipeline, its Tenant
 * is Ready and its input data readable. What follows (queueing) is {@link TenantRunSlots}'s.
 */
final class RunAdmission {
  static final String PIPELINE_NOT_FOUND = "PipelineNotFound";
  static final String PIPELINE_NOT_VALIDATED = "PipelineNotValidated";
  static final String PIPELINE_INVALID = "PipelineInvalid";
  static final String INVALID_PARAMS = "InvalidParams";
  static final String INVALID_INPUTS = "InvalidInputs";
  static final String TENANT_NOT_READY = "TenantNotReady";
  static final String INPUT_NOT_FOUND = "InputNotFound";

  private final Function<String, Optional<Pipeline>> pipelines;
  private final Function<String, Optional<Tenant>> tenants;
  private final Function<String, String> inputData;

  RunAdmission(
      Function<String, Optional<Pipeline>> pipelines,
      Function<String, Optional<Tenant>> tenants,
      Function<String, String> inputData) {
    this.pipelines = pipelines;
    this.tenants = tenants;
    this.inputData = inputData;
  }

  /** What the run waits for, why it can never start, or the Tenant it starts for. */
  sealed interface Decision {}

  /** Pending for the given reason; the Pipeline spec is kept once known. */
  record Wait(String reason, String message) implements Decision {}

  /** Failed before starting. */
  record Refuse(String reason, String message) implements Decision {}

  /** May start (subject to the tenant's slots). */
  record Admit(Tenant tenant) implements Decision {}

  /** Decides for {@code run}, filling {@code status.pipelineSpec} and {@code status.tenant}. */
  Decision decide(PipelineRun run, PipelineRunStatus status) {
    if (status.getPipelineSpec() == null) {
      String name = run.getSpec().getPipelineRef().getName();
      Optional<Pipeline> found = pipelines.apply(name);
      if (found.isEmpty()) {
        return new Wait(
            PIPELINE_NOT_FOUND,
            "Pipeline " + name + " not found in namespace " + run.getMetadata().getNamespace());
      }
      Pipeline pipeline = found.get();
      Optional<Condition> valid = validity(pipeline);
      if (valid.isEmpty()) {
        return new Wait(PIPELINE_NOT_VALIDATED, "Pipeline " + name + " is not validated yet");
      }
      if (!valid.get().isTrue()) {
        return new Refuse(
            PIPELINE_INVALID, "Pipeline " + name + " is invalid: " + valid.get().getMessage());
      }
      status.setPipelineSpec(BusJson.MAPPER.convertValue(pipeline.getSpec(), PipelineSpec.class));
    }
    PipelineSpec spec = status.getPipelineSpec();
    PipelineTenant tenantName =
        PipelineTenant.of(run.getMetadata().getNamespace(), spec.getTenant());
    if (!tenantName.isResolved()) {
      return new Refuse(tenantName.problem().reason(), tenantName.problem().describe());
    }
    status.setTenant(tenantName.name());
    Optional<Refuse> mismatch = paramsProblem(run, spec).or(() -> inputsProblem(run, spec));
    if (mismatch.isPresent()) {
      return mismatch.get();
    }
    Optional<Tenant> tenant = tenants.apply(tenantName.name());
    Optional<Condition> ready =
        tenant.flatMap(
            t ->
                t.getStatus() == null
                    ? Optional.empty()
                    : t.getStatus().condition(TenantStatus.READY));
    if (ready.isEmpty() || !ready.get().isTrue()) {
      return new Wait(
          TENANT_NOT_READY,
          "Tenant "
              + tenantName.name()
              + (tenant.isEmpty()
                  ? " not found"
                  : " is not Ready" + ready.map(c -> ": " + c.getMessage()).orElse(" yet")));
    }
    for (InputDataReference input :
        run.getSpec().getInputs() == null
            ? List.<InputDataReference>of()
            : run.getSpec().getInputs()) {
      try {
        inputData.apply(input.getName());
      } catch (UnresolvedReferenceException e) {
        return new Wait(INPUT_NOT_FOUND, e.getMessage());
      }
    }
    return new Admit(tenant.get());
  }

  /** The Pipeline's Valid condition, if it reflects the current spec. */
  private static Optional<Condition> validity(Pipeline pipeline) {
    PipelineStatus status = pipeline.getStatus();
    if (status == null
        || !Objects.equals(
            status.getObservedGeneration(), pipeline.getMetadata().getGeneration())) {
      return Optional.empty();
    }
    return status.condition(PipelineStatus.VALID);
  }

  /** The parameter values of the run: its own, else the Pipeline's defaults. */
  static Map<String, String> effectiveParams(PipelineRun run, PipelineSpec spec) {
    Map<String, String> values = new LinkedHashMap<>();
    for (PipelineParam param :
        spec.getParams() == null ? List.<PipelineParam>of() : spec.getParams()) {
      String given =
          run.getSpec().getParams() == null ? null : run.getSpec().getParams().get(param.getName());
      String value = given != null ? given : param.getDefaultValue();
      if (value != null) {
        values.put(param.getName(), value);
      }
    }
    return values;
  }

  private static Optional<Refuse> paramsProblem(PipelineRun run, PipelineSpec spec) {
    Set<String> declared = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (PipelineParam param :
        spec.getParams() == null ? List.<PipelineParam>of() : spec.getParams()) {
      declared.add(param.getName());
    }
    Map<String, String> given =
        run.getSpec().getParams() == null ? Map.of() : run.getSpec().getParams();
    given.keySet().stream()
        .filter(name -> !declared.contains(name))
        .forEach(
            name ->
                problems.add("spec.params." + name + ": the Pipeline declares no such parameter"));
    for (PipelineParam param :
        spec.getParams() == null ? List.<PipelineParam>of() : spec.getParams()) {
      if (param.getDefaultValue() == null && !given.containsKey(param.getName())) {
        problems.add(
            "spec.params." + param.getName() + ": required (the Pipeline gives no defaultValue)");
      }
    }
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(new Refuse(INVALID_PARAMS, String.join("; ", problems)));
  }

  private static Optional<Refuse> inputsProblem(PipelineRun run, PipelineSpec spec) {
    Set<String> named = new LinkedHashSet<>();
    (run.getSpec().getInputs() == null ? List.<InputDataReference>of() : run.getSpec().getInputs())
        .forEach(i -> named.add(i.getName()));
    Set<String> missing = new LinkedHashSet<>();
    for (String text : referencingTexts(spec)) {
      try {
        for (Reference reference : ReferenceText.parse(text).references()) {
          if (reference.kind() == Reference.Kind.INPUT && !named.contains(reference.name())) {
            missing.add(reference.name());
          }
        }
      } catch (ReferenceText.MalformedReferenceException e) {
        // The Pipeline was validated; a malformed reference cannot be here.
      }
    }
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Refuse(
                INVALID_INPUTS,
                "spec.inputs: the Pipeline reads "
                    + missing.stream().map(n -> "${inputs." + n + "}").toList()
                    + " but the run names no such input"));
  }

  private static List<String> referencingTexts(PipelineSpec spec) {
    List<String> texts = new ArrayList<>();
    for (PipelineStep step : spec.getSteps()) {
      if (step.getInputs() != null) {
        texts.addAll(step.getInputs().values());
      }
      if (step.getWhen() != null) {
        texts.add(step.getWhen());
      }
      if (step.getCompensation() != null && step.getCompensation().getInputs() != null) {
        texts.addAll(step.getCompensation().getInputs().values());
      }
    }
    texts.removeIf(Objects::isNull);
    return texts;
  }
}
