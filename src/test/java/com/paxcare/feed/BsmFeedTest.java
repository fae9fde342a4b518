package com.paxcare.feed;

import com.paxcare.PaxCareNode;
import com.paxcare.baggage.BsmParserTest;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static com.paxcare.testing.Fixtures.uhle;
import static com.paxcare.testing.Fixtures.wn1234;
import static com.paxcare.testing.Fixtures.wn2001;
import static org.assertj.core.api.Assertions.assertThat;

/** Bags from BSM text (IATA RP 1745), stored against the bookings and flights they name. */
class BsmFeedTest {
  /** Peggy Uhle's bag on WN1234 to CMH, onward on a flight not fed to PaxCare. */
  static final String PEGGYS_BAG = """
      BSM
      .V/1LMDW
      .F/WN1234/22NOV/CMH/Y
      .O/WN5555/22NOV/LAX/Y
      .N/0526100001001
      .W/K/1/18
      .P/1UHLE/PEGGYMRS
      .L/K7Q2ZB
      ENDBSM
      """;

  /** Her bag follows her to Denver: the baggage system's change message. */
  static final String PEGGYS_BAG_TO_DENVER = """
      BSM
      CHG
      .V/1LMDW
      .F/WN2001/22NOV/DEN/Y
      .N/0526100001001
      .W/K/1/18
      .P/1UHLE/PEGGYMRS
      .L/K7Q2ZB
      .E/RUSH
      ENDBSM
      """;

  static final String PEGGYS_BAG_DELETED = """
      BSM
      DEL
      .V/1LMDW
      .F/WN2001/22NOV/DEN/Y
      .N/0526100001001
      .P/1UHLE/PEGGYMRS
      .L/K7Q2ZB
      ENDBSM
      """;

  private static PaxCareNode node;
  private static Http http;

  @BeforeAll
  static void start() {
    // BSM dates carry no year: "today" decides it, so the test fixes today.
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T20:00:00Z"), ZoneId.of("America/Chicago"));
    node = TestNodes.single(TestDatabase.fresh(), clock);
    http = new Http(node.httpPort());
    assertThat(http.postJson("/api/v1/feed/flights", new JsonArray().add(wn1234()).add(wn2001())).status())
        .isEqualTo(200);
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(uhle())).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  private static JsonArray bagsOfUhle() {
    return http.get("/api/v1/bookings/K7Q2ZB").json().getJsonArray("bags");
  }

  @Test
  void aBagIsLinkedToItsPassengerAndFlightsAndChangedAndDeletedByLaterMessages() {
    var added = http.post("/api/v1/feed/bsm", "text/plain", PEGGYS_BAG);
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json().getJsonArray("messages").getJsonObject(0))
        .isEqualTo(new JsonObject().put("line", 1).put("action", "ADD").put("tags", new JsonArray().add("0526100001")));
    // Resending the same message changes nothing.
    assertThat(http.post("/api/v1/feed/bsm", "text/plain", PEGGYS_BAG).status()).isEqualTo(200);

    JsonArray bags = bagsOfUhle();
    assertThat(bags).hasSize(1);
    JsonObject bag = bags.getJsonObject(0);
    assertThat(bag.getString("tag")).isEqualTo("0526100001");
    assertThat(bag.getString("passengerId")).isEqualTo("P1");
    assertThat(bag.getInteger("weightKg")).isEqualTo(18);
    JsonArray route = bag.getJsonArray("route");
    assertThat(route.getJsonObject(0)).isEqualTo(new JsonObject().put("kind", "OUTBOUND").put("flight", "WN1234")
        .put("date", "2026-11-22").put("origin", "MDW").put("destination", "CMH").put("known", true));
    assertThat(route.getJsonObject(1)).isEqualTo(new JsonObject().put("kind", "ONWARD").put("flight", "WN5555")
        .put("date", "2026-11-22").put("origin", "CMH").put("destination", "LAX").put("known", false));

    assertThat(http.post("/api/v1/feed/bsm", "text/plain", PEGGYS_BAG_TO_DENVER).status()).isEqualTo(200);
    bag = bagsOfUhle().getJsonObject(0);
    assertThat(bag.getJsonArray("exceptions")).containsExactly("RUSH");
    assertThat(bag.getJsonArray("route")).hasSize(1);
    assertThat(bag.getJsonArray("route").getJsonObject(0).getString("flight")).isEqualTo("WN2001");
    assertThat(bag.getJsonArray("route").getJsonObject(0).getBoolean("known")).isTrue();

    assertThat(http.post("/api/v1/feed/bsm", "text/plain", PEGGYS_BAG_DELETED).status()).isEqualTo(200);
    assertThat(bagsOfUhle()).isEmpty();
  }

  @Test
  void thePublishedExampleIsAcceptedEvenWithoutABookingWeKnow() {
    var answer = http.post("/api/v1/feed/bsm", "text/plain", BsmParserTest.ACI_DATA_DICTIONARY_EXAMPLE);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getInteger("accepted")).isEqualTo(1);
    assertThat(answer.json().getJsonArray("messages").getJsonObject(0).getJsonArray("tags"))
        .containsExactly("0117814872");
  }

  @Test
  void oneBadMessageRejectsTheTextWithItsLineAndNothingIsStored() {
    String good = PEGGYS_BAG.replace("0526100001001", "0526100002001");
    String bad = """
        BSM
        .V/1LMDW
        .F/WN1234/31NOV/CMH/Y
        .N/05261000
        ENDBSM
        """;
    var answer = http.post("/api/v1/feed/bsm", "text/plain", good + bad + "\n" + good.replace("2001", "3001"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    List<String> fields = answer.json().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field")).toList();
    assertThat(fields).hasSize(1);
    // The bad message starts on line 10; its first fault is the impossible date on line 12.
    assertThat(fields.get(0)).isEqualTo("line 12");
    assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("reason")).contains(".F/");
    assertThat(bagsOfUhle().stream().map(b -> ((JsonObject) b).getString("tag"))).doesNotContain("0526100002");
  }

  @Test
  void onlyPlainTextIsAccepted() {
    var answer = http.post("/api/v1/feed/bsm", "application/json", "{\"bsm\":\"BSM\"}");
    assertThat(answer.status()).isEqualTo(415);
    var empty = http.post("/api/v1/feed/bsm", "text/plain", "   \n");
    assertThat(empty.status()).isEqualTo(400);
    var nothing = http.post("/api/v1/feed/bsm", "text/plain", "");
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(nothing.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("(body)");
  }
}
