package com.paxcare.access;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.testing.FromAddress;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessers, with 5 attempts a minute: one client trying many accounts is held back by its address; many clients
 * (other loopback addresses) trying one account or one booking are held back by that account or booking. Each
 * refusal is a 429 problem with Retry-After; the account's owner signing in successfully is never counted.
 */
class GuessingTest {
  private static final Story story = new Story();
  private static PaxCareNode node;
  private static FromAddress clients;

  @BeforeAll
  static void start() {
    int port = TestNodes.freePort();
    node = TestNodes.start(Config.from(TestNodes.environment("guess-" + UUID.randomUUID(), "solo", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_SIGNINS_PER_MINUTE", "5"))), TestDatabase.fresh());
    Http admin = new Http(node.httpPort());
    assertThat(admin.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    assertThat(admin.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy())).status()).isEqualTo(200);
    for (String user : new String[] {"victim", "bystander", "busy.owner"}) {
      assertThat(admin.postJson("/api/v1/users", new JsonObject().put("username", user).put("role", "care")
          .put("password", "the right password")).status()).isEqualTo(201);
    }
    clients = new FromAddress(node.httpPort());
  }

  @AfterAll
  static void stop() {
    clients.close();
    TestNodes.stop(node);
  }

  private static FromAddress.Answer login(String address, String username, String password) {
    return clients.postJson(address, "/api/v1/auth/login", new JsonObject().put("username", username)
        .put("password", password));
  }

  private static void assertTooMany(FromAddress.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(429);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 60L);
  }

  @Test
  void aPasswordGuessedFromManyAddressesIsHeldBackByItsAccount() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("127.0.1." + (i + 1), "victim", "guess " + i).status()).isEqualTo(401);
    }
    assertTooMany(login("127.0.1.6", "victim", "guess 5"));
    // The right password waits too now (else the guesser would learn it), but other accounts do not.
    assertTooMany(login("127.0.1.7", "victim", "the right password"));
    assertThat(login("127.0.1.8", "bystander", "the right password").status()).isEqualTo(200);
  }

  @Test
  void aSurnameGuessedFromManyAddressesIsHeldBackByItsBooking() {
    for (int i = 0; i < 5; i++) {
      assertThat(clients.postJson("127.0.2." + (i + 1), "/api/v1/auth/passenger", new JsonObject()
          .put("pnr", "K7Q2ZB").put("lastName", "GUESS" + "ABCDE".charAt(i))).status()).isEqualTo(401);
    }
    assertTooMany(clients.postJson("127.0.2.6", "/api/v1/auth/passenger", new JsonObject()
        .put("pnr", "K7Q2ZB").put("lastName", "UHLE")));
    // Another booking, from another address, is looked up as usual (no such booking: 401).
    assertThat(clients.postJson("127.0.2.7", "/api/v1/auth/passenger", new JsonObject()
        .put("pnr", "ZZ9QQQ").put("lastName", "UHLE")).status()).isEqualTo(401);
  }

  @Test
  void oneAddressTryingManyAccountsIsHeldBackByItsAddress() {
    for (int i = 0; i < 5; i++) {
      assertThat(login("127.0.3.1", "nobody" + i, "a guess").status()).isEqualTo(401);
    }
    assertTooMany(login("127.0.3.1", "nobody5", "a guess"));
    // The passenger look-up shares the address's budget: the same guesser cannot switch to it.
    assertTooMany(clients.postJson("127.0.3.1", "/api/v1/auth/passenger", new JsonObject()
        .put("pnr", "K7Q2ZB").put("lastName", "UHLE")));
    assertThat(login("127.0.3.2", "nobody6", "a guess").status()).isEqualTo(401);
  }

  @Test
  void anOwnerSigningInOnManyDevicesIsNeverCounted() {
    for (int i = 0; i < 8; i++) {
      assertThat(login("127.0.4." + (i + 1), "busy.owner", "the right password").status()).isEqualTo(200);
    }
  }
}
