package com.paxcare.cases;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.testing.Http;
import com.paxcare.testing.MovableClock;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Promised times are timers, not good intentions: a crew message nobody acknowledges escalates to ops
 * control, and a follow-up call nobody makes is flagged overdue and escalated, and stays in the queue.
 */
class PromisesKeptTest {
  private static final MovableClock clock = new MovableClock(Story.CHICAGO);
  private static PaxCareNode node;
  private static Http http;

  @BeforeAll
  static void start() {
    Story story = new Story();
    int port = TestNodes.freePort();
    Config config = Config.from(TestNodes.environment("promises-" + UUID.randomUUID(), "promises", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_CREW_ACK_SECONDS", "60", "PAXCARE_FOLLOWUP_DELAY_HOURS", "24",
            "PAXCARE_FOLLOWUP_GRACE_MINUTES", "60")));
    node = TestNodes.start(config, TestDatabase.fresh(), clock);
    http = new Http(node.httpPort());
    assertThat(http.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy())).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void anUnansweredCrewMessageAndAnOverdueCallBackAreEscalatedNeverDropped() throws Exception {
    String caseId = http.postJson("/api/v1/events", Story.familyEmergency()).json().getString("id");
    CaseAwait.planDone(http, caseId);
    assertThat(http.get("/api/v1/cases/" + caseId).json().getJsonArray("escalations")).isEmpty();

    // Nobody on the flight deck answers within the minute; two days later, nobody has called her back.
    clock.moveForward(Duration.ofDays(2));
    CaseAwait.until(() -> http.get("/api/v1/cases/" + caseId).json().getJsonArray("escalations").size() == 2,
        "two escalations");

    JsonObject file = http.get("/api/v1/cases/" + caseId).json();
    List<String> reasons = file.getJsonArray("escalations").stream().map(e -> ((JsonObject) e).getString("reason"))
        .toList();
    assertThat(reasons).containsExactlyInAnyOrder("CREW_MESSAGE_UNACKNOWLEDGED", "FOLLOW_UP_OVERDUE");
    assertThat(file.getJsonArray("crewMessages").getJsonObject(0).getBoolean("escalated")).isTrue();
    assertThat(file.getString("status")).isEqualTo("OPEN");
    JsonObject followUp = http.get("/api/v1/followups?status=DUE").json().getJsonArray("followUps").getJsonObject(0);
    assertThat(followUp.getString("caseId")).isEqualTo(caseId);
    assertThat(followUp.getBoolean("overdue")).isTrue();
    assertThat(followUp.getBoolean("escalated")).isTrue();
    assertThat(file.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("action")))
        .contains("escalated to ops control", "follow-up overdue: escalated");
  }
}
