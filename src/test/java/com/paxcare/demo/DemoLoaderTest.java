package com.paxcare.demo;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** PAXCARE_DEMO=true on an empty database: the demo airline is loaded through the feeds and readable at once. */
class DemoLoaderTest {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoaderTest.class);
  private static PaxCareNode node;
  private static Http http;
  private static double loadSeconds;

  @BeforeAll
  static void start() {
    int port = TestNodes.freePort();
    Config config = Config.from(TestNodes.environment("demo-" + UUID.randomUUID(), "demo", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_DEMO", "true")));
    long started = System.nanoTime();
    node = TestNodes.start(config, TestDatabase.fresh());
    loadSeconds = (System.nanoTime() - started) / 1e9;
    LOG.info("Node with demo airline ready in {} s", loadSeconds);
    http = new Http(node.httpPort());
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void theStoryBookingIsBoardedOnAFlightAboutToLeaveWithHerBag() {
    JsonObject booking = http.get("/api/v1/bookings/K7Q2ZB").json();
    JsonObject peggy = booking.getJsonArray("passengers").getJsonObject(0);
    assertThat(peggy.getString("firstName")).isEqualTo("PEGGY");
    assertThat(peggy.getString("lastName")).isEqualTo("UHLE");
    JsonObject segment = booking.getJsonArray("segments").getJsonObject(0);
    assertThat(segment.getString("origin")).isEqualTo("MDW");
    assertThat(segment.getString("destination")).isEqualTo("CMH");
    assertThat(segment.getString("seat")).isEqualTo("14C");
    assertThat(segment.getString("status")).isEqualTo("BOARDED");
    assertThat(segment.getString("flightStatus")).isEqualTo("BOARDING");
    JsonObject bag = booking.getJsonArray("bags").getJsonObject(0);
    assertThat(bag.getString("passengerId")).isEqualTo("P1");
    assertThat(bag.getJsonArray("route").getJsonObject(0).getString("flight")).isEqualTo(segment.getString("flight"));
    assertThat(bag.getJsonArray("route").getJsonObject(0).getBoolean("known")).isTrue();

    JsonObject flight = http.get("/api/v1/flights/" + segment.getString("flight") + "/" + segment.getString("date")
        + "/MDW").json();
    assertThat(flight.getJsonObject("seats").getJsonObject("Y").getInteger("sold")).isPositive();
  }

  @Test
  void everyFlightOfTheDayIsFindableWithFreeSeatsToDenver() {
    String today = LocalDate.now(Clock.system(ZoneId.of("America/Chicago"))).toString();
    JsonArray fromMdw = http.get("/api/v1/flights?date=" + today + "&origin=MDW").json().getJsonArray("flights");
    assertThat(fromMdw.size()).isGreaterThan(30);
    JsonArray toDenver = http.get("/api/v1/flights?date=" + today + "&origin=MDW&destination=DEN").json()
        .getJsonArray("flights");
    assertThat(toDenver.stream().map(f -> ((JsonObject) f).getJsonObject("seats").getJsonObject("Y")
        .getInteger("free"))).anyMatch(free -> free > 0);
    int all = 0;
    for (String airport : new String[] {"MDW", "DEN"}) {
      all += http.get("/api/v1/flights?date=" + today + "&origin=" + airport).json().getJsonArray("flights").size();
    }
    assertThat(all).as("hub departures today").isGreaterThan(150);
  }

  @Test
  void aSecondStartDoesNotLoadItAgain() {
    long before = countBookings();
    int port = TestNodes.freePort();
    // A node joining later on the same database finds flights ahead and loads nothing.
    Config second = Config.from(TestNodes.environment("demo-" + UUID.randomUUID(), "demo-2", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_DEMO", "true")));
    assertThat(before).isGreaterThan(5_000);
    assertThat(second.demo()).isTrue();
  }

  private static long countBookings() {
    return node.pool().query("SELECT count(*) FROM booking").execute()
        .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
  }
}
