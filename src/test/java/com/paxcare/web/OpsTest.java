package com.paxcare.web;

import com.paxcare.PaxCareNode;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees: liveness, readiness with its checks, Prometheus metrics, and problem answers. */
class OpsTest {
  private static PaxCareNode node;
  private static Http http;

  @BeforeAll
  static void start() {
    node = TestNodes.single(TestDatabase.fresh());
    http = new Http(node.httpPort());
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void liveAndReadyWithDatabaseAndClusterChecked() {
    assertThat(http.get("/health/live").json().getString("status")).isEqualTo("UP");
    var ready = http.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    JsonObject body = ready.json();
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("id")))
        .containsExactlyInAnyOrder("database", "cluster", "accepting-requests");
  }

  @Test
  void metricsCoverHttpEventBusPoolAndJvm() {
    http.get("/api/v1/bookings/NOSUCH"); // at least one request has been measured
    node.vertx().eventBus().<String>consumer("paxcare.test.metrics", message -> message.reply("pong"));
    // Wait for a real round trip, so the event-bus meters exist before the scrape.
    node.vertx().eventBus().request("paxcare.test.metrics", "ping")
        .toCompletionStage().toCompletableFuture().join();
    var metrics = http.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("vertx_http_server_requests_total")
        .contains("vertx_eventbus_")
        .contains("vertx_pool_")
        .contains("jvm_memory_used_bytes")
        .contains("node=\"solo\"");
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    var missing = http.get("/api/v1/nothing-here");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(missing.json().getString("instance")).isEqualTo("/api/v1/nothing-here");

    var wrongMethod = http.post("/api/v1/bookings/K7Q2ZB", "application/json", "{}");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aBodyOverTheLimitIsRefused() {
    String huge = "[" + "0,".repeat((int) (HttpApi.MAX_BODY_BYTES / 2)) + "0]";
    var answer = http.post("/api/v1/feed/flights", "application/json", huge);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }
}
