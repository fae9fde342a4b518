package com.paxcare.cluster;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;
import com.paxcare.testing.ChildNode;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real clustered nodes over Hazelcast on loopback: messages cross nodes, and a dead node is noticed in seconds. */
class ClusterTest {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterTest.class);

  private final String clusterName = "cluster-test-" + UUID.randomUUID();
  private final Database database = TestDatabase.fresh();
  private final int portA = TestNodes.freePort();
  private final int portB = TestNodes.freePort();
  private final String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
  private PaxCareNode nodeA;
  private PaxCareNode nodeB;

  @AfterEach
  void stopNodes() {
    TestNodes.stop(nodeA);
    TestNodes.stop(nodeB);
  }

  private PaxCareNode inProcess(String name, int port) {
    return TestNodes.start(Config.from(TestNodes.environment(clusterName, name, port, members, Map.of())), database);
  }

  private Map<String, String> childEnvironment(String name, int port) {
    return TestNodes.environment(clusterName, name, port, members, Map.of(
        "PAXCARE_PG_URL", database.jdbcUrl(), "PAXCARE_PG_USER", "postgres", "PAXCARE_PG_PASSWORD", "postgres",
        "PAXCARE_SHUTDOWN_GRACE_SECONDS", "5"));
  }

  @Test
  void aMessageSentOnOneNodeReachesAConsumerOnTheOther() throws Exception {
    nodeA = inProcess("node-a", portA);
    nodeB = inProcess("node-b", portB);
    assertThat(nodeA.clusterManager().getNodes()).hasSize(2);
    nodeB.vertx().eventBus().<JsonObject>consumer("paxcare.test.gate-alert",
        message -> message.reply(new JsonObject().put("seenBy", nodeB.nodeName())
            .put("pnr", message.body().getString("pnr"))));

    // A registration may take a moment to be visible on other nodes (a known Vert.x cluster behaviour):
    // retry until the consumer on B answers.
    JsonObject reply = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (reply == null && System.nanoTime() < deadline) {
      try {
        reply = nodeA.vertx().eventBus()
            .<JsonObject>request("paxcare.test.gate-alert", new JsonObject().put("pnr", "K7Q2ZB"),
                new DeliveryOptions().setSendTimeout(1_000))
            .toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS).body();
      } catch (Exception notYetVisible) {
        Thread.sleep(100);
      }
    }
    assertThat(reply).isEqualTo(new JsonObject().put("seenBy", "node-b").put("pnr", "K7Q2ZB"));
  }

  @Test
  void aKilledNodeIsNoticedWithinSecondsAndAStoppedOneLeavesAtOnce() throws Exception {
    nodeA = inProcess("node-a", portA);
    try (ChildNode child = ChildNode.start(childEnvironment("node-b", portB))) {
      child.awaitReady(Duration.ofSeconds(90));
      JsonObject ready = new Http(child.httpPort).get("/health/ready").json();
      assertThat(ready.getString("status")).isEqualTo("UP");
      assertThat(nodeA.clusterManager().getNodes()).hasSize(2);
      assertThat(child.output()).contains("[node-b]");

      long killedAt = System.nanoTime();
      child.process.destroyForcibly(); // SIGKILL: no goodbye to the cluster
      double noticedAfter = secondsUntilAlone(nodeA, killedAt, 30);
      LOG.info("Killed member noticed after {} s", noticedAfter);
      assertThat(noticedAfter).as("seconds until the killed member was removed").isLessThan(15);
    }

    try (ChildNode child = ChildNode.start(childEnvironment("node-c", portB))) {
      child.awaitReady(Duration.ofSeconds(90));
      assertThat(nodeA.clusterManager().getNodes()).hasSize(2);
      long stoppedAt = System.nanoTime();
      child.process.destroy(); // SIGTERM: graceful
      assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      double leftAfter = secondsUntilAlone(nodeA, stoppedAt, 30);
      LOG.info("Stopped member left after {} s", leftAfter);
      assertThat(child.output()).contains("Stopping: draining HTTP requests", "Stopped: left the cluster");
      assertThat(leftAfter).isLessThan(5);
    }
  }

  private static double secondsUntilAlone(PaxCareNode node, long since, int timeoutSeconds) throws InterruptedException {
    long deadline = since + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (node.clusterManager().getNodes().size() > 1 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(node.clusterManager().getNodes()).hasSize(1);
    return (System.nanoTime() - since) / 1e9;
  }
}
