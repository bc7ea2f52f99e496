package io.greenlang.operator.pipelinerun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.greenlang.operator.pipeline.Reference;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values references of a run stand for: parameters (the run's value, else the Pipeline's
 * default) as strings, input data as its text, and the outputs of succeeded steps with their JSON
 * types. Input data is read on first use.
 */
final class RunValues implements Function<Reference, JsonNode> {
  private final Map<String, String> params;
  private final Function<String, String> inputData;
  private final Function<String, JsonNode> outputs;
  private final Map<String, JsonNode> readInputs = new HashMap<>();

  /**
   * @param params effective parameter values
   * @param inputData reads an input by name, throwing {@link UnresolvedReferenceException}
   * @param outputs a succeeded step's outputs object by step name, or null
   */
  RunValues(
      Map<String, String> params,
      Function<String, String> inputData,
      Function<String, JsonNode> outputs) {
    this.params = params;
    this.inputData = inputData;
    this.outputs = outputs;
  }

  @Override
  public JsonNode apply(Reference reference) {
    return switch (reference.kind()) {
      case PARAM -> {
        String value = params.get(reference.name());
        if (value == null) {
          throw new UnresolvedReferenceException(reference.text() + " has no value in this run");
        }
        yield TextNode.valueOf(value);
      }
      case INPUT ->
          readInputs.computeIfAbsent(
              reference.name(), name -> TextNode.valueOf(inputData.apply(name)));
      case STEP_OUTPUT -> output(reference);
    };
  }

  private JsonNode output(Reference reference) {
    JsonNode stepOutputs = outputs.apply(reference.name());
    if (stepOutputs == null) {
      throw new UnresolvedReferenceException(
          reference.text()
              + ": step \""
              + reference.name()
              + "\" has no outputs in this run (not succeeded, or its results expired)");
    }
    JsonNode value = stepOutputs.get(reference.key());
    if (value == null) {
      throw new UnresolvedReferenceException(
          reference.text()
              + ": step \""
              + reference.name()
              + "\" has no output \""
              + reference.key()
              + "\"");
    }
    return value;
  }
}
