package io.greenlang.runtime.llm.provider;

import io.greenlang.crds.common.SecretKeySelector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Reads API keys from the Kubernetes Secrets the agent names: mounted as the file {@code
 * <secrets-dir>/<secret name>/<key>} (docs/runtime/agent-configuration.md), read on every use so
 * that a rotated Secret takes effect without a restart; or, when no such file exists, from the
 * environment variable {@code GL_SECRET_<SECRET NAME>_<KEY>} (upper case, other characters than
 * letters and digits as {@code _}), as a pod gets it from {@code env[].valueFrom.secretKeyRef}.
 * Error messages name the file and variable, never a value.
 */
public final class ApiKeys {

  private final Path secretsDirectory;
  private final UnaryOperator<String> environment;

  /** Keys from files under {@code secretsDirectory}, then from the process environment. */
  public ApiKeys(Path secretsDirectory) {
    this(secretsDirectory, System::getenv);
  }

  public ApiKeys(Path secretsDirectory, UnaryOperator<String> environment) {
    this.secretsDirectory = secretsDirectory.toAbsolutePath().normalize();
    this.environment = environment;
  }

  /** The environment variable that may hold a Secret key: {@code GL_SECRET_LLM_KEYS_OPENAI}. */
  public static String variableName(SecretKeySelector ref) {
    return ("GL_SECRET_" + ref.getName() + "_" + ref.getKey())
        .toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * The key, without surrounding whitespace (a trailing newline is common in Secrets).
   *
   * @param field the Agent field naming the Secret, for the error message
   * @throws ApiKeyUnavailableException when neither the file nor the variable holds a key
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
      return fromEnvironment(ref, field, file);
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

  private String fromEnvironment(SecretKeySelector ref, String field, Path file) {
    String variable = variableName(ref);
    String value = environment.apply(variable);
    if (value == null || value.isBlank()) {
      throw new ApiKeyUnavailableException(
          field
              + ": neither the API key file "
              + file
              + " nor the environment variable "
              + variable
              + " holds Secret "
              + ref.getName()
              + " key "
              + ref.getKey()
              + "; is the Secret mounted?");
    }
    return value.strip();
  }

  /** An API key that cannot be read; the message names where it was looked for, not a value. */
  public static final class ApiKeyUnavailableException extends RuntimeException {
    ApiKeyUnavailableException(String message) {
      super(message);
    }
  }
}
