package com.paxcare.web;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.testing.Crowd;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Past capacity a node says so at once — 503, {@code Retry-After}, a problem — instead of queueing without bound;
 * a caller that honours {@code Retry-After} gets every event in, each exactly once; and a storm of bulk feed
 * traffic never takes the room urgent events need. The limits are set low so that a test machine reaches them.
 */
class BackPressureTest {
  private static final int MAX_IN_FLIGHT = 12;
  private static final int MAX_BULK_IN_FLIGHT = 3;
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static PaxCareNode node;
  private static Http http;
  private static final Crowd crowd = new Crowd();
  /** One passenger per booking, named by booking and surname. */
  private static final List<JsonObject> passengers = new ArrayList<>();

  @BeforeAll
  static void start() {
    int port = TestNodes.freePort();
    Config config = Config.from(TestNodes.environment("backpressure-" + UUID.randomUUID(), "bp", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_MAX_IN_FLIGHT", Integer.toString(MAX_IN_FLIGHT),
            "PAXCARE_MAX_BULK_IN_FLIGHT", Integer.toString(MAX_BULK_IN_FLIGHT))));
    node = TestNodes.start(config, TestDatabase.fresh());
    http = new Http(node.httpPort());
    for (int i = 0; i < 4; i++) {
      crowd.book(crowd.toDenver("BP" + (100 + i), 3 + i, 200), 150, null);
    }
    crowd.toDenver("BP200", 8, 400);
    crowd.feed(http);
    passengers.addAll(crowd.namedPassengers(booking -> true));
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void pastCapacityTheNodeSheds503WithRetryAfterAndACallerThatRetriesGetsEveryEventInExactlyOnce() throws Exception {
    List<JsonObject> events = new ArrayList<>();
    for (JsonObject p : passengers.subList(0, 200)) {
      events.add(Crowd.urgentEvent("FAMILY_EMERGENCY", p));
    }
    // All at once: far more than the node takes.
    List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
    for (JsonObject event : events) {
      first.add(post("/api/v1/events", event, Http.TEST_ADMIN_KEY));
    }
    Map<Integer, Integer> statuses = new HashMap<>();
    List<JsonObject> shed = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      HttpResponse<String> answer = first.get(i).get();
      statuses.merge(answer.statusCode(), 1, Integer::sum);
      if (answer.statusCode() == 503) {
        assertShedProperly(answer);
        shed.add(events.get(i));
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      }
    }
    System.out.println("200 urgent events at once, at most " + MAX_IN_FLIGHT + " in flight: " + statuses);
    assertThat(shed).as("some events were shed rather than queued").isNotEmpty();

    // The caller honours Retry-After (1 s) and sends the shed ones again, a few at a time.
    int rounds = 0;
    while (!shed.isEmpty()) {
      assertThat(++rounds).as("rounds of retries").isLessThan(30);
      Thread.sleep(1_000);
      List<JsonObject> again = new ArrayList<>();
      for (JsonObject event : shed) {
        HttpResponse<String> answer = post("/api/v1/events", event, Http.TEST_ADMIN_KEY).get();
        if (answer.statusCode() == 503) {
          assertShedProperly(answer);
          again.add(event);
        } else {
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
      }
      shed = again;
    }

    // Every event has exactly one case: none lost, none doubled by the retries.
    JsonArray cases = http.get("/api/v1/cases").json().getJsonArray("cases");
    Map<String, Integer> perPassenger = new HashMap<>();
    for (Object o : cases) {
      JsonObject c = (JsonObject) o;
      if (!"FAMILY_EMERGENCY".equals(c.getString("type"))) {
        continue; // the other test's medical emergencies
      }
      perPassenger.merge(c.getJsonObject("passenger").getString("pnr"), 1, Integer::sum);
    }
    for (JsonObject event : events) {
      assertThat(perPassenger.get(event.getString("pnr"))).as("cases of " + event.getString("pnr")).isEqualTo(1);
    }
    assertThat(perPassenger.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(events.size());
  }

  @Test
  void aStormOfFeedTrafficNeverTakesTheRoomUrgentEventsNeed() throws Exception {
    // Sixty flight-schedule feeds at once (bulk), and urgent events a few at a time while they run.
    JsonArray schedule = crowd.flights();
    List<CompletableFuture<HttpResponse<String>>> feeds = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      feeds.add(post("/api/v1/feed/flights", schedule, Http.TEST_FEED_KEY));
    }
    List<JsonObject> urgent = passengers.subList(passengers.size() - 30, passengers.size());
    // Waves a little smaller than the room bulk must leave, since a request's place is given back just after its
    // answer is written, a moment after the client may already have read it.
    int wave = MAX_IN_FLIGHT - MAX_BULK_IN_FLIGHT - 3;
    int accepted = 0;
    for (int i = 0; i < urgent.size(); i += wave) {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (JsonObject p : urgent.subList(i, Math.min(urgent.size(), i + wave))) {
        answers.add(post("/api/v1/events", Crowd.urgentEvent("MEDICAL_EMERGENCY", p), Http.TEST_ADMIN_KEY));
      }
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        // Bulk can hold at most MAX_BULK_IN_FLIGHT places: an urgent wave of the rest always gets in.
        assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
        accepted++;
      }
    }
    int fed = 0;
    int shed = 0;
    for (CompletableFuture<HttpResponse<String>> feed : feeds) {
      HttpResponse<String> answer = feed.get();
      if (answer.statusCode() == 503) {
        assertShedProperly(answer);
        shed++;
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
        fed++;
      }
    }
    System.out.println("60 bulk feeds at once: " + fed + " fed, " + shed + " shed; " + accepted + " urgent events, all in");
    assertThat(accepted).isEqualTo(30);
    assertThat(shed).as("bulk traffic past its share is shed").isPositive();
    String metrics = http.get("/metrics").body();
    // The counter says what was shed (it is registered at 0, so its presence alone would prove nothing).
    java.util.regex.Matcher bulkShed = java.util.regex.Pattern
        .compile("(?m)^paxcare_http_shed_total\\{class=\"bulk\"[^}]*} ([0-9.]+)$").matcher(metrics);
    assertThat(bulkShed.find()).as("paxcare_http_shed_total{class=bulk} in /metrics").isTrue();
    assertThat(Double.parseDouble(bulkShed.group(1))).isGreaterThanOrEqualTo(shed);
  }

  private static void assertShedProperly(HttpResponse<String> answer) {
    assertThat(answer.headers().firstValue("Retry-After")).as("Retry-After").hasValue("1");
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(new JsonObject(answer.body()).getString("type")).endsWith("overloaded");
  }

  private static CompletableFuture<HttpResponse<String>> post(String path, Object body, String key) {
    return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString(io.vertx.core.json.Json.encode(body))).build(), HttpResponse.BodyHandlers.ofString());
  }
}
