package io.greenlang.runtime.llm.chain;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.greenlang.runtime.llm.FailureKind;
import io.greenlang.runtime.llm.provider.ProviderFailure;
import io.greenlang.runtime.llm.provider.ProviderFailureClassifier;
import io.greenlang.runtime.llm.provider.ProviderModels;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A chat completion streamed over server-sent events: text is passed on as it arrives, and the call
 * returns the complete response. Until the first text has been passed on, a failure is retried and
 * failed over like any other; after it, the answer cannot be replaced without the caller seeing
 * two, so the request fails ({@link FailureKind#STREAM_INTERRUPTED}). The whole stream must end
 * within the link's timeout.
 */
public final class StreamingChatOperation extends ChatOperation {

  private final Consumer<String> onPartialText;

  public StreamingChatOperation(
      dev.langchain4j.model.chat.request.ChatRequest request, Consumer<String> onPartialText) {
    super(request);
    this.onPartialText = onPartialText;
  }

  @Override
  public String name() {
    return "stream";
  }

  @Override
  public Outcome<ChatResponse> invoke(ProviderModels.LinkModels clients, ChainLink link) {
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    AtomicBoolean delivered = new AtomicBoolean();
    clients
        .streaming()
        .chat(
            forLink(link),
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(String text) {
                // After the deadline or an error the caller has moved on: late text is dropped.
                if (!done.isDone() && text != null && !text.isEmpty()) {
                  delivered.set(true);
                  onPartialText.accept(text);
                }
              }

              @Override
              public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
              }

              @Override
              public void onError(Throwable error) {
                done.completeExceptionally(error);
              }
            });
    try {
      return outcome(done.get(link.timeout().toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      done.cancel(false);
      throw interruptedOr(
          delivered.get(),
          new ProviderFailure(
              FailureKind.TIMEOUT,
              link.describe()
                  + ": the stream did not end within "
                  + link.timeout().toSeconds()
                  + " s"));
    } catch (ExecutionException e) {
      throw interruptedOr(
          delivered.get(),
          ProviderFailureClassifier.classify(e.getCause(), link, clients.apiKey()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderFailure(
          FailureKind.TIMEOUT, link.describe() + ": interrupted while streaming");
    }
  }

  private static ProviderFailure interruptedOr(boolean delivered, ProviderFailure failure) {
    if (!delivered) {
      return failure;
    }
    return new ProviderFailure(
        FailureKind.STREAM_INTERRUPTED,
        failure.httpStatus(),
        null,
        failure.getMessage() + " (after part of the answer was passed on)");
  }
}
