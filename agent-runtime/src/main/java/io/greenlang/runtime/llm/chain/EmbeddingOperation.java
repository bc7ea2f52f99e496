package io.greenlang.runtime.llm.chain;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import io.greenlang.runtime.llm.cost.TokenEstimate;
import io.greenlang.runtime.llm.provider.ProviderModels;
import java.util.List;
import java.util.Optional;

/**
 * Embeddings of texts with a named embedding model, from the first link whose provider has an
 * embeddings API (OpenAI, Azure OpenAI, OpenAI-compatible servers; not Anthropic).
 */
public final class EmbeddingOperation implements Operation<List<Embedding>> {

  private final String model;
  private final List<String> texts;

  public EmbeddingOperation(String model, List<String> texts) {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model must name an embedding model");
    }
    if (texts == null || texts.isEmpty()) {
      throw new IllegalArgumentException("texts must hold at least one text");
    }
    this.model = model;
    this.texts = List.copyOf(texts);
  }

  @Override
  public String name() {
    return "embed";
  }

  @Override
  public Optional<String> unsupported(ChainLink link) {
    return link.hasEmbeddings()
        ? Optional.empty()
        : Optional.of(link.providerLabel() + " has no embeddings API");
  }

  @Override
  public String model(ChainLink link) {
    return model;
  }

  @Override
  public long inputTokensUpperBound() {
    return TokenEstimate.inputUpperBound(texts);
  }

  @Override
  public long outputTokensMax(ChainLink link) {
    return 0;
  }

  @Override
  public Outcome<List<Embedding>> invoke(ProviderModels.LinkModels clients, ChainLink link) {
    Response<List<Embedding>> response =
        clients.embeddings(model).embedAll(texts.stream().map(TextSegment::from).toList());
    TokenUsage usage = response.tokenUsage();
    return new Outcome<>(
        response.content(), usage == null ? null : usage.inputTokenCount(), 0, 0, false);
  }
}
