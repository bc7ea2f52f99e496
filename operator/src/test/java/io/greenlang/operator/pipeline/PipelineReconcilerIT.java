package io.greenlang.operator.pipeline;

import static io.greenlang.operator.pipeline.PipelineSpecs.compensation;
import static io.greenlang.operator.pipeline.PipelineSpecs.dependsOn;
import static io.greenlang.operator.pipeline.PipelineSpecs.spec;
import static io.greenlang.operator.pipeline.PipelineSpecs.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.agent.AgentSpec;
import io.greenlang.crds.common.Condition;
import io.greenlang.crds.common.ConditionStatus;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelinePhase;
import io.greenlang.crds.pipeline.PipelineSpec;
import io.greenlang.crds.pipeline.PipelineStatus;
import io.greenlang.crds.pipeline.WorkflowPattern;
import io.greenlang.crds.pipelinerun.PipelineReference;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunSpec;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.operator.region.RegionFixtures;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pipeline validation against the mock API server: conditions naming the rule and the field, the
 * verdict changing when an Agent appears, and what a run of a missing or invalid Pipeline does.
 */
@QuarkusTest
@QuarkusTestResource(MockKubernetesApiResource.class)
class PipelineReconcilerIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private KubernetesClient client;
  private String namespace;

  @BeforeEach
  void setUp() {
    client = MockKubernetesApiResource.api().client();
    namespace = "gl-" + RegionFixtures.randomName("valid");
  }

  private void agent(String name) {
    Agent agent = new Agent();
    agent.getMetadata().setName(name);
    agent.getMetadata().setNamespace(namespace);
    agent.setSpec(new AgentSpec());
    client.resource(agent).create();
  }

  private Pipeline create(String name, PipelineSpec spec) {
    Pipeline pipeline = new Pipeline();
    pipeline.getMetadata().setName(name);
    pipeline.getMetadata().setNamespace(namespace);
    pipeline.setSpec(spec);
    return client.resource(pipeline).create();
  }

  private Pipeline awaitValid(String name, ConditionStatus status) {
    return await()
        .atMost(WAIT)
        .until(
            () -> client.resources(Pipeline.class).inNamespace(namespace).withName(name).get(),
            p ->
                p.getStatus() != null
                    && p.getStatus()
                        .condition(PipelineStatus.VALID)
                        .map(c -> c.getStatus() == status)
                        .orElse(false));
  }

  private List<String> events(String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .map(Event::getReason)
        .toList();
  }

  @Test
  void aSoundPipelineIsValidWithItsStepCount() {
    agent("calculator");
    create(
        "dag",
        spec(
            WorkflowPattern.ORCHESTRATION,
            step("a", "calculator"),
            dependsOn(step("b", "calculator", "x", "${steps.a.outputs.x}"), "a")));

    Pipeline valid = awaitValid("dag", ConditionStatus.True);

    PipelineStatus status = valid.getStatus();
    assertThat(status.getPhase()).isEqualTo(PipelinePhase.Valid);
    assertThat(status.getStepCount()).isEqualTo(2);
    assertThat(status.getObservedGeneration()).isEqualTo(valid.getMetadata().getGeneration());
    assertThat(status.getConditions())
        .extracting(Condition::getType)
        .containsExactly("Ready", "Valid");
    assertThat(status.getConditions()).allMatch(Condition::isTrue);
    assertThat(status.condition("Valid").orElseThrow().getMessage())
        .isEqualTo("2 steps, pattern ORCHESTRATION, agents: calculator");
    await().atMost(WAIT).until(() -> events("dag").contains("PipelineValid"));
  }

  @Test
  void anUnknownAgentMakesThePipelineInvalidUntilTheAgentExists() {
    agent("calculator");
    create(
        "saga",
        spec(
            WorkflowPattern.PIPELINE,
            step("a", "calculator"),
            compensation(step("b", "calculator"), "undo")));

    Pipeline invalid = awaitValid("saga", ConditionStatus.False);

    Condition valid = invalid.getStatus().condition(PipelineStatus.VALID).orElseThrow();
    assertThat(valid.getReason()).isEqualTo("UnknownCompensationAgent");
    assertThat(valid.getMessage())
        .isEqualTo(
            "spec.steps[1].compensation.agent: Agent \"undo\" not found in namespace "
                + namespace
                + " for this tenant");
    assertThat(invalid.getStatus().getPhase()).isEqualTo(PipelinePhase.Invalid);
    assertThat(invalid.getStatus().condition(PipelineStatus.READY).orElseThrow().getStatus())
        .isEqualTo(ConditionStatus.False);
    await().atMost(WAIT).until(() -> events("saga").contains("PipelineInvalid"));

    agent("undo");

    awaitValid("saga", ConditionStatus.True);
  }

  @Test
  void aRunOfAnInvalidPipelineFailsAndARunOfAMissingOneWaits() {
    create("broken", spec(WorkflowPattern.PIPELINE, step("a", "nobody")));
    awaitValid("broken", ConditionStatus.False);

    PipelineRun failed = awaitRun(createRun("broken-1", "broken"), RunPhase.Failed);
    Condition condition = failed.getStatus().condition(PipelineRunStatus.SUCCEEDED).orElseThrow();
    assertThat(condition.getReason()).isEqualTo("PipelineInvalid");
    assertThat(condition.getMessage())
        .isEqualTo(
            "Pipeline broken is invalid: spec.steps[0].agent: Agent \"nobody\" not found in namespace "
                + namespace
                + " for this tenant");

    PipelineRun waiting = awaitRun(createRun("early", "later"), RunPhase.Pending);
    assertThat(waiting.getStatus().condition(PipelineRunStatus.SUCCEEDED).orElseThrow().getReason())
        .isEqualTo("PipelineNotFound");
  }

  private PipelineRun createRun(String name, String pipeline) {
    PipelineRun run = new PipelineRun();
    run.getMetadata().setName(name);
    run.getMetadata().setNamespace(namespace);
    PipelineRunSpec spec = new PipelineRunSpec();
    spec.setPipelineRef(new PipelineReference(pipeline));
    run.setSpec(spec);
    return client.resource(run).create();
  }

  private PipelineRun awaitRun(PipelineRun run, RunPhase phase) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                client
                    .resources(PipelineRun.class)
                    .inNamespace(namespace)
                    .withName(run.getMetadata().getName())
                    .get(),
            r -> r.getStatus() != null && r.getStatus().getPhase() == phase);
  }
}
