package io.greenlang.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A private copy of the built operator application ({@code quarkus-app/}), so a rebuild of the
 * operator module while a benchmark runs cannot replace jars under the running process.
 */
final class OperatorApplicationCopy {
  private OperatorApplicationCopy() {}

  /**
   * Copies the folder holding {@code quarkus-run.jar} into {@code target}; returns the copied jar.
   */
  static Path copy(Path quarkusRunJar, Path target) throws IOException {
    if (!Files.isRegularFile(quarkusRunJar)) {
      throw new IllegalStateException(
          "Operator application not found at "
              + quarkusRunJar
              + "; build it first (-am in the benchmark command does)");
    }
    Path source = quarkusRunJar.getParent();
    deleteRecursively(target);
    try (Stream<Path> files = Files.walk(source)) {
      files.forEach(file -> copyOne(file, target.resolve(source.relativize(file).toString())));
    }
    return target.resolve(quarkusRunJar.getFileName().toString());
  }

  private static void copyOne(Path file, Path destination) {
    try {
      if (Files.isDirectory(file)) {
        Files.createDirectories(destination);
      } else {
        Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy " + file, e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
