package com.paxcare.recall;

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

import static org.assertj.core.api.Assertions.assertThat;

/** What a gate agent records on the tablet lands on the case, once, under the agent's name. */
class GateActionsTest {
  private static final Story story = new Story();
  private static PaxCareNode node;
  private static Http gate;
  private static Http admin;
  private static String caseId;

  @BeforeAll
  static void start() throws Exception {
    node = TestNodes.single(TestDatabase.fresh());
    admin = new Http(node.httpPort());
    assertThat(admin.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    assertThat(admin.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy())).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/feed/bsm", "text/plain", story.peggysBag()).status()).isEqualTo(200);
    assertThat(admin.postJson("/api/v1/users", new JsonObject().put("username", "maria").put("role", "gate")
        .put("station", "MDW").put("password", "gate password")).status()).isEqualTo(201);
    gate = admin.signIn("maria", "gate password");
    caseId = admin.postJson("/api/v1/events", Story.familyEmergency()).json().getString("id");
    CaseAwaitAccess.planDone(admin, caseId);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void anAlertIsAcknowledgedOnceByTheFirstAgent() {
    JsonArray alerts = gate.get("/api/v1/gates/MDW/*/alerts").json().getJsonArray("alerts");
    JsonObject recall = alerts.stream().map(a -> (JsonObject) a).filter(a -> "RECALL".equals(a.getString("kind")))
        .findFirst().orElseThrow();
    assertThat(recall.getBoolean("acknowledged")).isFalse();
    var first = gate.postJson("/api/v1/gates/alerts/" + recall.getLong("id") + "/ack", new JsonObject());
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().getString("acknowledgedBy")).isEqualTo("gate agent maria (MDW)");
    var again = admin.postJson("/api/v1/gates/alerts/" + recall.getLong("id") + "/ack", new JsonObject());
    assertThat(again.json().getString("acknowledgedBy")).as("the first stands").isEqualTo("gate agent maria (MDW)");
    assertThat(admin.postJson("/api/v1/gates/alerts/999999/ack", new JsonObject()).status()).isEqualTo(404);
    long acknowledgements = timeline().stream().filter(e -> "gate acknowledged alert"
        .equals(((JsonObject) e).getString("action"))).count();
    assertThat(acknowledgements).isEqualTo(1);
  }

  @Test
  void theVoucherIsHandedOverAndTheBagComesOffThenFollowsHer() {
    JsonObject view = gate.get("/api/v1/cases/" + caseId).json();
    JsonObject bag = view.getJsonArray("bags").getJsonObject(0);
    assertThat(bag.getString("status")).isEqualTo("TO_OFFLOAD");

    var handed = gate.postJson("/api/v1/cases/" + caseId + "/meal-voucher/issue", new JsonObject());
    assertThat(handed.status()).isEqualTo(200);
    JsonObject voucher = handed.json().getJsonArray("care").stream().map(c -> (JsonObject) c)
        .filter(c -> "MEAL_VOUCHER".equals(c.getString("kind"))).findFirst().orElseThrow();
    assertThat(voucher.getString("handedOverBy")).isEqualTo("gate agent maria (MDW)");

    var offloaded = gate.postJson("/api/v1/cases/" + caseId + "/bags/" + bag.getString("tag") + "/offloaded",
        new JsonObject());
    assertThat(offloaded.status()).isEqualTo(200);
    JsonObject after = offloaded.json().getJsonArray("bags").getJsonObject(0);
    assertThat(after.getString("status")).as("off, and already routed onto her new flight").isEqualTo("REROUTED");
    assertThat(after.getString("offloadedBy")).isEqualTo("gate agent maria (MDW)");

    assertThat(gate.postJson("/api/v1/cases/" + caseId + "/bags/0000000000/offloaded", new JsonObject()).status())
        .as("not her bag").isEqualTo(404);
    var badTag = gate.postJson("/api/v1/cases/" + caseId + "/bags/12/offloaded", new JsonObject());
    assertThat(badTag.status()).isEqualTo(400);
    assertThat(badTag.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("tag");
  }

  private static JsonArray timeline() {
    return admin.get("/api/v1/cases/" + caseId).json().getJsonArray("timeline");
  }
}
