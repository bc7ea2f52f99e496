package io.greenlang.runtime.llm.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {

  @Test
  void boundsATextRequestByItsUtf8BytesPlusPerMessageOverhead() {
    String text = "Émissions intégrées: 1.2 t CO₂e/t";
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from("Be exact."), UserMessage.from(text))
            .build();

    assertThat(TokenEstimate.inputUpperBound(request))
        .isEqualTo(
            2L * TokenEstimate.PER_MESSAGE + 9 + text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void countsToolsToolCallsAndResults() {
    ToolSpecification tool = ToolSpecification.builder().name("factor").description("d").build();
    ToolExecutionRequest call =
        ToolExecutionRequest.builder().id("c1").name("factor").arguments("{\"a\":1}").build();
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                UserMessage.from("q"),
                AiMessage.from(List.of(call)),
                ToolExecutionResultMessage.from(call, "56100"))
            .toolSpecifications(tool)
            .build();

    long withoutTools =
        3L * TokenEstimate.PER_MESSAGE + 1 + (TokenEstimate.PER_MESSAGE + 2 + 6 + 7) + (2 + 6 + 5);
    assertThat(TokenEstimate.inputUpperBound(request))
        .isEqualTo(
            withoutTools
                + TokenEstimate.TOOL_USE_PROMPT
                + TokenEstimate.PER_MESSAGE
                + tool.toJson().getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void boundsTextsToEmbed() {
    assertThat(TokenEstimate.inputUpperBound(List.of("steel", "Zement")))
        .isEqualTo(2L * TokenEstimate.PER_MESSAGE + 5 + 6);
  }
}
