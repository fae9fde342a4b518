package com.paxcare.access;

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every endpoint: allowed (the answer is the endpoint's own, never 401 or 403), 401 without a
 * token, 403 for the rest, including a gate agent of another station, the crew of another flight and the
 * passenger of another booking.
 */
class AuthorizationMatrixTest {
  private static final Story story = new Story();
  private static PaxCareNode node;
  private static Http admin;
  private static final Map<String, Http> callers = new LinkedHashMap<>();
  private static String caseId;
  private static long alertId;
  private static long crewMessageId;
  private static long followUpId;

  @BeforeAll
  static void start() throws Exception {
    node = TestNodes.single(TestDatabase.fresh());
    admin = new Http(node.httpPort());
    assertThat(admin.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    JsonObject otherBooking = Story.booking("ZZ9QQQ", "ANA", "LOPEZ", "+13125550100", null, story.laterToDenver,
        "20A", "CONFIRMED", "5262100000009");
    assertThat(admin.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy()).add(otherBooking))
        .status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/feed/bsm", "text/plain", story.peggysBag()).status()).isEqualTo(200);
    var reported = admin.postJson("/api/v1/events", Story.familyEmergency());
    assertThat(reported.status()).isEqualTo(201);
    caseId = reported.json().getString("id");
    JsonObject done = CaseAwaitAccess.planDone(admin, caseId);
    crewMessageId = done.getJsonArray("crewMessages").getJsonObject(0).getLong("id");
    alertId = admin.get("/api/v1/gates/MDW/*/alerts").json().getJsonArray("alerts").getJsonObject(0).getLong("id");
    followUpId = admin.get("/api/v1/followups").json().getJsonArray("followUps").getJsonObject(0).getLong("id");

    String date = story.taxiing.getString("date");
    user("ops", new JsonObject().put("role", "ops"));
    user("care", new JsonObject().put("role", "care"));
    user("gate", new JsonObject().put("role", "gate").put("station", "MDW"));
    user("gate-other-station", new JsonObject().put("role", "gate").put("station", "DEN"));
    user("crew", new JsonObject().put("role", "crew").put("flight", "WN1234").put("date", date));
    user("crew-other-flight", new JsonObject().put("role", "crew").put("flight", "WN2001").put("date", date));
    callers.put("admin", admin);
    callers.put("feed", admin.as(Http.TEST_FEED_KEY));
    callers.put("passenger", passenger("K7Q2ZB", "Uhle"));
    callers.put("passenger-other-pnr", passenger("ZZ9QQQ", "lopez"));
    callers.put("nobody", admin.as(null));
    callers.put("forged", admin.as("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJl"));
  }

  private static void user(String name, JsonObject scope) {
    String username = name.replace("-", ".");
    var created = admin.postJson("/api/v1/users", scope.copy().put("username", username)
        .put("password", "correct horse battery"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    callers.put(name, admin.signIn(username, "correct horse battery"));
  }

  private static Http passenger(String pnr, String lastName) {
    var answer = admin.as(null).postJson("/api/v1/auth/passenger",
        new JsonObject().put("pnr", pnr).put("lastName", lastName));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return admin.as(answer.json().getString("token"));
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  /** One endpoint, and who may call it; everyone else signed in gets 403, nobody and forged tokens 401. */
  private record Endpoint(String method, String path, String body, Set<String> allowed) {
  }

  @Test
  void everyRoleAgainstEveryEndpoint() throws Exception {
    String date = story.taxiing.getString("date");
    String bag = "0526100001";
    String crew = "WN1234&date=" + date;
    // Flight events that change nothing: a missed connection of a passenger not on the flight (404 to those
    // allowed), and a cancellation of a flight nobody fed (404 to ops control; the care desk may not cancel).
    String missedConnection = new JsonObject().put("type", "MISSED_CONNECTION").put("flight", "WN1234")
        .put("date", date).put("origin", "MDW").put("pnr", "NOSUCH").put("lastName", "NOBODY").encode();
    String cancellation = new JsonObject().put("type", "FLIGHT_CANCELLED").put("flight", "WN9999")
        .put("date", date).put("origin", "MDW").encode();
    String unknownDisruption = "00000000-0000-4000-8000-000000000000";
    List<Endpoint> endpoints = List.of(
        new Endpoint("POST", "/api/v1/feed/flights", "[]", Set.of("admin", "feed")),
        new Endpoint("POST", "/api/v1/feed/flights/WN1234/" + date + "/MDW/status", "{\"status\":\"TAXIING\"}",
            Set.of("admin", "feed")),
        new Endpoint("POST", "/api/v1/feed/bookings", "[]", Set.of("admin", "feed")),
        new Endpoint("POST", "/api/v1/feed/bsm", "", Set.of("admin", "feed")),
        new Endpoint("GET", "/api/v1/flights?date=" + date + "&origin=MDW", null, Set.of("admin", "ops", "care", "gate")),
        new Endpoint("GET", "/api/v1/flights/WN1234/" + date + "/MDW", null,
            Set.of("admin", "ops", "care", "gate", "crew")),
        new Endpoint("GET", "/api/v1/bookings/K7Q2ZB", null, Set.of("admin", "ops", "care", "passenger")),
        new Endpoint("POST", "/api/v1/events", "{}", Set.of("admin", "ops", "care")),
        new Endpoint("POST", "/api/v1/events", missedConnection, Set.of("admin", "ops", "care")),
        new Endpoint("POST", "/api/v1/events", cancellation, Set.of("admin", "ops")),
        new Endpoint("GET", "/api/v1/disruptions", null, Set.of("admin", "ops", "care")),
        new Endpoint("GET", "/api/v1/disruptions/" + unknownDisruption, null, Set.of("admin", "ops", "care")),
        // No disruption on these cases: 409 to those allowed, and nothing changes.
        new Endpoint("POST", "/api/v1/cases/" + caseId + "/refund", "{}", Set.of("admin", "ops", "care")),
        new Endpoint("POST", "/api/v1/passenger/refund", "{}", Set.of("passenger", "passenger-other-pnr")),
        new Endpoint("GET", "/api/v1/cases", null, Set.of("admin", "ops", "care")),
        new Endpoint("GET", "/api/v1/cases/" + caseId, null, Set.of("admin", "ops", "care", "gate")),
        new Endpoint("GET", "/api/v1/cases/" + caseId + "/audit", null, Set.of("admin", "ops")),
        new Endpoint("POST", "/api/v1/cases/" + caseId + "/recall", "{\"status\":\"FOUND\"}",
            Set.of("admin", "ops", "gate")),
        new Endpoint("POST", "/api/v1/cases/" + caseId + "/meal-voucher/issue", "{}", Set.of("admin", "ops", "gate")),
        new Endpoint("POST", "/api/v1/cases/" + caseId + "/bags/" + bag + "/offloaded", "{}",
            Set.of("admin", "ops", "gate")),
        new Endpoint("GET", "/api/v1/gates/MDW/B12/alerts", null, Set.of("admin", "ops", "gate")),
        new Endpoint("POST", "/api/v1/gates/alerts/" + alertId + "/ack", "{}", Set.of("admin", "ops", "gate")),
        new Endpoint("GET", "/api/v1/crew/messages?flight=" + crew, null, Set.of("admin", "ops", "crew")),
        new Endpoint("POST", "/api/v1/crew/messages/" + crewMessageId + "/ack", "{}", Set.of("admin", "ops", "crew")),
        new Endpoint("GET", "/api/v1/bsm/outbound", null, Set.of("admin", "ops", "feed")),
        new Endpoint("GET", "/api/v1/followups", null, Set.of("admin", "ops", "care")),
        new Endpoint("POST", "/api/v1/followups/" + followUpId + "/complete", "{\"outcome\":\"x\"}",
            Set.of("admin", "care")),
        new Endpoint("GET", "/api/v1/ops/board", null, Set.of("admin", "ops")),
        new Endpoint("GET", "/api/v1/passenger/trip", null, Set.of("passenger", "passenger-other-pnr")),
        new Endpoint("GET", "/api/v1/auth/me", null, Set.of("admin", "ops", "care", "gate", "gate-other-station",
            "crew", "crew-other-flight", "feed", "passenger", "passenger-other-pnr")),
        new Endpoint("GET", "/api/v1/users", null, Set.of("admin")),
        new Endpoint("POST", "/api/v1/users", "{}", Set.of("admin")));

    assertThat(operations(endpoints)).as("the matrix's operations, and those reached without a token")
        .isEqualTo(operationsInOpenApi());

    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Endpoint endpoint : endpoints) {
      for (var caller : callers.entrySet()) {
        String who = caller.getKey();
        Http http = caller.getValue();
        var answer = endpoint.method().equals("GET") ? http.get(endpoint.path())
            : http.post(endpoint.path(), endpoint.path().endsWith("/bsm") ? "text/plain" : "application/json",
                endpoint.body());
        int expected = Set.of("nobody", "forged").contains(who) ? 401 : endpoint.allowed().contains(who) ? 0 : 403;
        boolean right = expected == 0 ? answer.status() != 401 && answer.status() != 403 && answer.status() < 500
            : answer.status() == expected && answer.contentType().startsWith("application/problem+json");
        if (!right) {
          wrong.add(endpoint.method() + " " + endpoint.path() + " as " + who + ": expected "
              + (expected == 0 ? "allowed" : expected) + ", got " + answer.status() + " " + answer.body());
        }
        checked++;
      }
    }
    assertThat(wrong).as("answers that break the rules").isEmpty();
    assertThat(checked).isEqualTo(endpoints.size() * callers.size());
  }

  /** Reached without a token: signing in, the live socket (it signs in with its first message), operations. */
  private static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/login", "POST /api/v1/auth/passenger",
      "GET /api/v1/live", "GET /health/live", "GET /health/ready", "GET /metrics", "GET /openapi.yaml");

  @Test
  void publicOperationsNeedNoTokenAndEverythingElseUnderApiDoes() {
    var anonymous = admin.as(null);
    for (String operation : PUBLIC) {
      String path = operation.substring(operation.indexOf(' ') + 1);
      var answer = operation.startsWith("GET") ? anonymous.get(path)
          : anonymous.postJson(path, new JsonObject());
      // The sign-ins answer 400 for an empty body, the live socket 426 without an upgrade: none asks for a token.
      assertThat(answer.status()).as(operation).isNotIn(401, 403).isLessThan(500);
    }
    assertThat(PUBLIC.stream().filter(op -> op.contains(" /api/"))).as("public API operations")
        .allMatch(op -> op.contains("/auth/") || op.endsWith("/live"));
  }

  /** "METHOD /template" of each row, found by matching its path against openapi.yaml's templates; plus PUBLIC. */
  private static Set<String> operations(List<Endpoint> endpoints) throws Exception {
    Set<String> operations = new TreeSet<>(PUBLIC);
    Set<String> templates = new TreeSet<>();
    operationsInOpenApi().forEach(op -> templates.add(op.substring(op.indexOf(' ') + 1)));
    for (Endpoint endpoint : endpoints) {
      String path = endpoint.path().replaceAll("\\?.*", "");
      List<String> matching = templates.stream()
          .filter(template -> path.matches(template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.")))
          .toList();
      assertThat(matching).as("openapi.yaml templates matching %s", path).hasSize(1);
      operations.add(endpoint.method() + " " + matching.get(0));
    }
    return operations;
  }

  private static Set<String> operationsInOpenApi() throws Exception {
    Map<String, Map<String, Object>> paths;
    try (var in = AuthorizationMatrixTest.class.getResourceAsStream("/openapi.yaml")) {
      paths = new Yaml().<Map<String, Map<String, Map<String, Object>>>>load(in).get("paths");
    }
    Set<String> operations = new TreeSet<>();
    paths.forEach((path, item) -> item.keySet().stream()
        .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
        .forEach(method -> operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
    return operations;
  }

  @Test
  void scopedReadsReturnOnlyTheirOwn() {
    String date = story.taxiing.getString("date");
    // A passenger's trip is their booking's, whichever they signed in with.
    assertThat(callers.get("passenger").get("/api/v1/passenger/trip").json().getString("pnr")).isEqualTo("K7Q2ZB");
    assertThat(callers.get("passenger-other-pnr").get("/api/v1/passenger/trip").json().getString("pnr"))
        .isEqualTo("ZZ9QQQ");
    assertThat(callers.get("passenger").get("/api/v1/bookings/ZZ9QQQ").status()).isEqualTo(403);
    // A gate agent of another station cannot read MDW's alerts, nor search MDW's departures.
    assertThat(callers.get("gate-other-station").get("/api/v1/gates/MDW/*/alerts").status()).isEqualTo(403);
    assertThat(callers.get("gate-other-station").get("/api/v1/flights?date=" + date + "&origin=MDW").status())
        .isEqualTo(403);
    assertThat(callers.get("gate-other-station").get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
    // The crew of another flight cannot read nor acknowledge WN1234's messages.
    assertThat(callers.get("crew-other-flight").get("/api/v1/crew/messages?flight=WN1234&date=" + date).status())
        .isEqualTo(403);
    assertThat(callers.get("crew-other-flight").get("/api/v1/flights/WN1234/" + date + "/MDW").status())
        .isEqualTo(403);
    // Their own flight's crew reads it.
    assertThat(callers.get("crew").get("/api/v1/crew/messages?flight=WN1234&date=" + date).json()
        .getJsonArray("messages")).isNotEmpty();
  }
}
