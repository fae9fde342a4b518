package com.paxcare.feed;

import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.paxcare.testing.Fixtures.flight;
import static com.paxcare.testing.Fixtures.wn1234;
import static com.paxcare.testing.Fixtures.wn2001;
import static org.assertj.core.api.Assertions.assertThat;

class FlightFeedTest {
  private static Database database;
  private static PaxCareNode node;
  private static Http http;

  @BeforeAll
  static void start() {
    database = TestDatabase.fresh();
    node = TestNodes.single(database);
    http = new Http(node.httpPort());
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void storesFlightsAndReadsThemBackInLocalTimeWithSeatsByCabin() {
    var answer = http.postJson("/api/v1/feed/flights", new JsonArray().add(wn1234()).add(wn2001()));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getInteger("upserted")).isEqualTo(2);

    JsonObject flight = http.get("/api/v1/flights/WN1234/2026-11-22/MDW").json();
    assertThat(flight.getString("destination")).isEqualTo("CMH");
    assertThat(flight.getString("departure")).isEqualTo("2026-11-22T14:05-06:00");
    assertThat(flight.getString("arrival")).isEqualTo("2026-11-22T16:20-05:00");
    assertThat(flight.getString("gate")).isEqualTo("B12");
    assertThat(flight.getString("status")).isEqualTo("SCHEDULED");
    assertThat(flight.getJsonObject("seats").getJsonObject("Y"))
        .isEqualTo(new JsonObject().put("capacity", 137).put("sold", 0).put("free", 137));
    assertThat(flight.getJsonObject("seats").getJsonObject("J").getInteger("capacity")).isEqualTo(6);

    JsonArray fromMdw = http.get("/api/v1/flights?date=2026-11-22&origin=MDW").json().getJsonArray("flights");
    assertThat(fromMdw.stream().map(f -> ((JsonObject) f).getString("flight"))).containsExactly("WN1234", "WN2001");
  }

  @Test
  void resendingTheSameFlightChangesNothingAndAChangedOneIsUpdated() {
    JsonObject changed = wn1234().put("gate", "C3").put("seats", new JsonObject().put("Y", 140));
    assertThat(http.postJson("/api/v1/feed/flights", new JsonArray().add(wn1234())).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/feed/flights", new JsonArray().add(changed)).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/feed/flights", new JsonArray().add(changed)).status()).isEqualTo(200);

    JsonObject flight = http.get("/api/v1/flights/WN1234/2026-11-22/MDW").json();
    assertThat(flight.getString("gate")).isEqualTo("C3");
    assertThat(flight.getJsonObject("seats").getJsonObject("Y").getInteger("capacity")).isEqualTo(140);
    // A cabin the feed stopped listing keeps no seats to sell.
    assertThat(flight.getJsonObject("seats").getJsonObject("J").getInteger("capacity")).isZero();
    assertThat(http.get("/api/v1/flights?date=2026-11-22&origin=MDW&destination=CMH").json()
        .getJsonArray("flights")).hasSize(1);
    // Put the contract's version back for the other tests.
    http.postJson("/api/v1/feed/flights", new JsonArray().add(wn1234()));
  }

  @Test
  void aBatchWithOneBadFlightIsRejectedWholeNamingEveryBadField() {
    JsonObject good = flight("WN3001", "MDW", "BNA", "2026-11-23T09:00:00-06:00", "2026-11-23T10:30:00-06:00",
        new JsonObject().put("Y", 100));
    JsonObject bad = flight("WN3002", "MDW", "mdw", "2026-11-23T09:00:00-06:00", "2026-11-23T08:00:00-06:00",
        new JsonObject().put("Y", -1)).put("colour", "blue");
    bad.remove("departure");

    var answer = http.postJson("/api/v1/feed/flights", new JsonArray().add(good).add(bad));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonObject problem = answer.json();
    assertThat(problem.getInteger("status")).isEqualTo(400);
    assertThat(problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .contains("[1].destination", "[1].departure", "[1].seats.Y", "[1].colour");
    assertThat(http.get("/api/v1/flights/WN3001/2026-11-23/MDW").status()).isEqualTo(404);
  }

  @Test
  void malformedBodiesGetAClearProblem() {
    var notJson = http.post("/api/v1/feed/flights", "application/json", "[{\"flight\":");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().getString("title")).isEqualTo("Invalid JSON");

    var notAnArray = http.postJson("/api/v1/feed/flights", wn1234());
    assertThat(notAnArray.status()).isEqualTo(400);
    assertThat(notAnArray.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("(body)");

    var wrongType = http.post("/api/v1/feed/flights", "text/plain", "[]");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.contentType()).startsWith("application/problem+json");

    var empty = http.postJson("/api/v1/feed/flights", new JsonArray());
    assertThat(empty.status()).isEqualTo(400);

    var sameTwice = http.postJson("/api/v1/feed/flights", new JsonArray().add(wn2001()).add(wn2001()));
    assertThat(sameTwice.status()).isEqualTo(400);
    assertThat(sameTwice.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("[1]");
  }

  @Test
  void statusFeedUpdatesStatusGateAndMovesTheArrivalWithTheNewDeparture() {
    http.postJson("/api/v1/feed/flights", new JsonArray().add(wn2001()));
    var answer = http.postJson("/api/v1/feed/flights/WN2001/2026-11-22/MDW/status", new JsonObject()
        .put("status", "BOARDING").put("departure", "2026-11-22T16:30:00-06:00").put("gate", "B14"));

    assertThat(answer.status()).isEqualTo(200);
    JsonObject flight = answer.json();
    assertThat(flight.getString("status")).isEqualTo("BOARDING");
    assertThat(flight.getString("gate")).isEqualTo("B14");
    assertThat(flight.getString("departure")).isEqualTo("2026-11-22T16:30-06:00");
    assertThat(flight.getString("arrival")).isEqualTo("2026-11-22T18:15-07:00");
  }

  @Test
  void statusOfAnUnknownFlightOrABadStatusIsRefused() {
    var unknown = http.postJson("/api/v1/feed/flights/WN9999/2026-11-22/MDW/status",
        new JsonObject().put("status", "TAXIING"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");

    var badStatus = http.postJson("/api/v1/feed/flights/WN1234/2026-11-22/MDW/status",
        new JsonObject().put("status", "FLYING"));
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("status");

    var badPath = http.get("/api/v1/flights/WN1234/22-11-2026/MDW");
    assertThat(badPath.status()).isEqualTo(400);
    assertThat(badPath.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("date");
  }
}
