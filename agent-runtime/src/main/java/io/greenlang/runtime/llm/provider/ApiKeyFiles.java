package io.greenlang.runtime.llm.provider;

import io.greenlang.crds.common.SecretKeySelector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads API keys from the Secrets the operator mounts, one file per key at {@code
 * <secrets-dir>/<secret name>/<key>} (docs/runtime/agent-configuration.md). Read on every use, so a
 * rotated Secret takes effect without a restart. Error messages name the file, never its content.
 */
public final class ApiKeyFiles {

  private final Path secretsDirectory;

  public ApiKeyFiles(Path secretsDirectory) {
    this.secretsDirectory = secretsDirectory.toAbsolutePath().normalize();
  }

  /**
   * The key, without surrounding whitespace (a trailing newline is common in Secrets).
   *
   * @param field the Agent field naming the Secret, for the error message
   * @throws ApiKeyUnavailableException when the file is missing, unreadable or empty
   */
  public String read(SecretKeySelector ref, String field) {
    Path file = secretsDirectory.resolve(ref.getName()).resolve(ref.getKey()).normalize();
    if (!file.startsWith(secretsDirectory)) {
      throw new ApiKeyUnavailableException(
          field
              + ": Secret "
              + ref.getName()
              + " key "
              + ref.getKey()
              + " escapes "
              + secretsDirectory);
    }
    String key;
    try {
      key = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new ApiKeyUnavailableException(
          field
              + ": the API key file "
              + file
              + " does not exist; is Secret "
              + ref.getName()
              + " (key "
              + ref.getKey()
              + ") mounted?");
    } catch (IOException e) {
      throw new ApiKeyUnavailableException(
          field
              + ": the API key file "
              + file
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + ")");
    }
    if (key.isEmpty()) {
      throw new ApiKeyUnavailableException(field + ": the API key file " + file + " is empty");
    }
    return key;
  }

  /** An API key that cannot be read; the message names the file, not the key. */
  public static final class ApiKeyUnavailableException extends RuntimeException {
    ApiKeyUnavailableException(String message) {
      super(message);
    }
  }
}
