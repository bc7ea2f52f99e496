package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void keysAreSortedAtEveryLevelAndDecimalsKeepTheirScaleWithoutExponent() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("z", new BigDecimal("12.50"));
    value.put("a", Map.of("y", 1, "b", List.of(new BigDecimal("1E-7"), "x")));

    assertThat(CanonicalJson.write(value))
        .isEqualTo("{\"a\":{\"b\":[0.0000001,\"x\"],\"y\":1},\"z\":12.50}");
  }

  @Test
  void theHashDoesNotDependOnKeyOrderAndSurvivesAJsonRoundTrip() throws Exception {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("mass", new BigDecimal("120.500"));
    one.put("cn", "72085120");
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("cn", "72085120");
    other.put("mass", new BigDecimal("120.500"));
    Object readBack = CanonicalJson.MAPPER.readValue(CanonicalJson.write(one), Map.class);

    assertThat(CanonicalJson.sha256(one))
        .isEqualTo(CanonicalJson.sha256(other))
        .isEqualTo(CanonicalJson.sha256(readBack))
        .hasSize(64);
    assertThat(CanonicalJson.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
