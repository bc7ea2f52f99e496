package io.greenlang.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The greenlang-operator chart as the tests see it: real Helm (helm-java) linting and rendering the
 * chart directory next to this module's pom, installed the way the operations guide says.
 */
final class OperatorChart {

  /** Release name of the documented install command; it is also the chart name. */
  static final String RELEASE = "greenlang-operator";

  static final String NAMESPACE = "greenlang-system";

  /**
   * A Kubernetes version inside the chart's kubeVersion range; the embedded Helm otherwise assumes
   * v1.20, which the chart rejects.
   */
  static final String SUPPORTED_KUBE_VERSION = "v1.31.0";

  private OperatorChart() {}

  /** The chart directory, passed in by surefire so the tests do not depend on the working dir. */
  static Path directory() {
    String configured = System.getProperty("greenlang.chart.dir");
    Path chart =
        configured != null ? Path.of(configured) : Path.of("greenlang-operator").toAbsolutePath();
    if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      throw new IllegalStateException("No Chart.yaml in " + chart);
    }
    return chart;
  }

  /** A resource shipped with the tests, such as a values file. */
  static Path testResource(String name) {
    try {
      return Path.of(OperatorChart.class.getResource("/" + name).toURI());
    } catch (Exception e) {
      throw new IllegalStateException("Missing test resource " + name, e);
    }
  }

  /** {@code helm lint --strict} of the chart with its own values.yaml. */
  static LintResult lint() {
    return new Helm(directory()).lint().strict().call();
  }

  /**
   * {@code helm lint --strict} with {@code values} in place of the chart's values.yaml. helm-java's
   * lint takes no values file, so the chart is copied into {@code workDir} with the values swapped.
   */
  static LintResult lintWithValues(Path values, Path workDir) {
    Path copy = workDir.resolve(RELEASE);
    copyTree(directory(), copy);
    try {
      Files.copy(values, copy.resolve("values.yaml"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Helm(copy).lint().strict().call();
  }

  /** A {@code helm template} of the chart for the documented release, ready for more options. */
  static TemplateCommand template() {
    LookupApiServer.ensureStarted();
    return new Helm(directory())
        .template()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(SUPPORTED_KUBE_VERSION);
  }

  /** Renders the chart with its default values. */
  static RenderedChart render() {
    return RenderedChart.parse(template().call());
  }

  /** Renders the chart with {@code --set key=value} for every entry. */
  static RenderedChart render(Map<String, ?> sets) {
    TemplateCommand command = template();
    sets.forEach(command::set);
    return RenderedChart.parse(command.call());
  }

  /** Renders the chart with {@code -f values}. */
  static RenderedChart render(Path values) {
    return RenderedChart.parse(template().withValuesFile(values).call());
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
