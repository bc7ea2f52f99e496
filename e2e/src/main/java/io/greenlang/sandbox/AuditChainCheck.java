package io.greenlang.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A tenant's audit chain verified by a running agent-runtime ({@code GET
 * /api/v1/tenants/<tenant>/audit/verify}, docs/runtime/audit-ledger.md): whether it is intact, how
 * many entries were checked, and the first broken link if any.
 *
 * @param url the endpoint asked
 * @param intact every entry's hash chains to the one before
 * @param entriesChecked entries verified
 * @param lastVerifiedSequence sequence number of the last entry verified
 * @param brokenLink the first broken link as the runtime describes it, or null
 */
public record AuditChainCheck(
    String url, boolean intact, long entriesChecked, long lastVerifiedSequence, String brokenLink) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Asks the runtime at {@code runtimeUrl} to verify the tenant's chain from its start. */
  public static AuditChainCheck verify(String runtimeUrl, String tenant)
      throws IOException, InterruptedException {
    String url =
        runtimeUrl
            + "/api/v1/tenants/"
            + URLEncoder.encode(tenant, StandardCharsets.UTF_8)
            + "/audit/verify";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode body = JSON.readTree(response.body());
    JsonNode broken = body.path("brokenLink");
    return new AuditChainCheck(
        url,
        body.path("intact").asBoolean(false),
        body.path("entriesChecked").asLong(),
        body.path("lastVerifiedSequence").asLong(),
        broken.isMissingNode() || broken.isNull() ? null : broken.toString());
  }

  /** One line for people. */
  public String describe() {
    return intact
        ? "intact ("
            + entriesChecked
            + " entries checked, up to sequence "
            + lastVerifiedSequence
            + ")"
        : "BROKEN after sequence " + lastVerifiedSequence + ": " + brokenLink;
  }
}
