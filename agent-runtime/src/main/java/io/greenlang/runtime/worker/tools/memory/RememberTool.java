package io.greenlang.runtime.worker.tools.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.memory.ConversationId;
import io.greenlang.runtime.memory.MemoryEntry;
import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.CanonicalJson;
import io.greenlang.runtime.worker.StepFailure;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.ToolInputs;
import io.greenlang.runtime.worker.tools.ToolSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code memory.remember}: writes an entry of the agent's long-term memory and outputs its id; with
 * {@code memory.forget} as its compensation it is the saga pair that undoes what a step wrote. The
 * entry holds the content and the task that wrote it ({@code recordedBy}), and is written at most
 * once per task: a redelivered task finds its entry and outputs the same id.
 */
@ApplicationScoped
public class RememberTool implements AgentTool {

  public static final String NAME = "memory.remember";
  static final String VERSION = NAME + "/1";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
    ToolInputs in = ToolInputs.of(inputs).rejectUnknown(Set.of("content", "conversation"));
    ToolSettings.of(NAME, context, Set.of());
    JsonNode content = in.json("content");
    String conversation = in.optionalText("conversation").orElse(null);
    if (conversation != null) {
      try {
        ConversationId.requireValid(conversation);
      } catch (IllegalArgumentException e) {
        throw in.invalid("conversation", e.getMessage().replaceFirst("^conversation ", ""));
      }
    }
    StepTask task = context.task();
    ObjectNode recordedBy = JsonNodeFactory.instance.objectNode();
    recordedBy.put("taskId", task.taskId());
    recordedBy.put("namespace", task.namespace());
    recordedBy.put("pipelineRun", task.pipelineRun());
    recordedBy.put("step", task.step());
    ObjectNode entry = JsonNodeFactory.instance.objectNode();
    entry.set("content", content);
    entry.set("recordedBy", recordedBy);
    ObjectNode identity = JsonNodeFactory.instance.objectNode();
    identity.set("recordedBy", recordedBy);

    Optional<MemoryEntry> stored;
    try {
      stored = context.memory().recordOnce(conversation, entry, identity);
    } catch (IllegalArgumentException e) {
      throw in.invalid("content", e.getMessage());
    }
    if (stored.isEmpty()) {
      throw new StepFailure(
          "LongTermMemoryDisabled",
          "agent "
              + task.agent()
              + " has spec.memory.longTermEnabled false: "
              + NAME
              + " has no long-term memory to write to");
    }
    String contentSha256 = CanonicalJson.sha256(content);
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("id", stored.get().id());
    if (conversation != null) {
      outputs.put("conversation", conversation);
    }
    outputs.put("contentSha256", contentSha256);

    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("tool", VERSION);
    provenance.put("agent", task.agent());
    provenance.put("conversation", conversation);
    provenance.put("contentSha256", contentSha256);
    return ToolResult.deterministic(outputs, provenance);
  }
}
