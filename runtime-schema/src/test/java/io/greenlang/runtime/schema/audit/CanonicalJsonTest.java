package io.greenlang.runtime.schema.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The canonical JSON of audit details (docs/runtime/audit-ledger.md, "Canonical JSON"). */
class CanonicalJsonTest {

  private static String canonical(String json) {
    return CanonicalJson.canonicalObject("details", json);
  }

  @Test
  void sortsMembersAtEveryLevelAndDropsWhitespace() {
    assertThat(
            canonical(
                "{ \"b\" : 1,\n \"a\" : { \"z\": [ 3, 2, {\"y\":true, \"x\":null} ], \"m\": false } }"))
        .isEqualTo("{\"a\":{\"m\":false,\"z\":[3,2,{\"x\":null,\"y\":true}]},\"b\":1}");
  }

  @Test
  void keepsNumbersExactlyAsWritten() {
    assertThat(
            canonical(
                "{\"a\": 12.50, \"b\": 1e3, \"c\": -0, \"d\": 1.0E-7, \"e\": 12345678901234567890123}"))
        .isEqualTo("{\"a\":12.50,\"b\":1e3,\"c\":-0,\"d\":1.0E-7,\"e\":12345678901234567890123}");
  }

  @Test
  void escapesOnlyWhatJsonRequiresInLowerCaseHex() {
    assertThat(
            canonical(
                "{\"s\": \"q\\\"b\\\\ \\/ \\b\\f\\n\\r\\t \\u0001\\u001F \\u00e9 \\u20AC \\ud83d\\ude00\"}"))
        .isEqualTo("{\"s\":\"q\\\"b\\\\ / \\b\\f\\n\\r\\t \\u0001\\u001f é € \uD83D\uDE00\"}");
  }

  @Test
  void sortsNamesByCodePointNotByUtf16Unit() {
    // U+FF21 (fullwidth A) sorts after U+1F600 in UTF-16 units but before it in code points.
    String emoji = "\uD83D\uDE00";
    assertThat(canonical("{\"" + emoji + "\": 1, \"\uFF21\": 2, \"a\": 3, \"B\": 4}"))
        .isEqualTo("{\"B\":4,\"a\":3,\"\uFF21\":2,\"" + emoji + "\":1}");
  }

  @Test
  void isIdempotent() {
    String once = canonical("{\"b\": [1, 2.0], \"a\": \"x\\u0000y\"}");
    assertThat(canonical(once)).isEqualTo(once);
  }

  @Test
  void refusesWhatIsNotOneStrictJsonObjectNamingTheField() {
    assertThatThrownBy(() -> canonical("[1]"))
        .isInstanceOf(AuditFieldException.class)
        .hasMessage("details: must be a JSON object, not an array");
    assertThatThrownBy(() -> canonical("{\"a\": 1, \"a\": 2}"))
        .isInstanceOf(AuditFieldException.class)
        .hasMessageStartingWith("details: is not valid JSON: Duplicate field 'a'");
    assertThatThrownBy(() -> canonical("{\"a\": NaN}"))
        .hasMessageStartingWith("details: is not valid JSON");
    assertThatThrownBy(() -> canonical("{\"a\": 01}"))
        .hasMessageStartingWith("details: is not valid JSON");
    assertThatThrownBy(() -> canonical("{\"a\": 1,}"))
        .hasMessageStartingWith("details: is not valid JSON");
    assertThatThrownBy(() -> canonical("{} {}"))
        .hasMessage("details: has content after the JSON object");
    assertThatThrownBy(() -> canonical("{\"a\": \"\\ud800\"}"))
        .hasMessageContaining("details: contains a string with an unpaired UTF-16 surrogate");
    assertThatThrownBy(() -> canonical(" ")).hasMessage("details: is required: a JSON object");
    assertThatThrownBy(() -> canonical("{\"a\":"))
        .hasMessageStartingWith("details: is not valid JSON");
  }
}
