package io.greenlang.crds.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The provenance root hash of a PipelineRun ({@code status.provenanceRootHash}): a chain over the
 * {@code provenanceHash} of each succeeded step, in the order the Pipeline lists the steps,
 * compensations excluded. {@code h0 = SHA-256("")}, then {@code h_i = SHA-256(h_(i-1) + ":" +
 * provenanceHash_i)}, over UTF-8 text, each hash as lower-case hex. Shared so the operator, the
 * runtime and auditors compute it the same way.
 */
public final class RunProvenance {

  private RunProvenance() {}

  /** The root hash over the given step provenance hashes, in pipeline order. */
  public static String rootHash(List<String> stepProvenanceHashes) {
    String hash = sha256Hex("");
    for (String step : stepProvenanceHashes) {
      if (step == null || step.isBlank()) {
        throw new IllegalArgumentException("a succeeded step without a provenance hash");
      }
      hash = sha256Hex(hash + ":" + step);
    }
    return hash;
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
