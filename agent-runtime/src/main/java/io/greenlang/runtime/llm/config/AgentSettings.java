package io.greenlang.runtime.llm.config;

import io.greenlang.crds.runtime.AgentRuntimeConfiguration;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which agent this runtime process runs ({@code greenlang.agent.*}): the {@code agent.yaml} the
 * operator mounts from the agent's ConfigMap, and where the agent's Secrets are mounted.
 */
@ConfigMapping(prefix = "greenlang.agent")
public interface AgentSettings {

  /**
   * The agent's configuration file ({@link AgentRuntimeConfiguration#FILE_NAME}); without one the
   * runtime starts, but has no agent and no LLM gateway.
   */
  Optional<Path> configurationFile();

  /** Where Secrets are mounted: one directory per Secret, one file per key. */
  @WithDefault(AgentRuntimeConfiguration.DEFAULT_SECRETS_DIR)
  Path secretsDir();
}
