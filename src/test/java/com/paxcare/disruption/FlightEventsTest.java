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

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other flight events: a delay that breaks some connections, a diversion, one missed connection, and the
 * status feed raising a cancellation or a long delay by itself.
 */
class FlightEventsTest {
  private static PaxCareNode node;
  private static Http http;
  private static final Crowd crowd = new Crowd();
  private static JsonObject delayed;
  private static JsonObject diverted;
  private static JsonObject toStLouis;
  private static JsonObject stLouisToDenver;
  private static JsonObject fedCancelled;
  private static JsonObject fedDelayed;

  @BeforeAll
  static void start() {
    int port = TestNodes.freePort();
    node = TestNodes.start(Config.from(TestNodes.environment("events-" + UUID.randomUUID(), "e", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_DELAY_THRESHOLD_MINUTES", "120"))), TestDatabase.fresh());
    http = new Http(node.httpPort());
    // Delayed: Midway-Denver at +2 h (arrives +4:35), onward to Seattle at +6 h: 40 min to spare over the MCT.
    delayed = crowd.toDenver("XX700", 2, 60);
    JsonObject onward = crowd.flight("XX910", "DEN", "SEA", 6, 150, 100);
    crowd.flight("XX912", "DEN", "SEA", 9, 150, 60);
    // Diverted to Colorado Springs, with a flight on from there.
    diverted = crowd.toDenver("XX720", 1, 60);
    crowd.flight("XX730", "COS", "DEN", 5, 50, 30);
    // A connection through St Louis, missed; a later one.
    toStLouis = crowd.flight("XX740", "MDW", "STL", 1, 70, 50);
    stLouisToDenver = crowd.flight("XX742", "STL", "DEN", 2.5, 120, 50);
    crowd.flight("XX744", "STL", "DEN", 5, 120, 50);
    // For the status feed.
    fedCancelled = crowd.toDenver("XX750", 4, 20);
    fedDelayed = crowd.toDenver("XX760", 4.5, 20);
    crowd.toDenver("XX770", 7, 60);
    crowd.book(delayed, 40, onward);
    crowd.book(diverted, 10, null);
    crowd.book(fedCancelled, 10, null);
    crowd.book(fedDelayed, 10, null);
    crowd.feed(http);
    JsonObject connecting = Story.booking("C0NNEX", "CARLA", "CONNOR", "+13125550177", "carla@example.com",
        toStLouis, "3A", "CHECKED_IN", "5262100000077");
    connecting.getJsonArray("segments").add(connecting.getJsonArray("segments").getJsonObject(0).copy()
        .put("flight", "XX742").put("date", stLouisToDenver.getString("date")).put("origin", "STL")
        .put("destination", "DEN").put("seat", "4A"));
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(connecting)).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void aDelayRebooksOnlyThoseWhoseConnectionItBreaksAndTellsEveryone() throws Exception {
    // (Other tests may have rebooked passengers onto this flight: count who holds it now.)
    int aboard = rows("SELECT count(*) FROM segment s JOIN flight f ON f.id = s.flight_id"
        + " WHERE f.flight_no = 'XX700' AND s.status <> 'CANCELLED'").get(0).getLong(0).intValue();
    String newDeparture = ZonedDateTime.parse(delayed.getString("departure")).plusMinutes(60).toOffsetDateTime()
        .toString();
    Http.Answer raised = http.postJson("/api/v1/events", new JsonObject().put("type", "FLIGHT_DELAYED")
        .put("flight", "XX700").put("date", delayed.getString("date")).put("origin", "MDW")
        .put("departure", newDeparture));
    assertThat(raised.status()).as(raised.body()).isEqualTo(202);
    assertThat(raised.json().getJsonObject("flight").getInteger("delayMinutes")).isEqualTo(60);
    JsonObject done = DisruptionAwait.done(http, raised.json().getString("id"));
    JsonObject progress = done.getJsonObject("progress");
    long connecting = rows("SELECT count(DISTINCT (s.pnr, s.pax_id)) FROM segment s JOIN flight f ON f.id = s.flight_id"
        + " WHERE f.flight_no = 'XX910'").get(0).getLong(0);
    assertThat(connecting).isPositive();
    assertThat(progress.getInteger("affected")).isEqualTo(aboard);
    assertThat(progress.getInteger("reaccommodated")).isEqualTo((int) connecting);
    assertThat(progress.getInteger("keptFlight")).isEqualTo(aboard - (int) connecting);
    assertThat(progress.getInteger("notified")).isEqualTo(aboard);
    // The connecting passengers keep the delayed flight and go on to Seattle later; nobody still holds XX910.
    assertThat(rows("SELECT s.id FROM segment s JOIN flight f ON f.id = s.flight_id WHERE f.flight_no = 'XX910'"
        + " AND s.status <> 'CANCELLED'")).isEmpty();
    assertThat(rows("SELECT s.id FROM segment s JOIN flight f ON f.id = s.flight_id WHERE f.flight_no = 'XX912'"
        + " AND s.status <> 'CANCELLED'")).hasSize((int) connecting);
    assertThat(rows("SELECT s.id FROM segment s JOIN flight f ON f.id = s.flight_id WHERE f.flight_no = 'XX700'"
        + " AND s.status <> 'CANCELLED'")).hasSize(aboard);
    assertThat(rows("SELECT waiver_code FROM reissue WHERE waiver_code = 'IRROPDLY'")).hasSize((int) connecting);
    // A 60-minute delay owes no care under the rules that apply here (US DOT gives none, the airline's from 2 h).
    assertThat(rows("SELECT body FROM notification n JOIN disruption_passenger dp ON dp.case_id = n.case_id"
        + " WHERE dp.status = 'KEPT_FLIGHT' AND n.channel = 'SMS' AND dp.disruption_id = '" + done.getString("id")
        + "' LIMIT 1").get(0).getString(0)).contains("XX700").contains("delayed");
  }

  @Test
  void aDiversionRebooksEveryoneFromWhereTheyLandAndRushesTheirBags() throws Exception {
    Http.Answer raised = http.postJson("/api/v1/events", new JsonObject().put("type", "DIVERTED")
        .put("flight", "XX720").put("date", diverted.getString("date")).put("origin", "MDW").put("arrival", "COS"));
    assertThat(raised.status()).as(raised.body()).isEqualTo(202);
    assertThat(raised.json().getString("kind")).isEqualTo("FLIGHT_DIVERTED");
    JsonObject progress = DisruptionAwait.done(http, raised.json().getString("id")).getJsonObject("progress");
    assertThat(progress.getInteger("affected")).isEqualTo(10);
    assertThat(progress.getInteger("reaccommodated")).isEqualTo(10);
    assertThat(rows("SELECT s.id FROM segment s JOIN flight f ON f.id = s.flight_id WHERE f.flight_no = 'XX730'"
        + " AND s.status <> 'CANCELLED'")).hasSize(10);
    List<Row> bsm = rows("SELECT b.text FROM bsm_outbound b JOIN disruption_passenger dp ON dp.case_id = b.case_id"
        + " JOIN disruption d ON d.id = dp.disruption_id WHERE d.kind = 'FLIGHT_DIVERTED' AND b.action = 'ADD'");
    assertThat(bsm).isNotEmpty().allSatisfy(r -> assertThat(r.getString(0)).contains(".F/XX730/").contains("RUSH")
        .contains(".I/XX720/"));
    assertThat(rows("SELECT status FROM flight WHERE flight_no = 'XX720'").get(0).getString(0)).isEqualTo("DIVERTED");
  }

  @Test
  void aMissedConnectionRebooksHerFromTheConnectingAirport() throws Exception {
    Http.Answer raised = http.postJson("/api/v1/events", new JsonObject().put("type", "MISSED_CONNECTION")
        .put("flight", "XX742").put("date", stLouisToDenver.getString("date")).put("origin", "STL")
        .put("pnr", "C0NNEX").put("lastName", "Connor"));
    assertThat(raised.status()).as(raised.body()).isEqualTo(202);
    JsonObject progress = DisruptionAwait.done(http, raised.json().getString("id")).getJsonObject("progress");
    assertThat(progress.getInteger("affected")).isEqualTo(1);
    assertThat(progress.getInteger("reaccommodated")).isEqualTo(1);
    assertThat(rows("SELECT f.flight_no FROM segment s JOIN flight f ON f.id = s.flight_id WHERE s.pnr = 'C0NNEX'"
        + " AND s.status <> 'CANCELLED' ORDER BY f.departure")).extracting(r -> r.getString(0))
        .containsExactly("XX740", "XX744");
    // The connecting flight itself still operates.
    assertThat(rows("SELECT status FROM flight WHERE flight_no = 'XX742'").get(0).getString(0)).isEqualTo("SCHEDULED");

    Http.Answer unknown = http.postJson("/api/v1/events", new JsonObject().put("type", "MISSED_CONNECTION")
        .put("flight", "XX742").put("date", stLouisToDenver.getString("date")).put("origin", "STL")
        .put("pnr", "C0NNEX").put("lastName", "SOMEONE"));
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void theStatusFeedRaisesACancellationAndALongDelayByItselfButNotAShortOne() throws Exception {
    Http.Answer cancelled = http.postJson(statusPath(fedCancelled), new JsonObject().put("status", "CANCELLED"));
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    String id = cancelled.json().getString("disruption");
    assertThat(id).isNotNull();
    JsonObject done = DisruptionAwait.done(http, id);
    assertThat(done.getString("kind")).isEqualTo("FLIGHT_CANCELLED");
    assertThat(done.getString("raisedBy")).isEqualTo("status feed");
    assertThat(done.getJsonObject("progress").getInteger("reaccommodated")).isEqualTo(10);
    // Ops control reporting the same cancellation lands on the same disruption.
    Http.Answer again = http.postJson("/api/v1/events", Crowd.cancellation(fedCancelled));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getString("id")).isEqualTo(id);

    ZonedDateTime departure = ZonedDateTime.parse(fedDelayed.getString("departure"));
    Http.Answer shortDelay = http.postJson(statusPath(fedDelayed), new JsonObject().put("status", "SCHEDULED")
        .put("departure", departure.plusMinutes(30).toOffsetDateTime().toString()));
    assertThat(shortDelay.status()).isEqualTo(200);
    assertThat(shortDelay.json().containsKey("disruption")).isFalse();
    Http.Answer longDelay = http.postJson(statusPath(fedDelayed), new JsonObject().put("status", "SCHEDULED")
        .put("departure", departure.plusMinutes(30 + 120).toOffsetDateTime().toString()));
    assertThat(longDelay.status()).isEqualTo(200);
    JsonObject delay = DisruptionAwait.done(http, longDelay.json().getString("disruption"));
    assertThat(delay.getString("kind")).isEqualTo("FLIGHT_DELAYED");
    assertThat(delay.getJsonObject("flight").getInteger("delayMinutes")).isEqualTo(120);
    assertThat(delay.getJsonObject("progress").getInteger("keptFlight")).isEqualTo(10);
    // Two hours late: the airline's own plan gives a meal from two hours (PassengerRights' policy on top).
    assertThat(rows("SELECT cp.code FROM care_provision cp JOIN disruption_passenger dp ON dp.case_id = cp.case_id"
        + " WHERE dp.disruption_id = '" + delay.getString("id") + "' AND cp.kind = 'MEAL_VOUCHER'")).hasSize(10);
    // The flight's times moved once, by the whole delay, not twice.
    assertThat(rows("SELECT departure FROM flight WHERE flight_no = 'XX760'").get(0).getOffsetDateTime(0).toInstant())
        .isEqualTo(departure.plusMinutes(150).toInstant());
  }

  private static String statusPath(JsonObject flight) {
    return "/api/v1/feed/flights/" + flight.getString("flight") + "/" + flight.getString("date") + "/"
        + flight.getString("origin") + "/status";
  }

  private static List<Row> rows(String sql) {
    return Rows.of(node.pool(), sql);
  }
}
