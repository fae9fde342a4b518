package com.paxcare.access;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live socket across a two-node cluster: a gate tablet connected to node B hears the alert of an event
 * reported to node A, and nobody hears what is not theirs.
 */
class LiveSocketTest {
  private static final Story story = new Story();
  private static final Vertx client = Vertx.vertx();
  private static PaxCareNode nodeA;
  private static PaxCareNode nodeB;
  private static Http httpA;
  private static Http httpB;

  @BeforeAll
  static void start() {
    Database database = TestDatabase.fresh();
    String cluster = "live-" + UUID.randomUUID();
    int portA = TestNodes.freePort();
    int portB = TestNodes.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    nodeA = TestNodes.start(Config.from(TestNodes.environment(cluster, "a", portA, members, Map.of())), database);
    nodeB = TestNodes.start(Config.from(TestNodes.environment(cluster, "b", portB, members, Map.of())), database);
    httpA = new Http(nodeA.httpPort());
    httpB = new Http(nodeB.httpPort());
    assertThat(httpA.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    assertThat(httpA.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy())).status()).isEqualTo(200);
    for (JsonObject user : new JsonObject[] {
        new JsonObject().put("username", "gate.mdw").put("role", "gate").put("station", "MDW"),
        new JsonObject().put("username", "gate.den").put("role", "gate").put("station", "DEN"),
        new JsonObject().put("username", "crew.wn1234").put("role", "crew").put("flight", "WN1234")
            .put("date", story.taxiing.getString("date"))}) {
      assertThat(httpA.postJson("/api/v1/users", user.put("password", "tablet password")).status()).isEqualTo(201);
    }
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(nodeB);
    TestNodes.stop(nodeA);
    client.close();
  }

  /** A socket to a node, signed in, with what it receives queued. */
  private record Live(WebSocket socket, BlockingQueue<JsonObject> received) {
    JsonObject next() throws InterruptedException {
      JsonObject message = received.poll(10, TimeUnit.SECONDS);
      assertThat(message).as("a message within 10 s").isNotNull();
      return message;
    }

    JsonObject send(JsonObject message) throws InterruptedException {
      socket.writeTextMessage(message.encode());
      return next();
    }
  }

  private static Live connect(PaxCareNode node, String token) throws Exception {
    WebSocketClient sockets = client.createWebSocketClient();
    BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    WebSocket socket = sockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.httpPort())
        .setURI("/api/v1/live")).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    socket.textMessageHandler(text -> received.add(new JsonObject(text)));
    socket.closeHandler(v -> received.add(new JsonObject().put("type", "closed").put("code", socket.closeStatusCode())));
    Live live = new Live(socket, received);
    if (token != null) {
      assertThat(live.send(new JsonObject().put("type", "auth").put("token", token)).getString("type"))
          .isEqualTo("ready");
    }
    return live;
  }

  private static String token(Http http, String username) {
    return http.as(null).postJson("/api/v1/auth/login", new JsonObject().put("username", username)
        .put("password", "tablet password")).json().getString("token");
  }

  @Test
  void aTabletOnNodeBHearsTheAlertOfAnEventReportedToNodeA() throws Exception {
    Live tablet = connect(nodeB, token(httpB, "gate.mdw"));
    JsonObject subscribed = tablet.send(new JsonObject().put("type", "subscribe").put("address", "paxcare.station.MDW"));
    assertThat(subscribed.getString("type")).isEqualTo("subscribed");
    Live crew = connect(nodeB, token(httpB, "crew.wn1234"));
    String crewAddress = "paxcare.crew.WN1234." + story.taxiing.getString("date");
    assertThat(crew.send(new JsonObject().put("type", "subscribe").put("address", crewAddress)).getString("type"))
        .isEqualTo("subscribed");
    Thread.sleep(500); // a new subscription may take a moment to be visible cluster-wide (see STACK-NOTES)

    var reported = httpA.postJson("/api/v1/events", Story.familyEmergency());
    assertThat(reported.status()).isEqualTo(201);

    JsonObject pushed = tablet.next();
    assertThat(pushed.getString("type")).isEqualTo("message");
    assertThat(pushed.getString("address")).isEqualTo("paxcare.station.MDW");
    JsonObject alert = pushed.getJsonObject("body");
    assertThat(alert.getString("kind")).isEqualTo("RECALL");
    assertThat(alert.getString("caseId")).isEqualTo(reported.json().getString("id"));
    assertThat(alert.getBoolean("acknowledged")).isFalse();

    JsonObject toCrew = crew.next();
    assertThat(toCrew.getString("address")).isEqualTo(crewAddress);
    assertThat(toCrew.getJsonObject("body").getString("text")).startsWith("PAX RECALL UHLE/PEGGY");
    tablet.socket().close();
    crew.socket().close();
  }

  @Test
  void aSocketClosesWhenItsSignInExpires() throws Exception {
    // A token like the node's own, signed with the test nodes' secret, valid for two seconds only.
    var jwt = io.vertx.ext.auth.jwt.JWTAuth.create(client, new io.vertx.ext.auth.jwt.JWTAuthOptions()
        .addPubSecKey(new io.vertx.ext.auth.PubSecKeyOptions().setAlgorithm("HS256")
            .setBuffer("test-secret-of-at-least-thirty-two-characters")));
    String shortLived = jwt.generateToken(Principal.gateAgent("gate.mdw", "MDW").claims(),
        new io.vertx.ext.auth.JWTOptions().setIssuer("paxcare").setExpiresInSeconds(2));
    Live tablet = connect(nodeA, shortLived);
    JsonObject closed = tablet.next();
    assertThat(closed.getString("type")).isEqualTo("closed");
    assertThat(closed.getInteger("code")).isEqualTo(4401);
  }

  @Test
  void nobodyListensToWhatIsNotTheirs() throws Exception {
    Live otherStation = connect(nodeB, token(httpB, "gate.den"));
    JsonObject refused = otherStation.send(new JsonObject().put("type", "subscribe").put("address", "paxcare.station.MDW"));
    assertThat(refused.getString("type")).isEqualTo("error");
    assertThat(refused.getInteger("status")).isEqualTo(403);
    assertThat(otherStation.send(new JsonObject().put("type", "subscribe").put("address", "paxcare.ops.escalations"))
        .getInteger("status")).isEqualTo(403);
    assertThat(otherStation.send(new JsonObject().put("type", "subscribe").put("address", "paxcare.steps.wake"))
        .getInteger("status")).isEqualTo(403);
    otherStation.socket().close();

    Live anonymous = connect(nodeA, null);
    JsonObject beforeSignIn = anonymous.send(new JsonObject().put("type", "subscribe")
        .put("address", "paxcare.station.MDW"));
    assertThat(beforeSignIn.getInteger("status")).isEqualTo(401);
    JsonObject closed = anonymous.send(new JsonObject().put("type", "auth").put("token", "forged"));
    assertThat(closed.getString("type")).isEqualTo("closed");
    assertThat(closed.getInteger("code")).isEqualTo(4401);
  }
}
