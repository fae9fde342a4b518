package com.paxcare.access;

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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in, the admin's users, slow hashes at rest, the token secret, and the sign-in rate limit. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInTest {
  private static final Story story = new Story();
  @TempDir
  static Path dataDir;
  private static Database database;
  private static PaxCareNode node;
  private static Http http;

  @BeforeAll
  static void start() {
    int port = TestNodes.freePort();
    Map<String, String> env = new java.util.HashMap<>(TestNodes.environment("signin-" + UUID.randomUUID(), "solo",
        port, "127.0.0.1:" + port, Map.of()));
    env.remove("PAXCARE_JWT_SECRET"); // this node keeps its own in the data directory
    env.put("PAXCARE_DATA_DIR", dataDir.toString());
    env.put("PAXCARE_ADMIN_PASSWORD", "first-admin-password");
    env.put("PAXCARE_SIGNINS_PER_MINUTE", "8");
    database = TestDatabase.fresh();
    node = TestNodes.start(Config.from(env), database);
    http = new Http(node.httpPort());
    assertThat(http.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy())).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void theConfiguredAdminSignsInCreatesAGateAgentWhoseTokenCarriesTheStation() throws Exception {
    Http admin = http.signIn("admin", "first-admin-password");
    assertThat(admin.get("/api/v1/auth/me").json().getString("role")).isEqualTo("admin");

    var created = admin.postJson("/api/v1/users", new JsonObject().put("username", "maria.gate")
        .put("password", "long enough secret").put("role", "gate").put("station", "MDW"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("station")).isEqualTo("MDW");
    assertThat(admin.postJson("/api/v1/users", new JsonObject().put("username", "maria.gate")
        .put("password", "long enough secret").put("role", "gate").put("station", "MDW")).status()).isEqualTo(409);

    JsonObject me = http.signIn("maria.gate", "long enough secret").get("/api/v1/auth/me").json();
    assertThat(me.getString("role")).isEqualTo("gate");
    assertThat(me.getString("station")).isEqualTo("MDW");

    // At rest only an Argon2id hash; the token secret was generated once and kept in the data directory.
    try (var connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
         var rows = connection.createStatement().executeQuery(
             "SELECT password_hash FROM app_user WHERE username = 'maria.gate'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).startsWith("$argon2id$").doesNotContain("long enough secret");
    }
    assertThat(Files.readString(dataDir.resolve("jwt-secret")).trim()).hasSizeGreaterThanOrEqualTo(60);
  }

  @Test
  void aUserMustComeWithTheScopeOfItsRoleAndAStrongEnoughPassword() {
    var noStation = http.postJson("/api/v1/users", new JsonObject().put("username", "gate.nowhere")
        .put("password", "long enough secret").put("role", "gate"));
    assertThat(noStation.status()).isEqualTo(400);
    assertThat(noStation.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("station");

    var crewWithoutDate = http.postJson("/api/v1/users", new JsonObject().put("username", "crew.x")
        .put("password", "long enough secret").put("role", "crew").put("flight", "WN1234"));
    assertThat(crewWithoutDate.status()).isEqualTo(400);
    assertThat(crewWithoutDate.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("date");

    var weak = http.postJson("/api/v1/users", new JsonObject().put("username", "ops.weak")
        .put("password", "short").put("role", "ops"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");
  }

  @Test
  @Order(Integer.MAX_VALUE) // it spends this client's sign-in budget
  void wrongPasswordsAndGuessedBookingsAreRefusedThenRateLimited() {
    Http anonymous = http.as(null);
    var wrong = anonymous.postJson("/api/v1/auth/login", new JsonObject().put("username", "admin")
        .put("password", "not the password"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.contentType()).startsWith("application/problem+json");

    var guessed = anonymous.postJson("/api/v1/auth/passenger", new JsonObject().put("pnr", "K7Q2ZB")
        .put("lastName", "SMITH"));
    assertThat(guessed.status()).isEqualTo(401);
    assertThat(guessed.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("lastName");

    // The bucket holds 8 attempts a minute per client; other tests of this class used some. Keep guessing.
    int status = 0;
    String retryAfter = null;
    for (int i = 0; i < 12 && status != 429; i++) {
      var answer = anonymous.postJson("/api/v1/auth/passenger", new JsonObject().put("pnr", "K7Q2ZB")
          .put("lastName", "GUESS"));
      status = answer.status();
    }
    assertThat(status).isEqualTo(429);
    // Even the right surname waits now: the limit is on the client, not on the answer.
    var right = anonymous.postJson("/api/v1/auth/passenger", new JsonObject().put("pnr", "K7Q2ZB")
        .put("lastName", "UHLE"));
    assertThat(right.status()).isEqualTo(429);
    assertThat(right.contentType()).startsWith("application/problem+json");
  }

  @Test
  void noTokenOrABadOneIsA401NamingTheAuthorizationHeader() {
    var none = http.as(null).get("/api/v1/cases");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("Authorization");
    assertThat(http.as("not-a-token").get("/api/v1/cases").status()).isEqualTo(401);
    // The screens and the health checks need no token.
    var screen = http.as(null).get("/");
    assertThat(screen.status()).isEqualTo(200);
    assertThat(screen.contentType()).startsWith("text/html");
    assertThat(http.as(null).get("/health/live").status()).isEqualTo(200);
  }
}
