package com.paxcare.cases;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case rules on two clustered nodes over one database: duplicates, races, the last seat, no seat. */
class CaseRulesTest {
  private static final Story story = new Story();
  private static Database database;
  private static PaxCareNode nodeA;
  private static PaxCareNode nodeB;
  private static Http a;
  private static Http b;

  @BeforeAll
  static void start() {
    database = TestDatabase.fresh();
    String cluster = "rules-" + UUID.randomUUID();
    int portA = TestNodes.freePort();
    int portB = TestNodes.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    nodeA = TestNodes.start(Config.from(TestNodes.environment(cluster, "node-a", portA, members, Map.of())), database);
    nodeB = TestNodes.start(Config.from(TestNodes.environment(cluster, "node-b", portB, members, Map.of())), database);
    a = new Http(nodeA.httpPort());
    b = new Http(nodeB.httpPort());
    ZonedDateTime now = story.now;
    // One seat left to Nashville, and nothing else to go there: two passengers will want it.
    JsonObject lastSeat = Story.flight("WN4001", "MDW", "BNA", now.plusHours(2), now.plusHours(4), "C7",
        new JsonObject().put("Y", 1), "SCHEDULED");
    JsonObject airborne = Story.flight("WN5001", "DEN", "MDW", now.minusHours(1).withZoneSameInstant(Story.DENVER),
        now.plusHours(1), "D1", new JsonObject().put("Y", 100), "AIRBORNE");
    // Savannah only through Atlanta: one connection that works, one that leaves before the first leg lands, and
    // flights that go nowhere useful.
    JsonObject toAtlanta = Story.flight("WN6001", "MDW", "ATL", now.plusHours(1), now.plusHours(3), "A4",
        new JsonObject().put("Y", 50), "SCHEDULED");
    JsonObject atlantaToSavannahTooSoon = Story.flight("WN6002", "ATL", "SAV", now.plusHours(2), now.plusHours(3),
        "E1", new JsonObject().put("Y", 50), "SCHEDULED");
    JsonObject atlantaToSavannah = Story.flight("WN6003", "ATL", "SAV", now.plusHours(4), now.plusHours(5), "E2",
        new JsonObject().put("Y", 50), "SCHEDULED");
    JsonObject charlotteToSavannah = Story.flight("WN6004", "CLT", "SAV", now.plusHours(2), now.plusHours(3), "F1",
        new JsonObject().put("Y", 50), "SCHEDULED");
    JsonObject toMinneapolis = Story.flight("WN6005", "MDW", "MSP", now.plusHours(1), now.plusHours(2), "A5",
        new JsonObject().put("Y", 50), "SCHEDULED");
    JsonArray flights = story.flights().add(lastSeat).add(airborne).add(toAtlanta).add(atlantaToSavannahTooSoon)
        .add(atlantaToSavannah).add(charlotteToSavannah).add(toMinneapolis);
    assertThat(a.postJson("/api/v1/feed/flights", flights).status()).isEqualTo(200);
    JsonArray bookings = new JsonArray()
        .add(story.peggy())
        .add(Story.booking("SEATAA", "ANN", "FIRST", "+13125550001", null, story.laterToDenver, "20A", "CHECKED_IN",
            "5262100000011"))
        .add(Story.booking("SEATBB", "BOB", "SECOND", "+13125550002", null, story.laterToDenver, "20B", "CHECKED_IN",
            "5262100000012"))
        .add(Story.booking("AIRBRN", "CARLA", "VUELO", "+13125550003", null, airborne, "7A", "BOARDED",
            "5262100000013"))
        .add(Story.booking("VIASAV", "DORA", "ENLACE", "+13125550004", null, story.laterToDenver, "22A", "CHECKED_IN",
            "5262100000014"))
        .add(Story.booking("TWINSS", "JOHN", "TWIN", null, null, story.laterToDenver, "21A", "CONFIRMED", null)
            .put("passengers", new JsonArray()
                .add(new JsonObject().put("id", "P1").put("firstName", "JOHN").put("lastName", "TWIN"))
                .add(new JsonObject().put("id", "P2").put("firstName", "JANE").put("lastName", "TWIN"))));
    assertThat(a.postJson("/api/v1/feed/bookings", bookings).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(nodeA);
    TestNodes.stop(nodeB);
  }

  /** Reports an urgent event for one passenger and returns the new case, as answered ({@code 201}). */
  private static JsonObject reportCreated(Http node, String type, String pnr, String lastName, String destination) {
    var answer = node.postJson("/api/v1/events", new JsonObject().put("type", type).put("pnr", pnr)
        .put("lastName", lastName).put("destination", destination));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json();
  }

  private static long count(String sql) {
    try {
      return TestDatabase.count(database.jdbcUrl(), sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void reportsRacingOnTwoNodesMakeOneCaseOnePlanAndOneRebooking() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Http.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Http node = i % 2 == 0 ? a : b;
      answers.add(pool.submit(() -> node.postJson("/api/v1/events", Story.familyEmergency())));
    }
    List<Integer> statuses = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Future<Http.Answer> answer : answers) {
      statuses.add(answer.get().status());
      ids.add(answer.get().json().getString("id"));
    }
    pool.shutdown();
    assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
    assertThat(ids).containsOnly(ids.get(0));
    String caseId = ids.get(0);
    JsonObject done = CaseAwait.planDone(a, caseId);
    assertThat(count("SELECT count(*) FROM case_step WHERE kind = 'REBOOK' AND case_id = '" + caseId + "'")).isOne();
    assertThat(count("SELECT count(*) FROM reissue WHERE case_id = '" + caseId + "'")).isOne();
    assertThat(done.getJsonArray("timeline").stream().filter(e -> "report joined"
        .equals(((JsonObject) e).getString("action")))).hasSize(7);

    // The same Idempotency-Key answers the same case, with the first answer's status.
    JsonObject medical = new JsonObject().put("type", "MEDICAL_EMERGENCY").put("pnr", "K7Q2ZB").put("lastName", "UHLE");
    var first = a.post("/api/v1/events", "application/json", medical.encode());
    assertThat(first.status()).isEqualTo(201);
    var again = sendWithKey(b, medical, "key-1");
    var replay = sendWithKey(a, medical, "key-1");
    assertThat(again.status()).isEqualTo(200);
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().getString("id")).isEqualTo(first.json().getString("id"));
  }

