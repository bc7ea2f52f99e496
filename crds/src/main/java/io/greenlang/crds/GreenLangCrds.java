package io.greenlang.crds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The five CustomResourceDefinitions of the API: their names and the generated YAML shipped in this
 * jar under {@code META-INF/greenlang/crds/}.
 */
public final class GreenLangCrds {
  /** CRD names, in the order they should be installed. */
  public static final List<String> NAMES =
      List.of(
          "regions.greenlang.io",
          "tenants.greenlang.io",
          "agents.greenlang.io",
          "pipelines.greenlang.io",
          "pipelineruns.greenlang.io");

  private static final String RESOURCE_DIR = "META-INF/greenlang/crds/";

  private GreenLangCrds() {}

  /** The generated YAML of the CRD with the given name. */
  public static String yaml(String crdName) {
    String path = RESOURCE_DIR + crdName + "-v1.yml";
    try (InputStream in = GreenLangCrds.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "CRD " + path + " is not on the classpath; build the crds module");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
