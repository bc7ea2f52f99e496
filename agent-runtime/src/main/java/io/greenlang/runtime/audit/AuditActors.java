package io.greenlang.runtime.audit;

/**
 * The {@code actor} of the events the runtime records (docs/runtime/audit-ledger.md, "Actors"): an
 * agent running a step, the caller of the REST API as the API knows it, or the runtime itself.
 */
public final class AuditActors {

  /** The runtime acting on its own, when no caller is known. */
  public static final String RUNTIME = "system:agent-runtime";

  /** A REST call the API could not attribute: it authenticates no one yet. */
  public static final String ANONYMOUS_API_CALLER = "api:anonymous";

  private AuditActors() {}

  /** An agent, by the namespace its resource is in and its name: {@code agent:gl-acme/intake}. */
  public static String agent(String namespace, String agent) {
    return namespace == null || namespace.isBlank()
        ? "agent:" + agent
        : "agent:" + namespace + "/" + agent;
  }

  /** The authenticated user a request carries, else {@link #ANONYMOUS_API_CALLER}. */
  public static String apiCaller(java.security.Principal principal) {
    return principal == null || principal.getName() == null || principal.getName().isBlank()
        ? ANONYMOUS_API_CALLER
        : "user:" + principal.getName();
  }
}
