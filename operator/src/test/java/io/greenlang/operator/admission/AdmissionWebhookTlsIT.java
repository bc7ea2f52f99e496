package io.greenlang.operator.admission;

import static io.greenlang.operator.admission.AdmissionFixtures.agent;
import static io.greenlang.operator.admission.AdmissionReviewDocuments.review;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.greenlang.crds.common.DataClass;
import io.greenlang.testsupport.kubernetes.MockKubernetesApiResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The webhook with TLS from certificate files, as the chart deploys it: AdmissionReviews are
 * answered over HTTPS with the mounted certificate, refused on the plain HTTP port, which keeps
 * serving health probes.
 */
@QuarkusTest
@TestProfile(WebhookTlsProfile.class)
@QuarkusTestResource(MockKubernetesApiResource.class)
class AdmissionWebhookTlsIT {
  @TestHTTPResource(value = "/", tls = true)
  URL https;

  @TestHTTPResource("/")
  URL http;

  private final String document =
      review("CREATE", agent("team-x", "a", null, DataClass.BUSINESS), null);

  @Test
  void answersOverHttpsWithTheMountedCertificate() {
    given()
        .trustStore(WebhookTlsProfile.CERTIFICATE.trustStore())
        .baseUri(https.toString())
        .contentType(ContentType.JSON)
        .body(document)
        .when()
        .post(AdmissionWebhookResource.AGENTS)
        .then()
        .statusCode(200)
        .body("response.allowed", equalTo(false))
        .body("response.status.message", startsWith("metadata.namespace: namespace \"team-x\""));
  }

  @Test
  void refusesAdmissionReviewsOnThePlainHttpPortButStillServesProbes() {
    given()
        .baseUri(http.toString())
        .contentType(ContentType.JSON)
        .body(document)
        .when()
        .post(AdmissionWebhookResource.AGENTS)
        .then()
        .statusCode(403)
        .body(startsWith("admission webhook endpoints are served over HTTPS only"));
    given().baseUri(http.toString()).when().get("/q/health/live").then().statusCode(200);
  }
}
