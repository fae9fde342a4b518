package com.paxcare.badinput;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.baggage.BsmMessage;
import com.paxcare.baggage.BsmParseResult;
import com.paxcare.baggage.BsmParser;
import com.paxcare.baggage.BsmParserTest;
import com.paxcare.badinput.Mutant.Expect;
import com.paxcare.cases.CaseAwaitAccess;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.paxcare.badinput.Mutant.Expect.ANY;
import static com.paxcare.badinput.Mutant.Expect.REJECT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6, bad input: a seeded, reproducible mutation campaign over every operation of openapi.yaml and the BSM
 * parser. Each endpoint starts from one valid request, sent with a role that may call it (so that the input
 * reaches validation), and gets its body, path parameters, query and headers mutated: broken JSON, wrong types,
 * missing and extra fields, huge and deep bodies, unicode names, control characters, injection strings, numbers
 * and dates out of range. For every input: never a 5xx; every 4xx a problem answer naming the field; a refused
 * input changes no row of any table; an accepted unicode value is stored and read back unchanged.
 *
 * <p>The seed is printed and fixed ({@code -Dbadinput.seed=...} to change it); the counts go to
 * {@code target/bad-input-report.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCampaignTest {
  static final long SEED = Long.getLong("badinput.seed", 20260606L);
  private static final String PASSWORD = "correct horse battery";
  private static final Story story = new Story();

  private static PaxCareNode node;
  private static RawHttp raw;
  private static DatabaseState database;
  private static final Map<String, String> tokens = new LinkedHashMap<>();
  private static String caseId;
  private static long alertId;
  private static long crewMessageId;
  private static long followUpId;
  private static JsonObject fuzzFlight;
  private static long started;

  @BeforeAll
  static void start() throws Exception {
    started = System.nanoTime();
    System.out.println("Bad-input campaign, seed " + SEED + " (-Dbadinput.seed=" + SEED + " reproduces it)");
    int port = TestNodes.freePort();
    // Nothing may change behind the campaign's back while it compares snapshots: no timer comes due during it.
    Map<String, String> quiet = Map.of("PAXCARE_CREW_ACK_SECONDS", "3600", "PAXCARE_WAITLIST_RETRY_SECONDS", "86400",
        "PAXCARE_FOLLOWUP_GRACE_MINUTES", "1440", "PAXCARE_WAITLIST_CALL_BACK_MINUTES", "1440");
    node = TestNodes.start(Config.from(TestNodes.environment("badinput-" + UUID.randomUUID(), "badinput", port,
        "127.0.0.1:" + port, quiet)), TestDatabase.fresh());
    Http admin = new Http(node.httpPort());
    raw = new RawHttp(node.httpPort());

    fuzzFlight = Story.flight("WN7001", "MDW", "DEN", story.now.plusHours(6),
        story.now.plusHours(8).withZoneSameInstant(Story.DENVER), "B7", new JsonObject().put("Y", 50), "SCHEDULED");
    JsonArray flights = story.flights().add(fuzzFlight);
    assertThat(admin.postJson("/api/v1/feed/flights", flights).status()).isEqualTo(200);
    assertThat(admin.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy()).add(fuzzBooking()))
        .status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/feed/bsm", "text/plain", story.peggysBag() + fuzzBag()).status()).isEqualTo(200);
    var reported = admin.postJson("/api/v1/events", Story.familyEmergency());
    assertThat(reported.status()).isEqualTo(201);
    caseId = reported.json().getString("id");
    JsonObject done = CaseAwaitAccess.planDone(admin, caseId);
    crewMessageId = done.getJsonArray("crewMessages").getJsonObject(0).getLong("id");
    alertId = admin.get("/api/v1/gates/MDW/*/alerts").json().getJsonArray("alerts").getJsonObject(0).getLong("id");
    followUpId = admin.get("/api/v1/followups").json().getJsonArray("followUps").getJsonObject(0).getLong("id");

    String date = story.taxiing.getString("date");
    tokens.put("admin", Http.TEST_ADMIN_KEY);
    tokens.put("feed", Http.TEST_FEED_KEY);
    for (JsonObject user : List.of(
        new JsonObject().put("username", "ops.fuzz").put("role", "ops"),
        new JsonObject().put("username", "care.fuzz").put("role", "care"),
        new JsonObject().put("username", "gate.fuzz").put("role", "gate").put("station", "MDW"),
        new JsonObject().put("username", "crew.fuzz").put("role", "crew").put("flight", "WN1234").put("date", date))) {
      var created = admin.postJson("/api/v1/users", user.put("password", PASSWORD));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String role = user.getString("role");
      tokens.put(role, admin.as(null).postJson("/api/v1/auth/login", new JsonObject()
          .put("username", user.getString("username")).put("password", PASSWORD)).json().getString("token"));
    }
    var passenger = admin.as(null).postJson("/api/v1/auth/passenger",
        new JsonObject().put("pnr", "K7Q2ZB").put("lastName", "Uhle"));
    assertThat(passenger.status()).isEqualTo(200);
    tokens.put("passenger", passenger.json().getString("token"));
    // Everything the story set going is done: from here on only the campaign's inputs change the database.
    database = new DatabaseState(node.pool());
    settle();
    assertThat(database.tables()).isGreaterThan(10);
  }

  @AfterAll
  static void stop() {
    Tally.ALL.took("whole campaign, node start included", (System.nanoTime() - started) / 1_000_000);
    Tally.ALL.write(SEED);
    TestNodes.stop(node);
  }

  /** A booking of one passenger on the campaign's own flight, with a bag: what the feeds' valid bodies send. */
  private static JsonObject fuzzBooking() {
    return Story.booking("FZZ001", "ANA", "LOPEZ", "+13125550177", "ana.lopez@example.com", fuzzFlight, "10A",
        "CONFIRMED", "5262100000077")
        .put("contacts", new JsonArray().add(new JsonObject().put("name", "LUIS LOPEZ").put("phone", "+13125550178")
            .put("email", "luis@example.com").put("relation", "SPOUSE")));
  }

  private static String fuzzBag() {
    String ddmmm = ZonedDateTime.parse(fuzzFlight.getString("departure")).toLocalDate()
        .format(DateTimeFormatter.ofPattern("ddMMM", Locale.ENGLISH)).toUpperCase(Locale.ROOT);
    return "BSM\n.V/1LMDW\n.F/WN7001/" + ddmmm + "/DEN/Y\n.N/0526200001001\n.S/N/10A/C/051/051//N/I\n.W/K/1/20\n"
        + ".P/1LOPEZ/ANA\n.L/FZZ001\n.E/PRIO\nENDBSM\n";
  }

  enum Kind {
    /** No body is read (GET). */
    NONE,
    /** A JSON body, validated field by field. */
    JSON,
    /** A POST whose body is not read: only the body limit applies. */
    IGNORED,
    /** BSM text. */
    BSM
  }

  /**
   * One operation of openapi.yaml as the campaign calls it: whose token, its valid path parameters, query and body,
   * and where an accepted value can be read back (with the fields whose values must come back unchanged).
   */
  record Endpoint(String label, String method, String template, String caller, Map<String, String> path,
      Map<String, String> query, Kind kind, Object body, String readBack, Set<String> roundTrip) {

    String operation() {
      return method + " " + template;
    }

    String url(Map<String, String> pathValues, Map<String, String> queryValues) {
      String url = template;
      for (var param : pathValues.entrySet()) {
        url = url.replace("{" + param.getKey() + "}", param.getValue());
      }
      if (!queryValues.isEmpty()) {
        url += "?" + queryValues.entrySet().stream().map(q -> q.getKey() + "=" + q.getValue())
            .collect(Collectors.joining("&"));
      }
      return url;
    }

    String validUrl() {
      Map<String, String> encoded = new LinkedHashMap<>();
      path.forEach((k, v) -> encoded.put(k, RawHttp.encode(v)));
      Map<String, String> q = new LinkedHashMap<>();
      query.forEach((k, v) -> q.put(k, RawHttp.encode(v)));
      return url(encoded, q);
    }
  }

  private static Map<String, String> params(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static Endpoint get(String template, String caller, Map<String, String> path, Map<String, String> query) {
    return new Endpoint("GET " + template, "GET", template, caller, path, query, Kind.NONE, null, null, Set.of());
  }

  private static Endpoint post(String label, String template, String caller, Map<String, String> path, Kind kind,
      Object body, String readBack, Set<String> roundTrip) {
    return new Endpoint(label, "POST", template, caller, path, Map.of(), kind, body, readBack, roundTrip);
  }

  /** Every operation of openapi.yaml, in the order the campaign calls them (closing the case comes last). */
  static List<Endpoint> endpoints() {
    String date = story.taxiing.getString("date");
    String fuzzDate = fuzzFlight.getString("date");
    Map<String, String> none = Map.of();
    Map<String, String> theCase = params("id", caseId);
    return List.of(
        post("POST /api/v1/auth/login", "/api/v1/auth/login", null, none, Kind.JSON,
            new JsonObject().put("username", "care.fuzz").put("password", PASSWORD), null, Set.of()),
        post("POST /api/v1/auth/passenger", "/api/v1/auth/passenger", null, none, Kind.JSON,
            new JsonObject().put("pnr", "K7Q2ZB").put("lastName", "Uhle"), null, Set.of()),
        get("/api/v1/auth/me", "care", none, none),
        post("POST /api/v1/users", "/api/v1/users", "admin", none, Kind.JSON, new JsonObject()
            .put("username", "crew.new").put("password", PASSWORD).put("role", "crew").put("flight", "WN1234")
            .put("date", date), null, Set.of()),
        get("/api/v1/users", "admin", none, none),
        // The status feed before the flights feed: a flight moved earlier there would make its valid
        // departure a delay, and raise a disruption in the background.
        post("POST /api/v1/feed/flights/{flight}/{date}/{origin}/status",
            "/api/v1/feed/flights/{flight}/{date}/{origin}/status", "feed",
            params("flight", "WN7001", "date", fuzzDate, "origin", "MDW"), Kind.JSON,
            new JsonObject().put("status", "SCHEDULED").put("departure", fuzzFlight.getString("departure"))
                .put("gate", "B7"), null, Set.of()),
        post("POST /api/v1/feed/flights", "/api/v1/feed/flights", "feed", none, Kind.JSON,
            new JsonArray().add(fuzzFlight), null, Set.of()),
        post("POST /api/v1/feed/bookings", "/api/v1/feed/bookings", "feed", none, Kind.JSON,
            new JsonArray().add(fuzzBooking()), "/api/v1/bookings/FZZ001", Set.of("firstName", "lastName", "name")),
        post("POST /api/v1/feed/bsm", "/api/v1/feed/bsm", "feed", none, Kind.BSM, fuzzBag(), null, Set.of()),
        get("/api/v1/flights", "ops", none, params("date", fuzzDate, "origin", "MDW", "destination", "DEN",
            "limit", "50")),
        get("/api/v1/flights/{flight}/{date}/{origin}", "ops",
            params("flight", "WN7001", "date", fuzzDate, "origin", "MDW"), none),
        get("/api/v1/bookings/{pnr}", "care", params("pnr", "K7Q2ZB"), none),
        post("POST /api/v1/events (urgent: joins the open case)", "/api/v1/events", "care", none, Kind.JSON,
            Story.familyEmergency().put("firstName", "PEGGY"), "/api/v1/cases/" + caseId,
            Set.of("note", "name")),
        post("POST /api/v1/events (delay of an unknown flight)", "/api/v1/events", "ops", none, Kind.JSON,
            new JsonObject().put("type", "FLIGHT_DELAYED").put("flight", "WN9999").put("date", date)
                .put("origin", "MDW").put("departure", fuzzFlight.getString("departure")).put("extraordinary", false)
                .put("note", "Crew rest"), null, Set.of()),
        post("POST /api/v1/events (missed connection of nobody)", "/api/v1/events", "care", none, Kind.JSON,
            new JsonObject().put("type", "MISSED_CONNECTION").put("flight", "WN1234").put("date", date)
                .put("origin", "MDW").put("pnr", "NOSUCH").put("lastName", "NOBODY").put("passengerId", "P1"),
            null, Set.of()),
        get("/api/v1/disruptions", "ops", none, none),
        get("/api/v1/disruptions/{id}", "ops", params("id", "00000000-0000-4000-8000-000000000000"), none),
        get("/api/v1/cases", "care", none, params("status", "OPEN")),
        get("/api/v1/cases/{id}", "care", theCase, none),
        get("/api/v1/cases/{id}/audit", "ops", theCase, params("after", "0")),
        post("POST /api/v1/cases/{id}/recall", "/api/v1/cases/{id}/recall", "gate", theCase, Kind.JSON,
            new JsonObject().put("status", "FOUND"), null, Set.of()),
        post("POST /api/v1/cases/{id}/meal-voucher/issue", "/api/v1/cases/{id}/meal-voucher/issue", "gate", theCase,
            Kind.IGNORED, new JsonObject(), null, Set.of()),
        post("POST /api/v1/cases/{id}/refund", "/api/v1/cases/{id}/refund", "care", theCase, Kind.IGNORED,
            new JsonObject(), null, Set.of()),
        post("POST /api/v1/cases/{id}/bags/{tag}/offloaded", "/api/v1/cases/{id}/bags/{tag}/offloaded", "gate",
            params("id", caseId, "tag", "0526100001"), Kind.IGNORED, new JsonObject(), null, Set.of()),
        get("/api/v1/gates/{station}/{gate}/alerts", "gate", params("station", "MDW", "gate", "B12"),
            params("after", "0")),
        post("POST /api/v1/gates/alerts/{id}/ack", "/api/v1/gates/alerts/{id}/ack", "gate",
            params("id", Long.toString(alertId)), Kind.IGNORED, new JsonObject(), null, Set.of()),
        get("/api/v1/crew/messages", "crew", none, params("flight", "WN1234", "date", date, "origin", "MDW")),
        post("POST /api/v1/crew/messages/{id}/ack", "/api/v1/crew/messages/{id}/ack", "crew",
            params("id", Long.toString(crewMessageId)), Kind.IGNORED, new JsonObject(), null, Set.of()),
        get("/api/v1/bsm/outbound", "feed", none, params("after", "0")),
        get("/api/v1/followups", "care", none, params("status", "DUE")),
        get("/api/v1/ops/board", "ops", none, none),
        get("/api/v1/passenger/trip", "passenger", none, none),
        post("POST /api/v1/passenger/refund", "/api/v1/passenger/refund", "passenger", none, Kind.IGNORED,
            new JsonObject(), null, Set.of()),
        // The live socket's messages are fuzzed over a real WebSocket below; here, what a plain GET gets.
        get("/api/v1/live", null, none, none),
        get("/health/live", null, none, none),
        get("/health/ready", null, none, none),
        get("/metrics", null, none, none),
        get("/openapi.yaml", null, none, none),
        post("POST /api/v1/followups/{id}/complete", "/api/v1/followups/{id}/complete", "care",
            params("id", Long.toString(followUpId)), Kind.JSON,
            // Completing twice answers the first completion (FollowUps.complete): nothing to read back.
            new JsonObject().put("outcome", "Called her: her son is out of intensive care"), null, Set.of()));
  }

  @Test
  @Order(1)
  void everyOperationOfTheApiDescriptionIsInTheCampaign() throws Exception {
    JsonObject document = new JsonObject(new Yaml().<Map<String, Object>>load(
        new String(getClass().getResourceAsStream("/openapi.yaml").readAllBytes(), StandardCharsets.UTF_8)));
    Set<String> described = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (Set.of("get", "post", "put", "patch", "delete", "head", "options").contains(method)) {
          described.add(method.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    Set<String> fuzzed = endpoints().stream().map(Endpoint::operation).collect(Collectors.toCollection(TreeSet::new));
    assertThat(described).as("operations in openapi.yaml").hasSizeGreaterThan(30);
    assertThat(fuzzed).as("operations the campaign fuzzes: add a new endpoint to endpoints()").isEqualTo(described);
  }

  @TestFactory
  @Order(2)
  Stream<DynamicTest> everyEndpointAnswersBadInputClearlyAndStoresNothing() {
    long from = System.nanoTime();
    Random random = new Random(SEED);
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      List<Mutant> mutants = mutants(endpoint, random);
      if (endpoint.template().equals("/api/v1/auth/login") && mutants.size() > 90) {
        // Each well-formed sign-in costs an Argon2id hash (about 0.15 s here): a seeded sample of 90 inputs.
        List<Mutant> sample = new ArrayList<>(mutants.subList(1, mutants.size()));
        java.util.Collections.shuffle(sample, random);
        mutants = new ArrayList<>(sample.subList(0, 89));
        mutants.add(0, mutants(endpoint, new Random(SEED)).get(0));
      }
      List<Mutant> chosen = mutants;
      tests.add(DynamicTest.dynamicTest(endpoint.label() + " (" + chosen.size() + " inputs)", () -> {
        List<String> wrong = campaign(endpoint, chosen);
        assertThat(wrong).as("bad answers of " + endpoint.label()).isEmpty();
      }));
    }
    tests.add(DynamicTest.dynamicTest("timing", () -> {
      Tally.ALL.took("HTTP endpoints", (System.nanoTime() - from) / 1_000_000);
      assertThat(Tally.ALL.total()).isGreaterThan(1000);
    }));
    return tests.stream();
  }

  /** Everything the campaign sends to one endpoint, from the seed. */
  static List<Mutant> mutants(Endpoint endpoint, Random random) {
    List<Mutant> mutants = new ArrayList<>();
    switch (endpoint.kind()) {
      case JSON -> mutants.addAll(JsonMutations.of(endpoint.body(), true, random));
      case IGNORED -> mutants.addAll(JsonMutations.of(endpoint.body(), false, random));
      case BSM -> mutants.addAll(BsmMutations.forEndpoint((String) endpoint.body(), random));
      case NONE -> mutants.add(Mutant.body("valid", "the valid request", null, null, null, ANY, null));
    }
    Mutant valid = mutants.get(0);
    for (String param : endpoint.path().keySet()) {
      for (String value : Values.PARAMS) {
        Map<String, String> path = new LinkedHashMap<>();
        endpoint.path().forEach((k, v) -> path.put(k, RawHttp.encode(k.equals(param) ? value : v)));
        mutants.add(withUrl(valid, "path-param", param + "=" + JsonMutations.escape(value), param,
            endpoint.url(path, encoded(endpoint.query()))));
      }
      for (String rawValue : List.of("..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "a%00b", "%ZZ", "%", "a;b=c")) {
        Map<String, String> path = new LinkedHashMap<>();
        endpoint.path().forEach((k, v) -> path.put(k, k.equals(param) ? rawValue : RawHttp.encode(v)));
        mutants.add(withUrl(valid, "path-param", param + "=" + rawValue + " (raw)", param,
            endpoint.url(path, encoded(endpoint.query()))));
      }
    }
    List<String> queryParams = new ArrayList<>(endpoint.query().keySet());
    for (String param : queryParams) {
      for (String value : Values.PARAMS) {
        Map<String, String> query = encoded(endpoint.query());
        query.put(param, RawHttp.encode(value));
        mutants.add(withUrl(valid, "query-param", param + "=" + JsonMutations.escape(value), param,
            endpoint.url(encoded(endpoint.path()), query)));
      }
      Map<String, String> without = encoded(endpoint.query());
      without.remove(param);
      mutants.add(withUrl(valid, "query-param", param + " left out", param, endpoint.url(encoded(endpoint.path()),
          without)));
      mutants.add(withUrl(valid, "query-param", param + " twice", param, endpoint.validUrl() + "&" + param + "="
          + RawHttp.encode(endpoint.query().get(param) + "X")));
    }
    String separator = endpoint.query().isEmpty() ? "?" : "&";
    mutants.add(withUrl(valid, "query-param", "unknown parameter", null, endpoint.validUrl() + separator
        + "unexpected=%27%3B%20DROP%20TABLE%20care_case%3B%20--"));
    mutants.add(withUrl(valid, "query-param", "broken escapes", null, endpoint.validUrl() + separator + "a=%ZZ&%=1&=&&"));
    mutants.add(withUrl(valid, "long-url", "a URL of 10,000 characters", null, endpoint.validUrl() + separator
        + "pad=" + "A".repeat(10_000)));
    // Who is calling: a token that is not one, too long, or of the wrong scheme.
    Expect signInExpected = endpoint.caller() == null ? ANY : REJECT;
    mutants.add(new Mutant("bad-token", "Authorization: Bearer not-a-token", "Authorization", valid.contentType(),
        valid.body(), signInExpected, null, null, "Authorization", "Bearer not-a-token"));
    mutants.add(new Mutant("bad-token", "Authorization: Bearer + 20,000 characters", "Authorization",
        valid.contentType(), valid.body(), signInExpected, null, null, "Authorization", "Bearer " + "A".repeat(20_000)));
    mutants.add(new Mutant("bad-token", "Authorization: Basic", "Authorization", valid.contentType(), valid.body(),
        signInExpected, null, null, "Authorization", "Basic dXNlcjpwYXNz"));
    mutants.add(new Mutant("bad-token", "Authorization: a forged JWT", "Authorization", valid.contentType(),
        valid.body(), signInExpected, null, null, "Authorization",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0."));
    if (endpoint.template().equals("/api/v1/events") && endpoint.caller().equals("care")) {
      for (String key : List.of("K".repeat(201), "", " ", "'; DROP TABLE idempotency_key; --", "Ñandú-1", "😀")) {
        mutants.add(new Mutant("idempotency-key", "Idempotency-Key: " + JsonMutations.escape(key),
            "Idempotency-Key", valid.contentType(), valid.body(), key.isBlank() || key.length() > 200 ? REJECT : ANY,
            null, null, "Idempotency-Key", key));
      }
    }
    return mutants;
  }

  private static Mutant withUrl(Mutant valid, String mutator, String detail, String target, String url) {
    return new Mutant(mutator, detail, target, valid.contentType(), valid.body(), ANY, null, url, null, null);
  }

  private static Map<String, String> encoded(Map<String, String> values) {
    Map<String, String> encoded = new LinkedHashMap<>();
    values.forEach((k, v) -> encoded.put(k, RawHttp.encode(v)));
    return encoded;
  }

  /** Sends every mutant to the endpoint and answers what was wrong with the answers. */
  private static List<String> campaign(Endpoint endpoint, List<Mutant> mutants) {
    List<String> wrong = new ArrayList<>();
    Map<String, String> before = database.snapshot();
    String wal = database.walPosition();
    // Events and the status feed may set work going in the background (a disruption): wait for it to finish
    // before comparing the next snapshot.
    boolean background = endpoint.template().equals("/api/v1/events") || endpoint.template().endsWith("/status");
    for (Mutant mutant : mutants) {
      String url = mutant.pathAndQuery() != null ? mutant.pathAndQuery() : endpoint.validUrl();
      String bearer = endpoint.caller() == null ? null : tokens.get(endpoint.caller());
      RawHttp.Answer answer = raw.send(endpoint.method(), url, bearer, mutant.contentType(), mutant.body(),
          mutant.header(), mutant.headerValue());
      if (answer == null) {
        Tally.ALL.count(endpoint.label(), mutant.mutator(), "not sendable");
        continue;
      }
      String outcome = answer.status() < 0 ? "connection closed" : Integer.toString(answer.status());
      Tally.ALL.count(endpoint.label(), mutant.mutator(), outcome);
      String what = endpoint.label() + " <- " + mutant.mutator() + " [" + mutant.detail() + "]";
      List<String> problems = judge(endpoint, mutant, answer);
      if (answer.status() >= 200 && answer.status() < 300) {
        before = background ? settle() : database.snapshot();
        wal = database.walPosition();
      } else {
        Tally.ALL.databaseChecked();
        String walAfter = database.walPosition();
        if (!walAfter.equals(wal)) {
          Map<String, String> after = database.snapshot();
          List<String> changed = DatabaseState.changed(before, after);
          if (!changed.isEmpty()) {
            problems.add("refused with " + outcome + " but changed " + changed);
          }
          before = after;
          wal = database.walPosition();
        }
      }
      for (String problem : problems) {
        String finding = what + ": " + problem + " -- answer " + outcome + " " + abbreviate(answer.body());
        wrong.add(finding);
        Tally.ALL.finding(finding);
      }
    }
    return wrong;
  }

  /** What is wrong with one answer, if anything. */
  private static List<String> judge(Endpoint endpoint, Mutant mutant, RawHttp.Answer answer) {
    List<String> problems = new ArrayList<>();
    int status = answer.status();
    if (status < 0) {
      problems.add("no answer: " + answer.error());
      return problems;
    }
    if (status >= 500) {
      problems.add("a server error");
    }
    if (status >= 200 && status < 300) {
      if (mutant.expect() == REJECT) {
        problems.add("bad input accepted");
      } else if (mutant.storedAs() != null && endpoint.readBack() != null && mutant.target() != null
          && endpoint.roundTrip().contains(leaf(mutant.target()))) {
        RawHttp.Answer stored = raw.send("GET", endpoint.readBack(), Http.TEST_ADMIN_KEY, null, null, null, null);
        if (!containsString(stored.body().startsWith("[") ? new JsonArray(stored.body())
            : new JsonObject(stored.body()), mutant.storedAs())) {
          problems.add("accepted, but '" + mutant.storedAs() + "' is not read back unchanged from "
              + endpoint.readBack());
        }
      }
      return problems;
    }
    if (status >= 400) {
      if (!answer.contentType().startsWith("application/problem+json")) {
        problems.add("a " + status + " that is not application/problem+json but '" + answer.contentType() + "'");
        return problems;
      }
      JsonObject problem;
      try {
        problem = new JsonObject(answer.body());
      } catch (RuntimeException e) {
        problems.add("a problem answer that is not a JSON object");
        return problems;
      }
      if (!(problem.getValue("type") instanceof String) || !(problem.getValue("title") instanceof String)
          || !Integer.valueOf(status).equals(problem.getInteger("status"))) {
        problems.add("a problem answer without type, title or its status");
      }
      JsonArray errors = problem.getJsonArray("errors", new JsonArray());
      List<String> fields = new ArrayList<>();
      for (Object error : errors) {
        if (!(error instanceof JsonObject e) || !(e.getValue("field") instanceof String f)
            || !(e.getValue("reason") instanceof String)) {
          problems.add("an error without field or reason: " + error);
          continue;
        }
        fields.add(f);
      }
      String type = problem.getString("type", "");
      if (type.endsWith("/invalid-input") && fields.isEmpty()) {
        problems.add("an invalid-input answer naming no field");
      }
      if (type.endsWith("/invalid-json") && !fields.contains("(body)")) {
        problems.add("an invalid-json answer not naming (body)");
      }
      boolean mustName = mutant.target() != null && type.endsWith("/invalid-input")
          && (mutant.expect() == REJECT || Set.of("path-param", "query-param").contains(mutant.mutator()));
      if (mustName && fields.stream().noneMatch(f -> relates(f, mutant.target()))) {
        problems.add("the errors " + fields + " do not name " + mutant.target());
      }
      if (status == 400 && type.endsWith("/invalid-json") && mutant.mutator().equals("content-type")
          && mutant.expect() == REJECT) {
        problems.add("a wrong media type answered as invalid JSON rather than 415");
      }
    }
    return problems;
  }

  static boolean relates(String field, String target) {
    return field.equals(target) || field.startsWith(target + ".") || field.startsWith(target + "[")
        || target.startsWith(field + ".") || target.startsWith(field + "[");
  }

  private static String leaf(String target) {
    String last = target.substring(target.lastIndexOf('.') + 1);
    return last.replaceAll("\\[\\d+]$", "");
  }

  private static boolean containsString(Object json, String value) {
    if (json instanceof String text) {
      return text.equals(value);
    } else if (json instanceof JsonObject object) {
      return object.stream().anyMatch(e -> containsString(e.getValue(), value));
    } else if (json instanceof JsonArray array) {
      return array.stream().anyMatch(e -> containsString(e, value));
    }
    return false;
  }

  /** After an accepted input: the snapshot once whatever it set going in the background is done. */
  private static Map<String, String> settle() {
    Map<String, String> previous = database.snapshot();
    for (int i = 0; i < 400; i++) {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Map<String, String> now = database.snapshot();
      boolean working = !com.paxcare.testing.Rows.of(node.pool(), "SELECT 1 FROM disruption WHERE finished_at IS NULL"
          + " UNION ALL SELECT 1 FROM case_step WHERE status = 'PENDING' AND due_at <= now() + interval '2 seconds'")
          .isEmpty();
      if (now.equals(previous) && !working) {
        return now;
      }
      previous = now;
    }
    return previous;
  }

  private static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
  }

  // ------------------------------------------------------------------------------------------------------------
  // The BSM parser on its own: every mutation of every published example, plus seeded random havoc.

  @Test
  @Order(3)
  void theBsmParserNeverThrowsAndNamesTheLineOfEveryFault() {
    long from = System.nanoTime();
    LocalDate today = LocalDate.of(2026, 1, 20);
    Random random = new Random(SEED);
    List<String> examples = List.of(BsmParserTest.ACI_DATA_DICTIONARY_EXAMPLE, BsmParserTest.JMAYER_README_EXAMPLE, """
        BSM
        .V/1TOSL
        .I/SK001/05FEB/TRD
        .F/SK002/05FEB/BGO/Y
        .O/SK003/05FEB/KRS
        .N/0117814872002
        ENDBSM""", """
        BSM
        CHG
        .V/1LOSL
        .F/SK4418/05FEB/TOS/C
        .N/0117814872001
        .W/K/1/23
        ENDBSM""", fuzzBag());
    List<String> wrong = new ArrayList<>();
    for (String example : examples) {
      assertThat(BsmParser.parse(example, today).ok()).as("the example itself parses: %s", example).isTrue();
      List<Mutant> mutants = new ArrayList<>(BsmMutations.of(example, random));
      for (int n = 0; n < 200; n++) {
        mutants.add(havoc(example, random));
      }
      for (Mutant mutant : mutants) {
        String text = new String(mutant.body(), StandardCharsets.UTF_8);
        String outcome;
        try {
          BsmParseResult result = BsmParser.parse(text, today);
          outcome = result.ok() ? "parsed" : "rejected";
          int lines = text.split("\\r\\n|\\r|\\n", -1).length;
          for (var rejection : result.rejections()) {
            if (rejection.line() < 1 || rejection.line() > lines || rejection.reason().isBlank()) {
              wrong.add(mutant.detail() + ": rejection without a line of the text or a reason: " + rejection);
            }
          }
          for (BsmMessage message : result.messages()) {
            if (message.tags().isEmpty() || message.tags().stream().anyMatch(t -> !t.matches("[0-9]{10}"))) {
              wrong.add(mutant.detail() + ": accepted a message with tags " + message.tags());
            }
          }
          if (mutant.expect() == REJECT && result.ok()) {
            wrong.add(mutant.mutator() + " [" + mutant.detail() + "]: parsed, should be rejected");
          }
          if (!result.equals(BsmParser.parse(text, today))) {
            wrong.add(mutant.detail() + ": parsing twice gives two results");
          }
        } catch (RuntimeException e) {
          outcome = "threw";
          wrong.add(mutant.mutator() + " [" + mutant.detail() + "]: threw " + e);
        }
        Tally.ALL.count("BsmParser.parse (direct)", mutant.mutator(), outcome);
      }
    }
    wrong.forEach(w -> Tally.ALL.finding("BsmParser: " + w));
    Tally.ALL.took("BSM parser", (System.nanoTime() - from) / 1_000_000);
    assertThat(wrong).as("parser faults").isEmpty();
  }

  /** A few random characters changed, inserted or removed. */
  private static Mutant havoc(String text, Random random) {
    StringBuilder mutated = new StringBuilder(text);
    StringBuilder detail = new StringBuilder("havoc:");
    int changes = 1 + random.nextInt(4);
    for (int c = 0; c < changes && mutated.length() > 1; c++) {
      int at = random.nextInt(mutated.length());
      String pool = "./\n0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ \r\u0000Ñ😀";
      char ch = pool.charAt(random.nextInt(pool.length()));
      switch (random.nextInt(3)) {
        case 0 -> mutated.setCharAt(at, ch);
        case 1 -> mutated.insert(at, ch);
        default -> mutated.deleteCharAt(at);
      }
      detail.append(' ').append(at);
    }
    return Mutant.body("bsm-havoc", detail.toString(), null, "text/plain", mutated.toString(), ANY, null);
  }
  // ------------------------------------------------------------------------------------------------------------
  // The live socket: hostile messages before and after signing in.

  /** A live socket and what it received (each message as JSON; a close as {"type":"closed","code":...}). */
  private record Live(io.vertx.core.http.WebSocket socket, java.util.concurrent.BlockingQueue<JsonObject> received) {
    /** The next message, or a "silent" one when nothing came within 10 s (the check then fails). */
    JsonObject next() throws InterruptedException {
      JsonObject message = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      return message == null ? new JsonObject().put("type", "silent") : message;
    }
  }

  private static Live connect(io.vertx.core.Vertx client, String token) throws Exception {
    var received = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
    var socket = client.createWebSocketClient().connect(new io.vertx.core.http.WebSocketConnectOptions()
            .setHost("127.0.0.1").setPort(node.httpPort()).setURI("/api/v1/live"))
        .toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    socket.textMessageHandler(text -> {
      try {
        received.add(new JsonObject(text));
      } catch (RuntimeException notJson) {
        received.add(new JsonObject().put("type", "not JSON").put("text", text));
      }
    });
    socket.closeHandler(v -> received.add(new JsonObject().put("type", "closed").put("code", socket.closeStatusCode())
        .put("reason", socket.closeReason())));
    Live live = new Live(socket, received);
    if (token != null) {
      socket.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
      assertThat(live.next().getString("type")).isEqualTo("ready");
    }
    return live;
  }

  @Test
  @Order(4)
  void theLiveSocketAnswersEveryBadMessageWithAnErrorOrAClose() throws Exception {
    long from = System.nanoTime();
    io.vertx.core.Vertx client = io.vertx.core.Vertx.vertx();
    List<String> wrong = new ArrayList<>();
    try {
      List<String> messages = new ArrayList<>(List.of("", "not JSON", "{", "null", "42", "[]", "\"auth\"",
          "[".repeat(10_000) + "]".repeat(10_000), "{\"type\":" .repeat(1) + "[".repeat(10_000) + "]".repeat(10_000) + "}",
          "{}", "{\"type\":null}", "{\"type\":42}", "{\"type\":{}}", "{\"type\":\"AUTH\"}", "{\"type\":\"Ñandú\"}",
          "{\"type\":\"'; DROP TABLE care_case; --\"}", "{\"type\":\"ping\",\"extra\":\"\\u0000\"}",
          "{\"type\":\"subscribe\",\"address\":\"paxcare.ops\"}", "{\"type\":\"" + "A".repeat(100_000) + "\"}"));
      List<Object> addresses = new ArrayList<>(List.of(42, true, new JsonObject(), new JsonArray(), "", " ",
          "paxcare.station.mdw", "paxcare.station.Ñ", "paxcare.gate.MDW.😀", "paxcare.crew.WN1234.2026-02-30",
          "paxcare.crew.WN1234.9999-99-99", "__vertx.reply.1", "paxcare.station.MDW\u0000", "paxcare.station.MDW\r\n",
          "${jndi:ldap://x}", "'; DROP TABLE care_case; --", "../../etc/passwd", "A".repeat(100_000)));
      addresses.add(null);
      List<String> afterSignIn = new ArrayList<>();
      for (Object address : addresses) {
        afterSignIn.add(new JsonObject().put("type", "subscribe").put("address", address).encode());
      }
      afterSignIn.add("{\"type\":\"subscribe\"}");
      List<String> tokensToTry = List.of("{\"type\":\"auth\"}", "{\"type\":\"auth\",\"token\":42}",
          "{\"type\":\"auth\",\"token\":null}", "{\"type\":\"auth\",\"token\":\"\"}",
          "{\"type\":\"auth\",\"token\":\"not-a-token\"}", "{\"type\":\"auth\",\"token\":\"" + "A".repeat(50_000) + "\"}",
          "{\"type\":\"auth\",\"token\":\"eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.\"}");
      Live live = null;
      int sent = 0;
      for (int phase = 0; phase < 3; phase++) {
        List<String> list = phase == 0 ? messages : phase == 1 ? afterSignIn : tokensToTry;
        for (String message : list) {
          if (live == null || phase == 2) {
            live = connect(client, phase == 1 ? tokens.get("ops") : null);
          }
          live.socket().writeTextMessage(message);
          live.socket().writeTextMessage("{\"type\":\"ping\"}");
          String outcome = null;
          boolean answered = false;
          int pongs = message.contains("\"ping\"") ? 2 : 1; // a ping that is itself the message is answered too
          for (int i = 0; i < 6 && outcome == null; i++) {
            JsonObject got = live.next();
            switch (got.getString("type")) {
              case "error" -> {
                answered = true;
                Integer status = got.getInteger("status");
                if (status == null || status < 400 || status >= 500 || got.getString("detail") == null) {
                  wrong.add(abbreviate(message) + ": an error without a 4xx status and a detail: " + got);
                }
              }
              case "pong" -> {
                if (--pongs == 0) {
                  outcome = answered ? "error, then pong" : "pong only";
                }
              }
              case "closed" -> {
                Integer code = got.getInteger("code");
                outcome = "closed " + code;
                if (code == null || !(code >= 4000 || code == 1009 || code == 1007 || code == 1003 || code == 1002)) {
                  wrong.add(abbreviate(message) + ": the socket was closed with " + got);
                }
                live = null;
              }
              case "silent" -> {
                outcome = "silent";
                wrong.add(abbreviate(message) + ": no answer within 10 s, not even to the ping after it");
              }
              default -> answered = true; // ready, subscribed
            }
          }
          if (outcome != null && outcome.equals("pong only") && phase == 0 && !message.contains("ping")) {
            wrong.add(abbreviate(message) + ": a bad message was ignored without an error");
          }
          sent++;
          Tally.ALL.count("WebSocket /api/v1/live", List.of("message", "subscribe", "auth").get(phase),
              outcome == null ? "unanswered" : outcome);
        }
      }
      // The node still serves a well-behaved screen afterwards.
      Live fine = connect(client, tokens.get("gate"));
      fine.socket().writeTextMessage(new JsonObject().put("type", "subscribe").put("address", "paxcare.station.MDW")
          .encode());
      assertThat(fine.next().getString("type")).isEqualTo("subscribed");
      assertThat(sent).isGreaterThan(40);
    } finally {
      client.close();
    }
    wrong.forEach(w -> Tally.ALL.finding("WebSocket /api/v1/live <- " + w));
    Tally.ALL.took("WebSocket", (System.nanoTime() - from) / 1_000_000);
    assertThat(wrong).as("live socket answers").isEmpty();
  }
  // ------------------------------------------------------------------------------------------------------------
  // What the campaign found, kept as plain regression cases: each must stay a 4xx problem naming its field.

  @Test
  @Order(5)
  void whatTheCampaignFoundStaysFixed() {
    String fuzzDate = fuzzFlight.getString("date");
    String status = "/api/v1/feed/flights/WN7001/" + fuzzDate + "/MDW/status";
    String json = "application/json";
    JsonObject peggy = story.peggy();
    peggy.getJsonArray("passengers").getJsonObject(0).put("email", "peggy\u0085@example.com");
    Object[][] cases = {
        {"POST", "/api/v1/feed/flights", json, new JsonArray().add(fuzzFlight.copy().put("date", "-999999999-01-01"))
            .encode(), 400, "[0].date"},
        {"POST", status, json, "{\"status\":\"SCHEDULED\",\"departure\":\"+294277-01-01T00:00:00Z\"}", 400, "departure"},
        {"POST", status, json, "{\"status\":\"SCHEDULED\",\"departure\":\"-4714-11-23T00:00:00Z\"}", 400, "departure"},
        {"POST", "/api/v1/feed/flights/WN7001/-999999999-01-01/MDW/status", json, "{\"status\":\"SCHEDULED\"}", 400,
            "date"},
        {"POST", "/api/v1/feed/bsm", "text/plain", fuzzBag().replace(".E/PRIO", ".X/\u0000"), 400, "line 9"},
        {"POST", "/api/v1/feed/bookings", json, new JsonArray().add(peggy).encode(), 400, "[0].passengers[0].email"},
        {"POST", "/api/v1/events", json, "", 400, "(body)"},
        {"POST", "/api/v1/events", json, Story.familyEmergency().put("note", "x\uD83D").encode(), 400, "note"},
        {"GET", "/api/v1/cases?pad=" + "A".repeat(10_000), null, null, 414, "(request line)"},
        {"GET", "/api/v1/live", null, null, 426, "Upgrade"}};
    List<String> wrong = new ArrayList<>();
    for (Object[] c : cases) {
      Mutant mutant = Mutant.body("regression", (String) c[1], (String) c[5], (String) c[2], (String) c[3], REJECT,
          null);
      RawHttp.Answer answer = raw.send((String) c[0], (String) c[1], Http.TEST_ADMIN_KEY, mutant.contentType(),
          mutant.body(), null, null);
      checkRegression(c[0] + " " + abbreviate((String) c[1]), answer, (int) c[4], (String) c[5], wrong);
    }
    byte[] overlong = "{\"outcome\":\"\u00C0\u00AF\"}".getBytes(StandardCharsets.ISO_8859_1);
    checkRegression("overlong UTF-8", raw.send("POST", "/api/v1/followups/" + followUpId + "/complete",
        tokens.get("care"), json, overlong, null, null), 400, "(body)", wrong);
    checkRegression("a 20,000-character token", raw.send("GET", "/api/v1/cases", null, null, null, "Authorization",
        "Bearer " + "A".repeat(20_000)), 431, "(headers)", wrong);
    var parsed = BsmParser.parse("BSM\n.V/1LMDW\n.F/WN7001/05FEB/DEN\n.N/0526200001001\n.S/N\u0000\nENDBSM",
        LocalDate.of(2026, 1, 20));
    assertThat(parsed.rejections()).extracting(r -> r.line()).containsExactly(5);
    assertThat(wrong).isEmpty();
  }

  private static void checkRegression(String what, RawHttp.Answer answer, int status, String field,
      List<String> wrong) {
    Tally.ALL.count("regression cases", "regression", Integer.toString(answer.status()));
    boolean right = answer.status() == status && answer.contentType().startsWith("application/problem+json")
        && new JsonObject(answer.body()).getJsonArray("errors", new JsonArray()).stream()
            .anyMatch(e -> field.equals(((JsonObject) e).getString("field")));
    if (!right) {
      wrong.add(what + ": expected " + status + " naming " + field + ", got " + answer.status() + " "
          + abbreviate(answer.body()));
    }
  }
}
