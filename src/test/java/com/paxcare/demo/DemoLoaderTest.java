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
  private static com.paxcare.db.Database database;

  @BeforeAll
  static void start() {
    int port = TestNodes.freePort();
    Config config = Config.from(TestNodes.environment("demo-" + UUID.randomUUID(), "demo", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_DEMO", "true")));
    long started = System.nanoTime();
    database = TestDatabase.fresh();
    node = TestNodes.start(config, database);
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
  void theDemoUsersSignInBoundToTheStory() {
    JsonObject segment = http.get("/api/v1/bookings/K7Q2ZB").json().getJsonArray("segments").getJsonObject(0);
    JsonObject crew = http.signIn("crew", DemoUsers.PASSWORD).get("/api/v1/auth/me").json();
    assertThat(crew.getString("flight")).isEqualTo(segment.getString("flight"));
    assertThat(crew.getString("date")).isEqualTo(segment.getString("date"));
    JsonObject gate = http.signIn("gate", DemoUsers.PASSWORD).get("/api/v1/auth/me").json();
    assertThat(gate.getString("station")).isEqualTo(segment.getString("origin"));
    for (String staff : new String[] {"admin", "ops", "care"}) {
      assertThat(http.signIn(staff, DemoUsers.PASSWORD).get("/api/v1/auth/me").json().getString("role"))
          .isEqualTo(staff);
    }
    JsonObject passenger = http.as(null).postJson("/api/v1/auth/passenger",
        new JsonObject().put("pnr", "K7Q2ZB").put("lastName", "uhle")).json();
    assertThat(passenger.getJsonObject("user").getString("pnr")).isEqualTo("K7Q2ZB");
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
  void aNodeStartingLaterOnTheSameDatabaseDoesNotLoadItAgain() {
    long messagesBefore = count("bsm_received");
    long bookingsBefore = count("booking");
    int port = TestNodes.freePort();
    Config second = Config.from(TestNodes.environment("demo-" + UUID.randomUUID(), "demo-2", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_DEMO", "true")));
    PaxCareNode later = TestNodes.start(second, database);
    try {
      assertThat(count("booking")).isEqualTo(bookingsBefore).isGreaterThan(20_000 / 6);
      // Every load logs each BSM as received: a second load would have doubled them.
      assertThat(count("bsm_received")).isEqualTo(messagesBefore).isPositive();
      assertThat(new Http(later.httpPort()).get("/api/v1/bookings/K7Q2ZB").status()).isEqualTo(200);
    } finally {
      TestNodes.stop(later);
    }
  }

  @Test
  void atLeastTwentyThousandPassengersWithSsrsTiersAndBags() {
    assertThat(count("passenger")).isGreaterThanOrEqualTo(20_000);
    assertThat(count("bag")).isGreaterThan(10_000);
    long withSsr = node.pool().query("SELECT count(*) FROM passenger WHERE cardinality(ssr) > 0").execute()
        .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
    long tiered = node.pool().query("SELECT count(*) FROM passenger WHERE tier <> 'NONE'").execute()
        .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
    assertThat(withSsr).isPositive();
    assertThat(tiered).isPositive();
    long airports = node.pool().query("SELECT count(DISTINCT origin) FROM flight").execute()
        .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
    assertThat(airports).isGreaterThanOrEqualTo(15);
  }

  private static long count(String table) {
    return node.pool().query("SELECT count(*) FROM " + table).execute()
        .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
  }
}
