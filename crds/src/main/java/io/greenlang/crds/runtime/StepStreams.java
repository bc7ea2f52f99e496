package io.greenlang.crds.runtime;

/**
 * The Redis Streams names of the pipeline step bus, shared by the operator (which publishes tasks
 * and reads results) and the agent runtime (which consumes tasks and publishes results). Every key
 * starts with {@code t:<tenant>:} so the tenant's Redis ACL pattern covers it (DESIGN.md).
 */
public final class StepStreams {

  /** The consumer group of an agent's workers on its task stream. */
  public static final String WORKER_GROUP = "workers";

  /** The stream entry field holding a {@link StepTask} or {@link StepResult} as JSON. */
  public static final String PAYLOAD_FIELD = "payload";

  private StepStreams() {}

  /** Tasks for one agent, consumed by its workers in group {@value #WORKER_GROUP}. */
  public static String tasks(String tenant, String agent) {
    return "t:" + tenant + ":agent:" + agent + ":tasks";
  }

  /** Tasks that were delivered too often, with the reason, for people to look at. */
  public static String deadLetters(String tenant, String agent) {
    return "t:" + tenant + ":agent:" + agent + ":dead";
  }

  /** Results of one PipelineRun (by its uid, so a re-created run never sees old results). */
  public static String results(String tenant, String runUid) {
    return "t:" + tenant + ":run:" + runUid + ":results";
  }
}
