package com.paxcare.disruption;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.testing.DisruptionAwait;
import com.paxcare.testing.Crowd;
import com.paxcare.testing.Http;
import com.paxcare.testing.Rows;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cancellation arrives while a passenger's urgent case is open. Her case is joined, not doubled; she goes first;
 * she is rebooked once for the cancellation, to where her urgent case says she must go.
 */
class CancellationDuringUrgentCaseTest {
  private static PaxCareNode node;
  private static Http http;
  private static final Crowd crowd = new Crowd();
  private static JsonObject toColumbus;
  private static JsonObject ritasFlight;
  /** Passengers whose urgent rebooking races the cancellation of their flight: more of them, more interleavings. */
  private static final int RACERS = 8;
  private static JsonObject firstToDenver;

  @BeforeAll
  static void start() {
    int port = TestNodes.freePort();
    node = TestNodes.start(Config.from(TestNodes.environment("urgent-" + UUID.randomUUID(), "u", port,
        "127.0.0.1:" + port, Map.of())), TestDatabase.fresh());
    http = new Http(node.httpPort());
    toColumbus = crowd.flight("XX500", "MDW", "CMH", 2, 75, 100);
    firstToDenver = crowd.toDenver("XX110", 3, 40);
    crowd.toDenver("XX112", 6, 10);
    ritasFlight = crowd.flight("XX501", "MDW", "CMH", 2, 75, 100);
    crowd.flight("XX600", "MDW", "STL", 4, 70, 20);
    crowd.book(firstToDenver, 30, null);
    crowd.feed(http);
    JsonObject peggy = Story.booking("K7Q2ZB", "PEGGY", "UHLE", "+13125550142", "peggy@example.com", toColumbus,
        "14C", "CHECKED_IN", "5262100000001");
    JsonArray bookings = new JsonArray().add(peggy);
    for (int i = 0; i < RACERS; i++) {
      bookings.add(Story.booking("R4CE1" + i, "RITA", "RACE", "+1312555014" + i, "rita" + i + "@example.com",
          ritasFlight, (15 + i) + "C", "CHECKED_IN", "526210000001" + i));
    }
    assertThat(http.postJson("/api/v1/feed/bookings", bookings).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void herOpenUrgentCaseIsJoinedAndSheGoesFirstAndIsRebookedOnceMore() throws Exception {
    // Her family emergency rebooks her onto the first flight to Denver...
    String caseId = http.postJson("/api/v1/events", Story.familyEmergency()).json().getString("id");
    awaitPlan(caseId);
    assertThat(liveFlights("K7Q2ZB")).containsExactly("XX110");

    // ...which is then cancelled, while her case is still open.
    Http.Answer raised = http.postJson("/api/v1/events", Crowd.cancellation(firstToDenver));
    assertThat(raised.status()).isEqualTo(202);
    JsonObject disruption = DisruptionAwait.done(http, raised.json().getString("id"));
    assertThat(disruption.getJsonObject("progress").getInteger("affected")).isEqualTo(31);

    Row her = rows("SELECT rank, priority_group, reason, status, case_id FROM disruption_passenger"
        + " WHERE pnr = 'K7Q2ZB'").get(0);
    assertThat(her.getInteger("rank")).isEqualTo(1);
    assertThat(her.getInteger("priority_group")).isEqualTo(1);
    assertThat(her.getString("reason")).isEqualTo("open urgent case");
    assertThat(her.getString("status")).isEqualTo("REACCOMMODATED");
    assertThat(her.getUUID("case_id")).hasToString(caseId);
    assertThat(rows("SELECT id FROM care_case WHERE pnr = 'K7Q2ZB'")).hasSize(1);
    assertThat(liveFlights("K7Q2ZB")).containsExactly("XX112");
    // One reissue for her emergency, one for the cancellation: never two for the same reason.
    assertThat(rows("SELECT waiver_code FROM reissue WHERE pnr = 'K7Q2ZB' ORDER BY id"))
        .extracting(r -> r.getString(0)).containsExactly("COMPASSN", "COMPASSN");
    JsonObject file = http.get("/api/v1/cases/" + caseId).json();
    assertThat(file.getString("status")).isEqualTo("OPEN");
    assertThat(file.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("action")))
        .contains("disruption joined");
  }

  @Test
  void aCancellationRacingTheirUrgentRebookingsNeverGivesAnyoneTwoWaysOut() throws Exception {
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      JsonObject report = Story.familyEmergency().put("pnr", "R4CE1" + i).put("lastName", "RACE")
          .put("destination", "STL");
      cases.add(http.postJson("/api/v1/events", report).json().getString("id"));
    }
    // Right away, while their own plans are rebooking them: their flight is cancelled.
    Http.Answer raised = http.postJson("/api/v1/events", Crowd.cancellation(ritasFlight));
    assertThat(raised.status()).isIn(200, 202);
    DisruptionAwait.done(http, raised.json().getString("id"));
    for (String caseId : cases) {
      awaitPlan(caseId);
    }
    for (int i = 0; i < RACERS; i++) {
      String pnr = "R4CE1" + i;
      assertThat(liveFlights(pnr)).as(() -> describe(pnr)).containsExactly("XX600");
      assertThat(rows("SELECT id FROM care_case WHERE pnr = '" + pnr + "'")).hasSize(1);
      assertThat(rows("SELECT id FROM reissue WHERE pnr = '" + pnr + "'")).as(() -> describe(pnr)).hasSize(1);
    }
  }

  /** What happened to her, for a failure message. */
  private static String describe(String pnr) {
    StringBuilder text = new StringBuilder();
    rows("SELECT e.at, e.actor, e.action, e.detail::text FROM case_event e JOIN care_case c ON c.id = e.case_id"
        + " WHERE c.pnr = '" + pnr + "' ORDER BY e.id").forEach(r -> text.append('\n').append(r.getValue(0))
        .append(' ').append(r.getString(1)).append(' ').append(r.getString(2)).append(' ')
        .append(r.getString(3), 0, Math.min(200, r.getString(3).length())));
    rows("SELECT case_id, disruption_id, new_ticket, created_at FROM reissue WHERE pnr = '" + pnr + "'")
        .forEach(r -> text.append("\nreissue ").append(r.getValue(1)).append(' ').append(r.getValue(3)));
    rows("SELECT status, node, reason FROM disruption_passenger WHERE pnr = '" + pnr + "'")
        .forEach(r -> text.append("\ndisruption ").append(r.getString(0)).append(' ').append(r.getString(2)));
    return text.toString();
  }

  private static List<String> liveFlights(String pnr) {
    return rows("SELECT f.flight_no FROM segment s JOIN flight f ON f.id = s.flight_id WHERE s.pnr = '" + pnr
        + "' AND s.status <> 'CANCELLED' ORDER BY f.departure").stream().map(r -> r.getString(0)).toList();
  }

  private static void awaitPlan(String caseId) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonObject view = http.get("/api/v1/cases/" + caseId).json();
      boolean pending = view.getJsonArray("plan").stream().map(s -> (JsonObject) s)
          .filter(s -> !s.getString("step").endsWith("_CHECK"))
          .anyMatch(s -> "PENDING".equals(s.getString("status")));
      if (!pending) {
        return;
      }
      Thread.sleep(50);
    }
    JsonObject view = http.get("/api/v1/cases/" + caseId).json();
    throw new AssertionError("plan of " + caseId + " not done: " + view.getJsonArray("plan").encode() + "\n"
        + describe(view.getJsonObject("passenger").getString("pnr")));
  }

  private static List<Row> rows(String sql) {
    return Rows.of(node.pool(), sql);
  }
}
