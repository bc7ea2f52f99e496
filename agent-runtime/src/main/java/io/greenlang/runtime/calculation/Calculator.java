package io.greenlang.runtime.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenlang.runtime.catalog.FactorLookup;
import io.greenlang.runtime.catalog.FactorLookupException;
import io.greenlang.runtime.provenance.CanonicalJson;
import io.greenlang.runtime.provenance.Provenance;
import io.greenlang.runtime.provenance.Sha256;
import io.greenlang.runtime.units.IncompatibleUnitsException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Runs a {@link CalculationTool} and wraps its output in provenance: the inputs as read, the factor
 * rows used, the formula id, the GWP set, the code version, the exact and presented outputs, and
 * the SHA-256 over the canonical form of all of it.
 */
public final class Calculator {

  private final String codeVersion;

  /** A calculator that records {@code codeVersion} (the runtime's version) in every result. */
  public Calculator(String codeVersion) {
    this.codeVersion = Objects.requireNonNull(codeVersion, "codeVersion");
  }

  public String codeVersion() {
    return codeVersion;
  }

  /**
   * Reads {@code input} and calculates.
   *
   * @throws InvalidInputException naming the field
   */
  public <I, O> Calculated<O> calculate(
      CalculationTool<I, O> tool, JsonNode input, FactorLookup factors) {
    InputReader reader = InputReader.root(input);
    I typed = tool.read(reader);
    reader.rejectUnknownFields();
    return calculate(tool, typed, factors);
  }

  /**
   * Calculates from a typed input.
   *
   * @throws InvalidInputException naming the field
   */
  public <I, O> Calculated<O> calculate(CalculationTool<I, O> tool, I input, FactorLookup factors) {
    RecordingFactorLookup recording = new RecordingFactorLookup(factors);
    O output;
    try {
      output = tool.calculate(input, recording);
    } catch (FactorLookupException e) {
      // Tools name the field where they can; a lookup they did not expect to fail still says why.
      throw FactorFields.failure(e, "input", "input");
    } catch (IncompatibleUnitsException e) {
      throw new InvalidInputException("input", e.getMessage());
    }
    OutputWriter out = new OutputWriter();
    tool.writeOutputs(output, out);
    Provenance provenance =
        new Provenance(
            tool.formula(),
            codeVersion,
            tool.gwpSet(input),
            tool.write(input),
            recording.rowsJson(),
            out.outputs(),
            out.presentation());
    byte[] canonical = CanonicalJson.bytes(provenance.toJson());
    return new Calculated<>(
        output, provenance, new String(canonical, StandardCharsets.UTF_8), Sha256.hex(canonical));
  }
}
