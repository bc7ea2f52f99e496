package io.greenlang.operator.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The agent-runtime image and container defaults of the Agents the operator runs, from {@code
 * greenlang.agent-runtime.*} properties ({@code GREENLANG_AGENT_RUNTIME_*}, set by the Helm chart's
 * {@code agentRuntime} values).
 */
@ConfigMapping(prefix = "greenlang.agent-runtime")
public interface AgentRuntimeSettings {
  /** Image reference of the agent-runtime container. */
  @WithDefault("ghcr.io/greenlang/greenlang-agent-runtime:0.1.0")
  String image();

  /** Kubernetes image pull policy of agent pods. */
  @WithDefault("IfNotPresent")
  String imagePullPolicy();

  /** PriorityClass of premium and mission_critical agents (the chart creates it). */
  @WithDefault("greenlang-agent-premium")
  String premiumPriorityClass();

  /** Requests and limits of an agent container whose Agent sets no {@code spec.resources}. */
  Resources resources();

  /** Requests and limits. */
  interface Resources {
    /** Requested CPU and memory. */
    Requests requests();

    /** CPU and memory limits. */
    Limits limits();
  }

  /** Requested CPU and memory as Kubernetes quantities. */
  interface Requests {
    @WithDefault("250m")
    String cpu();

    @WithDefault("512Mi")
    String memory();
  }

  /** CPU and memory limits as Kubernetes quantities. */
  interface Limits {
    @WithDefault("1")
    String cpu();

    @WithDefault("1Gi")
    String memory();
  }
}
