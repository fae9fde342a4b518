package com.paxcare.audit;

import com.paxcare.PaxCareNode;
import com.paxcare.cases.CaseAwaitAccess;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail of one case on a real node: the care desk reading it, the passenger reading her trip, a gate
 * agent acknowledging its alert and reporting her found, and a gate agent of another station refused — each with
 * who it was, their role and scope, and the client's address.
 */
class AuditTrailTest {
  private static final Story story = new Story();
  private static PaxCareNode node;
  private static Http admin;
  private static String caseId;

  @BeforeAll
  static void start() throws Exception {
    node = TestNodes.single(TestDatabase.fresh());
    admin = new Http(node.httpPort());
    assertThat(admin.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    assertThat(admin.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy())).status()).isEqualTo(200);
    var reported = admin.postJson("/api/v1/events", Story.familyEmergency());
    assertThat(reported.status()).isEqualTo(201);
    caseId = reported.json().getString("id");
    CaseAwaitAccess.planDone(admin, caseId);
    for (JsonObject user : List.of(
        new JsonObject().put("username", "carol.care").put("role", "care"),
        new JsonObject().put("username", "gary.gate").put("role", "gate").put("station", "MDW"),
        new JsonObject().put("username", "dana.gate").put("role", "gate").put("station", "DEN"))) {
      assertThat(admin.postJson("/api/v1/users", user.put("password", "audit test password")).status())
          .isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void careDeskReadPassengerReadAndGateActionsAreRecordedWithTheirActor() throws Exception {
    assertThat(admin.signIn("carol.care", "audit test password").get("/api/v1/cases/" + caseId).status())
        .isEqualTo(200);
    var passengerToken = admin.as(null).postJson("/api/v1/auth/passenger",
        new JsonObject().put("pnr", "K7Q2ZB").put("lastName", "Uhle")).json().getString("token");
    assertThat(admin.as(passengerToken).get("/api/v1/passenger/trip").status()).isEqualTo(200);
    Http gate = admin.signIn("gary.gate", "audit test password");
    long alertId = gate.get("/api/v1/gates/MDW/*/alerts").json().getJsonArray("alerts").getJsonObject(0)
        .getLong("id");
    assertThat(gate.postJson("/api/v1/gates/alerts/" + alertId + "/ack", new JsonObject()).status()).isEqualTo(200);
    assertThat(gate.postJson("/api/v1/cases/" + caseId + "/recall", new JsonObject().put("status", "FOUND"))
        .status()).isEqualTo(200);
    assertThat(admin.signIn("dana.gate", "audit test password").get("/api/v1/cases/" + caseId).status())
        .isEqualTo(403);

    JsonArray trail = awaitTrail(List.of("case.report tests", "case.read carol.care", "passenger.trip-read UHLE",
        "gate.alerts-read gary.gate", "gate.alert-ack gary.gate", "case.recall gary.gate", "case.read dana.gate"));
    JsonObject report = entry(trail, "case.report");
    assertThat(report.getString("actor")).isEqualTo("tests"); // the tests' admin API key
    assertThat(report.getString("role")).isEqualTo("admin");
    assertThat(report.getInteger("status")).isEqualTo(201);
    JsonObject careRead = entry(trail, "case.read", "carol.care");
    assertThat(careRead.getString("role")).isEqualTo("care");
    assertThat(careRead.getInteger("status")).isEqualTo(200);
    assertThat(careRead.getString("client")).isEqualTo("127.0.0.1");
    assertThat(careRead.getString("at")).isNotBlank();
    JsonObject tripRead = entry(trail, "passenger.trip-read");
    assertThat(tripRead.getString("actor")).isEqualTo("UHLE");
    assertThat(tripRead.getString("role")).isEqualTo("passenger");
    assertThat(tripRead.getString("scope")).isEqualTo("K7Q2ZB");
    assertThat(entry(trail, "gate.alerts-read", "gary.gate").getString("scope")).isEqualTo("MDW");
    assertThat(entry(trail, "gate.alert-ack", "gary.gate").getInteger("status")).isEqualTo(200);
    assertThat(entry(trail, "case.recall", "gary.gate").getString("role")).isEqualTo("gate");
    // A refused attempt is on the trail too.
    JsonObject refused = entry(trail, "case.read", "dana.gate");
    assertThat(refused.getInteger("status")).isEqualTo(403);
    assertThat(refused.getString("scope")).isEqualTo("DEN");
  }

  @Test
  void onlyAdminAndOpsReadTheTrailAndAnUnknownCaseIsA404Problem() {
    var unknown = admin.get("/api/v1/cases/00000000-0000-4000-8000-000000000000/audit");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    var notAnId = admin.get("/api/v1/cases/not-a-case/audit");
    assertThat(notAnId.status()).isEqualTo(400);
    assertThat(notAnId.contentType()).startsWith("application/problem+json");
    var badAfter = admin.get("/api/v1/cases/" + caseId + "/audit?after=x");
    assertThat(badAfter.status()).isEqualTo(400);
    assertThat(badAfter.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("after");
    var care = admin.signIn("carol.care", "audit test password").get("/api/v1/cases/" + caseId + "/audit");
    assertThat(care.status()).isEqualTo(403);
    assertThat(care.contentType()).startsWith("application/problem+json");
  }

  /** Entries are written just after the answer they record: poll until these ("action actor") are there. */
  private static JsonArray awaitTrail(List<String> expected) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonArray entries = new JsonArray();
    while (System.nanoTime() < deadline) {
      var answer = admin.get("/api/v1/cases/" + caseId + "/audit");
      assertThat(answer.status()).isEqualTo(200);
      entries = answer.json().getJsonArray("entries");
      Set<String> recorded = entries.stream().map(e -> (JsonObject) e)
          .map(e -> e.getString("action") + " " + e.getString("actor")).collect(Collectors.toSet());
      if (recorded.containsAll(expected)) {
        return entries;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Audit trail incomplete after 30 s: " + entries.encodePrettily());
  }

  private static JsonObject entry(JsonArray trail, String action) {
    return entry(trail, action, null);
  }

  private static JsonObject entry(JsonArray trail, String action, String actor) {
    return trail.stream().map(e -> (JsonObject) e)
        .filter(e -> e.getString("action").equals(action) && (actor == null || actor.equals(e.getString("actor"))))
        .findFirst().orElseThrow(() -> new AssertionError("no " + action + " by " + actor + " in "
            + trail.encodePrettily()));
  }
}
