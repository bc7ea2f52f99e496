package io.greenlang.runtime.calculation.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenlang.runtime.calculation.Calculated;
import io.greenlang.runtime.calculation.CalculationTool;
import io.greenlang.runtime.calculation.Calculator;
import io.greenlang.runtime.calculation.Formulas;
import io.greenlang.runtime.calculation.InputReader;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.catalog.FactorCatalog;
import io.greenlang.runtime.catalog.FactorRow;
import io.greenlang.runtime.provenance.CanonicalJson;
import io.greenlang.runtime.provenance.Provenance;
import io.greenlang.runtime.provenance.ProvenanceChain;
import io.greenlang.runtime.provenance.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a stored result from its provenance alone: the hash is the SHA-256 of the stored
 * canonical text, the text is canonical, the chain link is right, every recorded factor row is what
 * the catalog holds under its table id, version and row id, and recalculating the formula from the
 * recorded inputs and rows gives the same provenance, byte for byte.
 */
public final class ResultVerifier {

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final FactorCatalog catalog;

  public ResultVerifier(FactorCatalog catalog) {
    this.catalog = catalog;
  }

  /** Verifies one result. */
  public Verification verify(ResultRecord record) {
    List<Verification.Check> checks = new ArrayList<>();
    String hash = Sha256.hex(record.provenance().getBytes(StandardCharsets.UTF_8));
    checks.add(
        check(
            "hash",
            hash.equals(record.resultHash()),
            "SHA-256 of the stored provenance is " + hash + ", recorded " + record.resultHash()));
    String link =
        ProvenanceChain.link(record.previousHash(), record.sequence(), record.resultHash());
    checks.add(
        check(
            "chain-link",
            link.equals(record.chainHash()),
            "link of previous, sequence and result hash is "
                + link
                + ", recorded "
                + record.chainHash()));
    JsonNode parsed;
    try {
      parsed = JSON.readTree(record.provenance());
    } catch (JsonProcessingException e) {
      checks.add(
          check("canonical-form", false, "the provenance is not JSON: " + e.getOriginalMessage()));
      return new Verification(false, record.sequence(), record.resultHash(), null, checks);
    }
    boolean canonical = CanonicalJson.text(parsed).equals(record.provenance());
    checks.add(
        check("canonical-form", canonical, canonical ? "canonical" : "not in canonical form"));
    Provenance provenance;
    try {
      provenance = Provenance.fromJson(parsed);
    } catch (IllegalArgumentException e) {
      checks.add(check("recalculation", false, e.getMessage()));
      return new Verification(false, record.sequence(), record.resultHash(), null, checks);
    }
    checks.add(checkFactorRows(provenance));
    String recomputed = recalculate(provenance, record.provenance(), checks);
    boolean verified = checks.stream().allMatch(Verification.Check::passed);
    return new Verification(verified, record.sequence(), record.resultHash(), recomputed, checks);
  }

  private Verification.Check checkFactorRows(Provenance provenance) {
    int count = 0;
    for (JsonNode recorded : provenance.factors()) {
      FactorRow row;
      try {
        row = FactorRow.fromJson(recorded);
      } catch (RuntimeException e) {
        return check(
            "factor-rows", false, "unreadable factor row " + recorded + ": " + e.getMessage());
      }
      Optional<FactorRow> current;
      try {
        current = catalog.row(row.reference());
      } catch (RuntimeException e) {
        return check(
            "factor-rows", false, "could not read " + row.reference() + ": " + e.getMessage());
      }
      if (current.isEmpty()) {
        return check("factor-rows", false, "the catalog has no row " + row.reference());
      }
      if (!current.get().sameContent(row)) {
        return check(
            "factor-rows",
            false,
            "row "
                + row.reference()
                + " differs from the catalog: recorded "
                + CanonicalJson.text(recorded)
                + ", catalog "
                + CanonicalJson.text(current.get().toJson()));
      }
      count++;
    }
    return check("factor-rows", true, count + " rows as in the catalog");
  }

  private String recalculate(
      Provenance provenance, String stored, List<Verification.Check> checks) {
    Optional<CalculationTool<?, ?>> tool = Formulas.find(provenance.formula());
    if (tool.isEmpty()) {
      checks.add(check("recalculation", false, "unknown formula " + provenance.formula()));
      return null;
    }
    Provenance rebuilt;
    try {
      rebuilt = rebuild(tool.get(), provenance);
    } catch (RuntimeException e) {
      checks.add(check("recalculation", false, "could not recalculate: " + e.getMessage()));
      return null;
    }
    String text = rebuilt.canonical();
    boolean same = text.equals(stored);
    checks.add(
        check(
            "recalculation",
            same,
            same
                ? "recalculated provenance identical"
                : "recalculation differs in " + differences(provenance, rebuilt)));
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static <I, O> Provenance rebuild(CalculationTool<I, O> tool, Provenance provenance) {
    InputReader reader = InputReader.root(provenance.inputs());
    I input = tool.read(reader);
    reader.rejectUnknownFields();
    Calculated<O> result =
        new Calculator(provenance.codeVersion())
            .calculate(tool, input, new RecordedFactorLookup(provenance.factors()));
    return result.provenance();
  }

  private static String differences(Provenance stored, Provenance rebuilt) {
    List<String> parts = new ArrayList<>();
    JsonNode a = stored.toJson();
    JsonNode b = rebuilt.toJson();
    for (String field :
        List.of(
            "formula", "codeVersion", "gwpSet", "inputs", "factors", "outputs", "presentation")) {
      String left = a.has(field) ? CanonicalJson.text(a.get(field)) : "";
      String right = b.has(field) ? CanonicalJson.text(b.get(field)) : "";
      if (!left.equals(right)) {
        parts.add(field);
      }
    }
    return parts.isEmpty() ? "form" : String.join(", ", parts);
  }

  private static Verification.Check check(String name, boolean passed, String detail) {
    return new Verification.Check(name, passed, detail);
  }
}