  private static Http.Answer sendWithKey(Http http, JsonObject body, String key) {
    return http.postWithHeader("/api/v1/events", body.encode(), "Idempotency-Key", key);
  }

  @Test
  void twoPassengersRaceForTheLastSeatAndExactlyOneGetsItTheOtherIsToldTheTruth() throws Exception {
    JsonObject ann = new JsonObject().put("type", "BEREAVEMENT").put("pnr", "SEATAA").put("lastName", "FIRST")
        .put("destination", "BNA");
    JsonObject bob = new JsonObject().put("type", "BEREAVEMENT").put("pnr", "SEATBB").put("lastName", "SECOND")
        .put("destination", "BNA");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<Http.Answer> annAnswer = pool.submit(() -> a.postJson("/api/v1/events", ann));
    Future<Http.Answer> bobAnswer = pool.submit(() -> b.postJson("/api/v1/events", bob));
    JsonObject annCase = CaseAwait.planDone(a, annAnswer.get().json().getString("id"));
    JsonObject bobCase = CaseAwait.planDone(b, bobAnswer.get().json().getString("id"));
    pool.shutdown();

    List<JsonObject> rebookings = List.of(annCase.getJsonObject("rebooking"), bobCase.getJsonObject("rebooking"));
    assertThat(rebookings.stream().filter(r -> r.getBoolean("found"))).hasSize(1);
    JsonObject lost = rebookings.stream().filter(r -> !r.getBoolean("found")).findFirst().orElseThrow();
    assertThat(lost.getString("why")).contains("no seat to BNA");
    JsonObject loser = annCase.getJsonObject("rebooking").getBoolean("found") ? bobCase : annCase;
    assertThat(loser.getJsonArray("escalations").getJsonObject(0).getString("reason")).isEqualTo("NO_REBOOKING");
    // Never silence: the confirmation says a person will call, and the follow-up is in the queue.
    assertThat(loser.getJsonObject("followUp").getString("status")).isEqualTo("DUE");
    assertThat(loser.getJsonArray("notifications")).isNotEmpty();
    var nashville = a.get("/api/v1/flights/WN4001/" + story.now.plusHours(2).toLocalDate() + "/MDW").json();
    assertThat(nashville.getJsonObject("seats").getJsonObject("Y"))
        .isEqualTo(new JsonObject().put("capacity", 1).put("sold", 1).put("free", 0));
  }

