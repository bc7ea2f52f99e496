package io.greenlang.runtime.llm.chain;

import io.greenlang.crds.region.LlmProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns a Region endpoint URL into the base URL the langchain4j client of its kind expects. Regions
 * name the API root ({@code https://api.anthropic.com}, {@code http://vllm:8000/v1}, {@code
 * https://acme.openai.azure.com}); the clients append {@code messages}, {@code chat/completions} or
 * {@code embeddings} to a base that already holds the version (and for Azure, the deployment).
 */
public final class EndpointUrls {

  private EndpointUrls() {}

  /** The client base URL for {@code url} of an endpoint of kind {@code provider}. */
  public static String baseUrl(LlmProvider provider, String url, String model) {
    String root = stripTrailingSlashes(url);
    return switch (provider) {
      // The Messages API is versioned in the path: /v1/messages.
      case ANTHROPIC -> root.endsWith("/v1") ? root : root + "/v1";
      // OpenAI and servers that copy its API (vLLM, Ollama) serve under /v1.
      case OPENAI, OPENAI_COMPATIBLE -> hasPath(root) ? root : root + "/v1";
      // Azure routes by deployment: /openai/deployments/<deployment>/chat/completions.
      case AZURE_OPENAI ->
          root.contains("/openai/deployments/")
              ? root
              : root + "/openai/deployments/" + URLEncoder.encode(model, StandardCharsets.UTF_8);
    };
  }

  private static boolean hasPath(String url) {
    String path = URI.create(url).getPath();
    return path != null && !path.isEmpty() && !path.equals("/");
  }

  private static String stripTrailingSlashes(String url) {
    String stripped = url.strip();
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }
}
