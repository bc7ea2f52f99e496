package io.greenlang.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as its instructions (keyword and arguments), enough to check the rules our
 * images follow without a Docker engine: comments and blank lines dropped, continuation lines
 * joined, exec-form arguments read as the JSON arrays they are.
 */
record Dockerfile(Path file, List<Instruction> instructions) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One instruction, keyword upper-cased. */
  record Instruction(String keyword, String arguments) {
    /** Whether the arguments are the exec (JSON array) form, which runs without a shell. */
    boolean isExecForm() {
      return arguments.startsWith("[");
    }

    /** The exec-form arguments. */
    List<String> execArguments() {
      try {
        return JSON.readValue(arguments, new TypeReference<List<String>>() {});
      } catch (JsonProcessingException e) {
        throw new AssertionError(keyword + " is not a JSON array: " + arguments, e);
      }
    }
  }

  static Dockerfile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String instruction = pending.toString().strip();
      pending.setLength(0);
      int space = instruction.indexOf(' ');
      instructions.add(
          new Instruction(
              instruction.substring(0, space).toUpperCase(Locale.ROOT),
              instruction.substring(space + 1).strip()));
    }
    return new Dockerfile(file, instructions);
  }

  List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  /** The arguments of the only instruction with this keyword. */
  Instruction only(String keyword) {
    List<Instruction> found = all(keyword);
    if (found.size() != 1) {
      throw new AssertionError("Expected one " + keyword + " in " + file + ", found " + found);
    }
    return found.get(0);
  }
}
