package io.greenlang.runtime.llm.chain;

import io.greenlang.runtime.llm.provider.ProviderModels;
import java.util.Optional;

/**
 * One kind of provider call the chain can make (chat, streamed chat, embeddings), as the chain
 * needs to see it: whether a link can serve it, how many tokens it may use, and the call itself.
 */
public interface Operation<T> {

  /**
   * What a call returned, with the token counts the provider reported (null when it reported none).
   *
   * @param value the answer
   * @param inputTokens reported input tokens, or null
   * @param outputTokens reported output tokens, or null
   * @param outputBytes bytes of output text, to bound output tokens when none were reported
   * @param contentFiltered whether the provider cut the answer off under its content policy
   */
  record Outcome<T>(
      T value,
      Integer inputTokens,
      Integer outputTokens,
      long outputBytes,
      boolean contentFiltered) {}

  /** {@code chat}, {@code stream} or {@code embed}: the usage record's operation. */
  String name();

  /** Why {@code link} cannot serve this call, if it cannot. */
  Optional<String> unsupported(ChainLink link);

  /** The model the call uses at {@code link}: the link's, or the embedding model asked for. */
  String model(ChainLink link);

  /** The most input tokens the call can count as. */
  long inputTokensUpperBound();

  /** The most output tokens the call may produce at {@code link}. */
  long outputTokensMax(ChainLink link);

  /** Makes the call; throws what the langchain4j client throws. */
  Outcome<T> invoke(ProviderModels.LinkModels clients, ChainLink link);
}
