package io.greenlang.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actors the runtime names in audit events, and how details become JSON. */
class AuditActorsTest {

  @Test
  void agentsAreNamedByNamespaceAndName() {
    assertThat(AuditActors.agent("gl-acme", "intake")).isEqualTo("agent:gl-acme/intake");
    assertThat(AuditActors.agent(null, "intake")).isEqualTo("agent:intake");
  }

  @Test
  void anApiCallerIsTheAuthenticatedUserOrAnonymous() {
    assertThat(AuditActors.apiCaller(null)).isEqualTo("api:anonymous");
    assertThat(AuditActors.apiCaller(() -> "")).isEqualTo("api:anonymous");
    assertThat(AuditActors.apiCaller(() -> "ann@acme.example")).isEqualTo("user:ann@acme.example");
  }

  @Test
  void detailsKeepDecimalsAsWrittenAndTimesAsText() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("total", new BigDecimal("12.50"));
    details.put("at", Instant.parse("2026-11-26T10:32:55Z"));
    details.put("none", null);
    assertThat(AuditRecorder.details(details))
        .isEqualTo("{\"total\":12.50,\"at\":\"2026-11-26T10:32:55Z\",\"none\":null}");
    assertThat(AuditRecorder.details(null)).isNull();
  }
}
