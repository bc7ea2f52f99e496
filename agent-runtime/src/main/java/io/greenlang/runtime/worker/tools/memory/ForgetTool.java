package io.greenlang.runtime.worker.tools.memory;

import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.ToolContext;
import io.greenlang.runtime.worker.ToolResult;
import io.greenlang.runtime.worker.tools.ToolInputs;
import io.greenlang.runtime.worker.tools.ToolSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code memory.forget}: deletes an entry of the agent's long-term memory by id, the compensation
 * of {@code memory.remember} ({@code id: ${steps.<step>.outputs.id}}). Idempotent: an entry that is
 * already gone (forgotten before, pruned) is no failure; output {@code deleted} says which it was.
 */
@ApplicationScoped
public class ForgetTool implements AgentTool {

  public static final String NAME = "memory.forget";
  static final String VERSION = NAME + "/1";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ToolResult execute(Map<String, Object> inputs, ToolContext context) {
    ToolInputs in = ToolInputs.of(inputs).rejectUnknown(Set.of("id"));
    ToolSettings.of(NAME, context, Set.of());
    BigDecimal given = in.decimal("id");
    long id;
    try {
      id = given.longValueExact();
    } catch (ArithmeticException e) {
      throw in.invalid("id", "must be a whole number (a memory entry id), was " + given);
    }
    if (id < 1) {
      throw in.invalid("id", "must be a memory entry id (1 or more), was " + id);
    }
    boolean deleted = context.memory().delete(id);
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("id", id);
    outputs.put("deleted", deleted);

    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("tool", VERSION);
    provenance.put("agent", context.task().agent());
    provenance.put("id", id);
    return ToolResult.deterministic(outputs, provenance);
  }
}
