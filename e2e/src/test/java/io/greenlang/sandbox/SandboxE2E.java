package io.greenlang.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, end to end: the sandbox starts the mock API, the operator process,
 * PostgreSQL and Redis, applies samples/quickstart and reports the Region Ready and the Tenant
 * provisioned.
 */
class SandboxE2E {
  @Test
  void quickstartSettlesWithTheRegionReady() throws Exception {
    var printed = new ByteArrayOutputStream();
    var options = SandboxOptions.parse(new String[] {"--once"});

    int exit = new Sandbox(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

    String output = printed.toString(StandardCharsets.UTF_8);
    System.out.println(output);
    assertThat(exit).as("sandbox exit code").isZero();
    assertThat(output)
        .containsPattern("Region\\s+eu\\s+True\\s+Ready\\s+Ready")
        .containsPattern("Tenant\\s+acme-steel\\s+True\\s+Ready\\s+Provisioned")
        .containsPattern("Agent\\s+gl-acme-steel/cbam-calculator\\s+True")
        .contains("Pipeline     gl-acme-steel/cbam-quarterly")
        .contains("PipelineRun  gl-acme-steel/cbam-2026-q1")
        .contains("Normal   RegionReady");
  }
}
