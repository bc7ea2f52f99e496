package io.greenlang.crds.region;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Wire protocols the LLM gateway speaks. */
public enum LlmProvider {
  @JsonProperty("anthropic")
  ANTHROPIC,
  @JsonProperty("openai")
  OPENAI,
  @JsonProperty("azure-openai")
  AZURE_OPENAI,
  /** vLLM, Ollama, region-local models and anything else speaking the OpenAI API. */
  @JsonProperty("openai-compatible")
  OPENAI_COMPATIBLE
}
