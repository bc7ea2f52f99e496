package io.greenlang.runtime.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules every factor table row follows, and errors that name the field. */
class FactorRowParserTest {

  private static final String HEADER =
      "rowId,quantity,subject,value,unit,source,edition,sourceTable,licence,validFrom,validTo\n";

  @Test
  void readsAValidCsvTable() {
    List<FactorRow> rows =
        parse(
            HEADER
                + "de-2026,grid_emission_factor,DE,0.380,kg/kWh,Supplier letter 12,2026,p. 3,"
                + "\"internal, confidential\",2026-01-01,2026-12-31\n");
    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.reference())
                  .isEqualTo(new FactorReference("supplier-grid", 1, "de-2026"));
              assertThat(row.value()).isEqualByComparingTo("0.38");
              assertThat(row.licence()).isEqualTo("internal, confidential");
            });
  }

  @Test
  void namesEveryProblemWithItsRowAndField() {
    assertThatThrownBy(
            () ->
                parse(
                    HEADER
                        + "a,grid_emission_factor,DE,abc,kg/kWh,s,e,t,l,,\n"
                        + "b,Grid,DE,1,tonnes,s,e,t,l,2026-13-01,\n"
                        + "a,grid_emission_factor,FR,1,kg/kWh,,e,t,l,,\n"))
        .isInstanceOf(InvalidFactorTableException.class)
        .hasMessageContaining("row 1, value: not a decimal number: abc")
        .hasMessageContaining("row 2, quantity: \"Grid\" does not match")
        .hasMessageContaining("row 2, unit: unknown unit tonnes")
        .hasMessageContaining("row 2, validFrom: not an ISO date")
        .hasMessageContaining("row 3, source: required");
  }

  @Test
  void refusesTwoRowsALookupCouldNotTellApart() {
    assertThatThrownBy(
            () ->
                parse(
                    HEADER
                        + "a,grid_emission_factor,DE,1,kg/kWh,s,e,t,l,2025-01-01,2026-06-30\n"
                        + "b,grid_emission_factor,DE,2,kg/kWh,s,e,t,l,2026-01-01,\n"
                        + "a,grid_emission_factor,FR,1,kg/kWh,s,e,t,l,,\n"))
        .hasMessageContaining("row 2, validFrom: rows a and b are both grid_emission_factor DE")
        .hasMessageContaining("row 3, rowId: row id a is used twice");
  }

  @Test
  void refusesUnknownColumnsAndExtraCells() {
    assertThatThrownBy(() -> parse("rowId,colour\nx,blue\n"))
        .hasMessageContaining("row 1, colour: unknown field");
    assertThatThrownBy(() -> parse(HEADER + "a,q,s,1,t,s,e,t,l,,,surplus\n"))
        .hasMessageContaining("row 1, cells: more cells than the header has columns");
  }

  private static List<FactorRow> parse(String csv) {
    try (CsvRecords records = CsvRecords.open(new StringReader(csv))) {
      return FactorRowParser.parse("supplier-grid", 1, records.readAll());
    }
  }
}
