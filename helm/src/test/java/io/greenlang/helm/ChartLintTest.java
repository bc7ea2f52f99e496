package io.greenlang.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helm lint --strict} of the chart: clean with the defaults and with every value changed.
 */
class ChartLintTest {

  @Test
  void lintsCleanWithDefaultValues() {
    LintResult result = OperatorChart.lint();

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).noneMatch(message -> message.contains("[ERROR]"));
    assertThat(result.getMessages()).noneMatch(message -> message.contains("[WARNING]"));
  }

  @Test
  void lintsCleanWithEveryValueChanged(@TempDir Path workDir) {
    LintResult result =
        OperatorChart.lintWithValues(
            OperatorChart.testResource("values/non-default.yaml"), workDir);

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).noneMatch(message -> message.contains("[ERROR]"));
  }
}