  @Test
  void anAirbornePassengerIsMetOnArrivalAndRebookedOnwardFromThereWithHerBagsRushed() throws Exception {
    JsonObject reported = reportCreated(b, "MEDICAL_EMERGENCY", "AIRBRN", "VUELO", "DEN");
    assertThat(reported.getJsonObject("location").getString("phase")).isEqualTo("AIRBORNE");
    JsonObject done = CaseAwait.planDone(b, reported.getString("id"));
    JsonObject meet = a.get("/api/v1/gates/MDW/B3/alerts").json().getJsonArray("alerts").stream()
        .map(x -> (JsonObject) x).filter(x -> "MEET_ON_ARRIVAL".equals(x.getString("kind"))).findFirst().orElseThrow();
    assertThat(meet.getString("passenger")).isEqualTo("CARLA VUELO");
    assertThat(meet.getString("gate")).isEqualTo("*");
    JsonObject rebooking = done.getJsonObject("rebooking");
    assertThat(rebooking.getString("from")).isEqualTo("MDW");
    // She lands in an hour; the 2-hour direct leaves before she can make it with the connecting time.
    assertThat(rebooking.getJsonArray("itinerary").getJsonObject(0).getString("origin")).isEqualTo("MDW");
    assertThat(done.getJsonArray("crewMessages")).isEmpty();
  }

  @Test
  void aPassengerWithNoDirectFlightIsRebookedOverTheConnectionSheCanMake() throws Exception {
    JsonObject reported = reportCreated(a, "FAMILY_EMERGENCY", "VIASAV", "ENLACE", "SAV");
    JsonObject done = CaseAwait.planDone(a, reported.getString("id"));
    JsonArray itinerary = done.getJsonObject("rebooking").getJsonArray("itinerary");
    assertThat(itinerary.stream().map(leg -> ((JsonObject) leg).getString("flight")).toList())
        .containsExactly("WN6001", "WN6003");
    assertThat(itinerary.getJsonObject(1).getString("origin")).isEqualTo("ATL");
    assertThat(itinerary.getJsonObject(1).getString("destination")).isEqualTo("SAV");
  }

  @Test
  void unknownAmbiguousAndInvalidReportsStoreNothing() {
    long casesBefore = count("SELECT count(*) FROM care_case");
    var unknown = a.postJson("/api/v1/events", new JsonObject().put("type", "BEREAVEMENT").put("pnr", "NOSUCH")
        .put("lastName", "NOBODY"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");

    var ambiguous = a.postJson("/api/v1/events", new JsonObject().put("type", "BEREAVEMENT").put("pnr", "TWINSS")
        .put("lastName", "TWIN"));
    assertThat(ambiguous.status()).isEqualTo(409);
    assertThat(ambiguous.json().getJsonArray("candidates").stream().map(c -> ((JsonObject) c).getString("firstName")))
        .containsExactlyInAnyOrder("JOHN", "JANE");

    var invalid = a.postJson("/api/v1/events", new JsonObject().put("type", "SAD").put("pnr", "TWINSS"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .contains("type");
    assertThat(count("SELECT count(*) FROM care_case")).isEqualTo(casesBefore);
  }

  @Test
  void theDatabaseRefusesAnyChargeOnAWaivedChange() {
    assertThatThrownBy(() -> {
      try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
           Statement statement = connection.createStatement()) {
        statement.execute("""
            INSERT INTO care_case (id, reference, type, pnr, pax_id, first_name, last_name, destination, language, location)
            VALUES ('00000000-0000-0000-0000-000000000001', 'PC-TEST0001', 'BEREAVEMENT', 'ZZZZZZ', 'P1', 'A', 'B',
                    'DEN', 'en', '{}');
            INSERT INTO reissue (case_id, pnr, pax_id, new_ticket, waiver_code, endorsement, fare_difference,
                                 change_fee, currency)
            VALUES ('00000000-0000-0000-0000-000000000001', 'ZZZZZZ', 'P1', '9890000000001', 'BRVMT735C',
                    'INVOL REISSUE', 0, 75, 'USD')""");
      }
    }).hasMessageContaining("no_charge_on_waived_change");
  }
}
