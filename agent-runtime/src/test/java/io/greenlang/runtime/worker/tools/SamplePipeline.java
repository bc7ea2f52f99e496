package io.greenlang.runtime.worker.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.runtime.CelEvaluationException;
import io.greenlang.crds.agent.Agent;
import io.greenlang.crds.pipeline.Pipeline;
import io.greenlang.crds.pipeline.PipelineParam;
import io.greenlang.crds.pipeline.PipelineStep;
import io.greenlang.crds.pipelinerun.InputDataReference;
import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.runtime.worker.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample Pipeline with its PipelineRun and input ConfigMaps, read from {@code samples/}, and the
 * operator's side of the step bus done by hand (contract C2): a step's inputs resolved from the
 * run's params (with the Pipeline's defaults), input data and earlier steps' outputs, where a value
 * that is exactly one reference keeps the referenced value's JSON type and a value mixing text and
 * references becomes text; {@code when} conditions evaluated by CEL after each reference is
 * replaced by a CEL literal of its value.
 */
public final class SamplePipeline {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\$\\{(params|inputs|steps)\\.([A-Za-z0-9_-]+)(?:\\.outputs\\.([A-Za-z0-9_]+))?}");

  public final Pipeline pipeline;
  public final PipelineRun run;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> inputData = new LinkedHashMap<>();

  private SamplePipeline(Pipeline pipeline, PipelineRun run, List<JsonNode> configMaps) {
    this.pipeline = pipeline;
    this.run = run;
    for (PipelineParam param : pipeline.getSpec().getParams()) {
      if (param.getDefaultValue() != null) {
        params.put(param.getName(), param.getDefaultValue());
      }
    }
    if (run.getSpec().getParams() != null) {
      params.putAll(run.getSpec().getParams());
    }
    for (InputDataReference input : run.getSpec().getInputs()) {
      String name = input.getConfigMapKeyRef().getName();
      String key = input.getConfigMapKeyRef().getKey();
      JsonNode value =
          configMaps.stream()
              .filter(map -> map.path("metadata").path("name").asText().equals(name))
              .map(map -> map.path("data").path(key))
              .filter(JsonNode::isTextual)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no ConfigMap key " + name + "/" + key));
      inputData.put(input.getName(), value.asText());
    }
  }

  /** The Pipeline, PipelineRun and ConfigMaps in these files under {@code samples/}. */
  public static SamplePipeline load(String pipelineFile, String runFile, String... dataFiles) {
    List<JsonNode> configMaps = new ArrayList<>();
    for (String file : dataFiles) {
      configMaps.addAll(documents(file));
    }
    return new SamplePipeline(
        read(pipelineFile, Pipeline.class), read(runFile, PipelineRun.class), configMaps);
  }

  /** The Agent in a file under {@code samples/}. */
  public static Agent agent(String file) {
    return read(file, Agent.class);
  }

  /** The step named {@code name}. */
  public PipelineStep step(String name) {
    return pipeline.getSpec().getSteps().stream()
        .filter(step -> step.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step " + name));
  }

  /** The step's inputs as the operator publishes them, given earlier steps' outputs by step. */
  public Map<String, Object> inputs(
      Map<String, String> declared, Map<String, Map<String, Object>> outputs) {
    Map<String, Object> resolved = new LinkedHashMap<>();
    declared.forEach((name, value) -> resolved.put(name, resolve(value, outputs)));
    return resolved;
  }

  /** The step's {@code when} condition, true when it has none. */
  public boolean when(PipelineStep step, Map<String, Map<String, Object>> outputs) {
    if (step.getWhen() == null) {
      return true;
    }
    Matcher matcher = REFERENCE.matcher(step.getWhen());
    StringBuilder expression = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          expression, Matcher.quoteReplacement(celLiteral(referenced(matcher, outputs))));
    }
    matcher.appendTail(expression);
    try {
      Cel cel = CelFactory.standardCelBuilder().build();
      CelAbstractSyntaxTree ast = cel.compile(expression.toString()).getAst();
      return (Boolean) cel.createProgram(ast).eval();
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException("when of step " + step.getName() + ": " + expression, e);
    }
  }

  private Object resolve(String value, Map<String, Map<String, Object>> outputs) {
    Matcher whole = REFERENCE.matcher(value);
    if (whole.matches()) {
      return referenced(whole, outputs);
    }
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder text = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(
          text, Matcher.quoteReplacement(asText(referenced(matcher, outputs))));
    }
    matcher.appendTail(text);
    return text.toString();
  }

  private Object referenced(Matcher reference, Map<String, Map<String, Object>> outputs) {
    String name = reference.group(2);
    return switch (reference.group(1)) {
      case "params" -> require(params.get(name), "param " + name);
      case "inputs" -> require(inputData.get(name), "input " + name);
      default ->
          require(
              require(outputs.get(name), "outputs of step " + name).get(reference.group(3)),
              "output " + reference.group(3) + " of step " + name);
    };
  }

  private static String asText(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return CanonicalJson.write(value);
  }

  private static String celLiteral(Object value) {
    if (value instanceof String text) {
      return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    return asText(value);
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalStateException("the sample references a missing " + what);
    }
    return value;
  }

  private static <T> T read(String file, Class<T> type) {
    List<JsonNode> objects = documents(file);
    return JSON.convertValue(objects.get(0), type);
  }

  private static List<JsonNode> documents(String file) {
    try {
      List<JsonNode> objects = new ArrayList<>();
      try (var parser = new YAMLFactory().createParser(Files.readString(samples().resolve(file)))) {
        YAML.readValues(parser, JsonNode.class).forEachRemaining(objects::add);
      }
      return objects;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's {@code samples/} directory, found upwards from the working directory. */
  public static Path samples() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("samples/quickstart"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no samples/ above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("samples");
  }
}
