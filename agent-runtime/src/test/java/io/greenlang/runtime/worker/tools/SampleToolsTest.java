package io.greenlang.runtime.worker.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.greenlang.runtime.worker.AgentTool;
import io.greenlang.runtime.worker.tools.calculation.MemoryStepCalculations;
import io.greenlang.runtime.worker.tools.cbam.CbamReportTool;
import io.greenlang.runtime.worker.tools.cbam.CertificateObligationTool;
import io.greenlang.runtime.worker.tools.cbam.EmbeddedEmissionsTool;
import io.greenlang.runtime.worker.tools.cbam.ShipmentIntakeTool;
import io.greenlang.runtime.worker.tools.eudr.EudrRiskScoreTool;
import io.greenlang.runtime.worker.tools.ghg.LocationBasedTool;
import io.greenlang.runtime.worker.tools.ghg.MarketBasedTool;
import io.greenlang.runtime.worker.tools.ghg.StationaryCombustionTool;
import io.greenlang.runtime.worker.tools.memory.ForgetTool;
import io.greenlang.runtime.worker.tools.memory.RememberTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The samples name only tools this runtime has (contract C3), and every Pipeline step and
 * compensation names a tool its agent declares.
 */
class SampleToolsTest {

  static final Set<String> RUNTIME_TOOLS = names();

  private static Set<String> names() {
    MemoryStepCalculations calculations = new MemoryStepCalculations();
    Set<String> names = new TreeSet<>();
    for (AgentTool tool :
        List.of(
            new CsvValidationTool(),
            new ReportTool(),
            new ShipmentIntakeTool(),
            new EmbeddedEmissionsTool(calculations),
            new CertificateObligationTool(calculations),
            new CbamReportTool(),
            new StationaryCombustionTool(calculations),
            new LocationBasedTool(calculations),
            new MarketBasedTool(calculations),
            new EudrRiskScoreTool(calculations),
            new RememberTool(),
            new ForgetTool())) {
      names.add(tool.name());
    }
    return names;
  }

  @Test
  void theRuntimeHasTheToolsOfContractC3() {
    assertThat(RUNTIME_TOOLS)
        .containsExactlyInAnyOrder(
            "cbam.shipment_intake",
            "cbam.embedded_emissions",
            "cbam.certificate_obligation",
            "cbam.report",
            "ghg.scope1.stationary_combustion",
            "ghg.scope2.location_based",
            "ghg.scope2.market_based",
            "eudr.risk_score",
            "memory.remember",
            "memory.forget",
            "validate-csv",
            "report");
  }

  @Test
  void everyToolTheSamplesNameIsARuntimeToolTheStepsAgentDeclares() throws IOException {
    Map<String, Set<String>> declaredByAgent = new HashMap<>();
    List<String[]> uses = new ArrayList<>();
    for (JsonNode object : objects()) {
      String kind = object.path("kind").asText();
      String namespace = object.path("metadata").path("namespace").asText();
      if (kind.equals("Agent")) {
        Set<String> tools = new TreeSet<>();
        object.path("spec").path("tools").forEach(tool -> tools.add(tool.path("name").asText()));
        declaredByAgent.put(namespace + "/" + object.path("metadata").path("name").asText(), tools);
      } else if (kind.equals("Pipeline")) {
        for (JsonNode step : object.path("spec").path("steps")) {
          uses.add(use(namespace, step, "step " + step.path("name").asText()));
          if (step.has("compensation")) {
            uses.add(
                use(
                    namespace,
                    step.path("compensation"),
                    "compensation of " + step.path("name").asText()));
          }
        }
      }
    }
    assertThat(uses).isNotEmpty();
    for (Set<String> tools : declaredByAgent.values()) {
      assertThat(RUNTIME_TOOLS).containsAll(tools);
    }
    for (String[] use : uses) {
      assertThat(declaredByAgent).as(use[2] + ": agent " + use[0]).containsKey(use[0]);
      Set<String> declared = declaredByAgent.get(use[0]);
      String tool = use[1] != null ? use[1] : declared.iterator().next();
      assertThat(declared).as(use[2] + " names " + tool).contains(tool);
    }
  }

  private static String[] use(String namespace, JsonNode step, String what) {
    return new String[] {
      namespace + "/" + step.path("agent").asText(),
      step.hasNonNull("tool") ? step.path("tool").asText() : null,
      what
    };
  }

  private static List<JsonNode> objects() throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    YAMLMapper yaml = new YAMLMapper();
    try (Stream<Path> files = Files.walk(SamplePipeline.samples())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (var parser = new YAMLFactory().createParser(Files.readString(file))) {
          yaml.readValues(parser, JsonNode.class).forEachRemaining(objects::add);
        }
      }
    }
    return objects;
  }
}
