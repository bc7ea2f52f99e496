package io.greenlang.runtime.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The canonical form provenance hashes are computed over. */
class CanonicalJsonTest {

  @Test
  void sortsMembersStripsDecimalsAndDropsNulls() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("value", new BigDecimal("56100.00"));
    json.put("Zeta", "upper case sorts first");
    json.putNull("absent");
    json.put("count", 3);
    ObjectNode nested = json.putObject("nested");
    nested.put("b", new BigDecimal("0.10"));
    nested.put("a", new BigDecimal("1E+3"));
    json.putArray("list").add("second").add("first");

    assertThat(CanonicalJson.text(json))
        .isEqualTo(
            "{\"Zeta\":\"upper case sorts first\",\"count\":3,\"list\":[\"second\",\"first\"],"
                + "\"nested\":{\"a\":\"1000\",\"b\":\"0.1\"},\"value\":\"56100\"}");
  }

  @Test
  void theSameValueWrittenDifferentlyHasOneForm() {
    ObjectNode a = JsonNodeFactory.instance.objectNode().put("v", new BigDecimal("48.0"));
    ObjectNode b = JsonNodeFactory.instance.objectNode().put("v", new BigDecimal("48"));
    ObjectNode c = JsonNodeFactory.instance.objectNode().put("v", "48");
    assertThat(CanonicalJson.text(a)).isEqualTo(CanonicalJson.text(b)).isEqualTo("{\"v\":\"48\"}");
    assertThat(CanonicalJson.text(c)).isEqualTo("{\"v\":\"48\"}");
  }

  @Test
  void escapesStringsAndKeepsUnicodeAsUtf8() {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("s", "a\"b\\c\nd\u0001 São Paulo");
    byte[] bytes = CanonicalJson.bytes(json);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("{\"s\":\"a\\\"b\\\\c\\nd\\u0001 São Paulo\"}");
  }

  @Test
  void aFrozenNodeWritesTheSameCanonicalForm() {
    ObjectNode row =
        JsonNodeFactory.instance.objectNode().put("z", "last").put("a", new BigDecimal("1.0"));
    ObjectNode outer = JsonNodeFactory.instance.objectNode();
    outer.putArray("rows").add(row);
    String expected = CanonicalJson.text(outer);
    ObjectNode frozenOuter = JsonNodeFactory.instance.objectNode();
    frozenOuter.putArray("rows").add(CanonicalJson.frozen(row));
    assertThat(CanonicalJson.text(frozenOuter))
        .isEqualTo(expected)
        .isEqualTo("{\"rows\":[{\"a\":\"1\",\"z\":\"last\"}]}");
    assertThat(CanonicalJson.frozen(row).get("z").asText()).isEqualTo("last");
  }

  @Test
  void refusesFloatingPointNumbers() {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("v", 0.1d);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CanonicalJson.text(json))
        .withMessageContaining("floating-point number 0.1");
  }

  @Test
  void hashesAreLowerCaseSha256() {
    // SHA-256 of the empty object "{}", checked with sha256sum.
    assertThat(Sha256.hex(CanonicalJson.bytes(JsonNodeFactory.instance.objectNode())))
        .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  }

  @Test
  void chainLinksIncludeThePreviousHash() {
    ProvenanceChain chain = new ProvenanceChain();
    assertThat(chain.root()).isEqualTo(ProvenanceChain.GENESIS);
    String a = "a".repeat(64);
    String b = "b".repeat(64);
    ProvenanceChain.Link first = chain.append(a);
    ProvenanceChain.Link second = chain.append(b);

    assertThat(first.previousHash()).isEqualTo(ProvenanceChain.GENESIS);
    assertThat(second.previousHash()).isEqualTo(first.chainHash());
    assertThat(chain.root()).isEqualTo(second.chainHash());
    assertThat(first.chainHash())
        .isEqualTo(
            Sha256.hex(
                ("{\"previous\":\""
                        + ProvenanceChain.GENESIS
                        + "\",\"result\":\""
                        + a
                        + "\",\"sequence\":1}")
                    .getBytes(StandardCharsets.UTF_8)));
    ProvenanceChain swapped = new ProvenanceChain();
    swapped.append(b);
    swapped.append(a);
    assertThat(swapped.root()).isNotEqualTo(chain.root());
  }
}
