package io.greenlang.crds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the tests find the generated CRDs, their committed copies, the generated docs, the samples
 * and the invalid-manifest corpus in the repository.
 */
public final class RepositoryFiles {
  /** With -Dgl.regenerate=true the drift tests rewrite the committed copies instead of failing. */
  public static final boolean REGENERATE = Boolean.getBoolean("gl.regenerate");

  public static final String REGENERATE_HINT =
      "run ./mvnw -pl crds verify -Dgl.regenerate=true and commit the result";

  private RepositoryFiles() {}

  /**
   * The repository root: the gl.project.root property set by the build, else the module's parent.
   */
  public static Path root() {
    String configured = System.getProperty("gl.project.root");
    Path root =
        configured == null || configured.isBlank()
            ? Path.of("").toAbsolutePath().getParent()
            : Path.of(configured);
    return root.toAbsolutePath().normalize();
  }

  public static Path generatedCrds() {
    return root().resolve("crds/target/kubernetes");
  }

  public static Path chartCrds() {
    return root().resolve("helm/greenlang-operator/crds");
  }

  public static Path crdReference() {
    return root().resolve("docs/reference/crds.md");
  }

  public static Path samples() {
    return root().resolve("samples");
  }

  public static Path invalidCorpus() {
    return root().resolve("crds/src/test/resources/invalid");
  }

  /** Files directly in a folder with the given suffix, sorted by name. */
  public static List<Path> list(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files below a folder (any depth) with the given suffix, sorted by path. */
  public static List<Path> walk(Path dir, String suffix) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
