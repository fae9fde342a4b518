package com.paxcare.access;

import com.paxcare.PaxCareNode;
import com.paxcare.testing.FromAddress;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that must not get in: expired, forged (payload changed, signature kept), signed with another key,
 * {@code alg: none}, of another issuer, naming no role, and malformed Authorization headers. Each is a 401 problem
 * on HTTP and closes the live socket with 4401; a good token gets in both ways.
 */
class TokenRefusalTest {
  /** The tests' nodes sign with this (TestNodes). */
  private static final String NODE_SECRET = "test-secret-of-at-least-thirty-two-characters";
  private static final String OTHER_SECRET = "another-secret-of-at-least-thirty-two-chars";
  private static final Vertx client = Vertx.vertx();
  private static PaxCareNode node;
  private static FromAddress http;
  private static String goodToken;

  @BeforeAll
  static void start() {
    node = TestNodes.single(TestDatabase.fresh());
    Http admin = new Http(node.httpPort());
    assertThat(admin.postJson("/api/v1/users", new JsonObject().put("username", "gina.gate").put("role", "gate")
        .put("station", "MDW").put("password", "token test password")).status()).isEqualTo(201);
    goodToken = admin.as(null).postJson("/api/v1/auth/login", new JsonObject().put("username", "gina.gate")
        .put("password", "token test password")).json().getString("token");
    http = new FromAddress(node.httpPort());
  }

  @AfterAll
  static void stop() {
    http.close();
    TestNodes.stop(node);
    client.close();
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String hs256(String header, JsonObject claims, String secret) throws Exception {
    String signingInput = b64(header) + "." + b64(claims.encode());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonObject adminClaims(long expiresAt) {
    return new JsonObject().put("sub", "mallory").put("role", "admin").put("iss", "paxcare")
        .put("iat", Instant.now().getEpochSecond() - 60).put("exp", expiresAt);
  }

  /** Bad Authorization header values, by what is wrong with them. */
  private static Map<String, String> badHeaders() throws Exception {
    String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    long inAnHour = Instant.now().getEpochSecond() + 3600;
    Map<String, String> bad = new LinkedHashMap<>();
    // Our key, our issuer, but two hours old (beyond the 30 s leeway).
    bad.put("expired", "Bearer " + hs256(header, adminClaims(Instant.now().getEpochSecond() - 7200), NODE_SECRET));
    // A real gate agent's token whose payload was changed to admin; the signature is the real one.
    String[] parts = goodToken.split("\\.");
    JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    bad.put("forged", "Bearer " + parts[0] + "." + b64(claims.put("role", "admin").encode()) + "." + parts[2]);
    bad.put("another key", "Bearer " + hs256(header, adminClaims(inAnHour), OTHER_SECRET));
    bad.put("alg none", "Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(adminClaims(inAnHour)
        .encode()) + ".");
    bad.put("alg none, signature kept", "Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."
        + parts[2]);
    bad.put("another issuer", "Bearer " + hs256(header, adminClaims(inAnHour).put("iss", "elsewhere"), NODE_SECRET));
    bad.put("no role", "Bearer " + hs256(header, adminClaims(inAnHour).put("role", "superuser"), NODE_SECRET));
    bad.put("gate agent without a station", "Bearer " + hs256(header, adminClaims(inAnHour).put("role", "gate"),
        NODE_SECRET));
    bad.put("not a JWT", "Bearer not-a-token");
    bad.put("two parts", "Bearer " + parts[0] + "." + parts[1]);
    bad.put("not base64", "Bearer %%%.***.$$$");
    bad.put("empty bearer", "Bearer ");
    bad.put("bearer alone", "Bearer");
    bad.put("another scheme", "Basic " + Base64.getEncoder().encodeToString("admin:paxcare".getBytes()));
    bad.put("token without scheme", goodToken);
    return bad;
  }

  @Test
  void everyBadTokenIsA401ProblemOnHttp() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (var bad : badHeaders().entrySet()) {
      var answer = http.get("/api/v1/auth/me", bad.getValue());
      if (answer.status() != 401 || !answer.header("Content-Type").startsWith("application/problem+json")
          || answer.header("WWW-Authenticate") == null
          || !"Authorization".equals(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))) {
        wrong.add(bad.getKey() + ": " + answer.status() + " " + answer.body());
      }
    }
    assertThat(wrong).as("bad tokens let in or answered otherwise").isEmpty();
    // The good one gets in, as who it names.
    var me = http.get("/api/v1/auth/me", "Bearer " + goodToken);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("username")).isEqualTo("gina.gate");
  }

  @Test
  void everyBadTokenClosesTheLiveSocketWith4401() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (var bad : badHeaders().entrySet()) {
      String value = bad.getValue();
      String token = value.startsWith("Bearer") ? value.substring(6).trim() : value;
      if (bad.getKey().equals("token without scheme")) {
        continue; // the socket takes the bare token: that one is the good token
      }
      JsonObject answer = liveSignIn(token);
      if (!"closed".equals(answer.getString("type")) || answer.getInteger("code") != 4401) {
        wrong.add(bad.getKey() + ": " + answer.encode());
      }
    }
    assertThat(wrong).as("bad tokens let onto the live socket").isEmpty();
    assertThat(liveSignIn(goodToken).getString("type")).isEqualTo("ready");
  }

  /** Opens the live socket, signs in with the token, and answers the first thing that happens. */
  private static JsonObject liveSignIn(String token) throws Exception {
    WebSocketClient sockets = client.createWebSocketClient();
    BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    WebSocket socket = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.httpPort())
        .setURI("/api/v1/live")).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    socket.textMessageHandler(text -> received.add(new JsonObject(text)));
    socket.closeHandler(v -> received.add(new JsonObject().put("type", "closed").put("code", socket.closeStatusCode())));
    socket.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
    JsonObject first = received.poll(10, TimeUnit.SECONDS);
    assertThat(first).as("an answer to the sign-in within 10 s").isNotNull();
    if (!socket.isClosed()) {
      socket.close();
    }
    sockets.close();
    return first;
  }
}
