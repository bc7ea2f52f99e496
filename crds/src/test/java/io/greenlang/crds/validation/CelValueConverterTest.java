package io.greenlang.crds.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON values reach CEL typed by their schema, as the API server types them. */
class CelValueConverterTest {

  private static final SchemaNode SCHEMA =
      SchemaNode.of(
          ManifestYaml.parse(
              """
              type: object
              properties:
                count: {type: integer}
                ratio: {type: number}
                when: {type: string, format: date-time}
                day: {type: string, format: date}
                timeout: {type: string, format: duration}
                note: {type: string, nullable: true}
                tags: {type: array, items: {type: string}}
                free: {type: object, x-kubernetes-preserve-unknown-fields: true}
              """));

  @Test
  void convertsByTheSchemaTypeNotTheJsonSpelling() {
    Object converted =
        CelValueConverter.toCel(
            ManifestYaml.parse(
                """
                count: 3
                ratio: 2
                when: "2024-05-01T10:00:00Z"
                day: "2024-05-01"
                timeout: 1h30m
                note: null
                tags: [a, b]
                free: {any: 1}
                pruned: true
                """),
            SCHEMA);

    assertThat(converted).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) converted;
    assertThat(map.get("count")).isEqualTo(3L);
    assertThat(map.get("ratio")).isEqualTo(2.0);
    assertThat(map.get("when")).isEqualTo(Timestamp.newBuilder().setSeconds(1714557600L).build());
    assertThat(map.get("day")).isEqualTo(Timestamp.newBuilder().setSeconds(1714521600L).build());
    assertThat(map.get("timeout")).isEqualTo(Duration.newBuilder().setSeconds(5400).build());
    assertThat(map.get("note")).isEqualTo(NullValue.NULL_VALUE);
    assertThat(map.get("tags")).isEqualTo(List.of("a", "b"));
    assertThat(map.get("free")).isEqualTo(Map.of("any", 1L));
    // the API server prunes fields its schema does not list before rules run
    assertThat(map.containsKey("pruned")).isFalse();
  }

  @Test
  void unparseableFormattedStringsStayStrings() {
    Object converted = CelValueConverter.toCel(ManifestYaml.parse("when: soon"), SCHEMA);

    assertThat(((Map<?, ?>) converted).get("when")).isEqualTo("soon");
  }
}
