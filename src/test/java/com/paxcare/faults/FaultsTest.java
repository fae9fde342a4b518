package com.paxcare.faults;

import com.paxcare.testing.ChildNode;
import com.paxcare.testing.Crowd;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never lose a case: three PaxCare JVMs on loopback over one PostgreSQL, under a steady stream of urgent events
 * (six a second, each retried by its client on a refusal, with its Idempotency-Key) and a flight cancellation in
 * every round, while something breaks: a node killed with {@code kill -9}; nodes restarted; PostgreSQL stopped for
 * 10 s; every byte to and from the database held back 25 ms. After each round the suite checks, in PostgreSQL,
 * that every accepted event has its case, that nothing was applied twice, that no seat is oversold and no waived
 * change charged, that the surviving nodes finished every case's due work, and that a gate tablet whose node died
 * reconnected and knows every alert. The figures go to {@code target/reliability/faults.md}.
 * (The network partition, which needs addresses of its own, is {@link PartitionTest}.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {
  private static final int RATE = 6;
  private static final int EVENTS_PER_ROUND = 70;
  private static final String[] NAMES = {"node-a", "node-b", "node-c"};

  private static FaultDatabase db;
  private static LatencyProxy proxy;
  private static final ChildNode[] nodes = new ChildNode[3];
  private static final Map<String, String>[] environments = newEnvironments();
  private static final Crowd crowd = new Crowd();
  private static final List<JsonObject> passengers = new ArrayList<>();
  private static final List<JsonObject> toCancel = new ArrayList<>();
  private static Tablet tablet;
  private static int nextPassenger;
  /** The node killed in the first round (the tablet's), started again in the second. */
  private static int victim;
  private static final Map<String, Map<String, Object>> report = new LinkedHashMap<>();

  @SuppressWarnings("unchecked")
  private static Map<String, String>[] newEnvironments() {
    return new Map[3];
  }

  @BeforeAll
  static void start() throws Exception {
    db = new FaultDatabase("localhost", null);
    proxy = new LatencyProxy(db.port());
    String cluster = "faults-" + UUID.randomUUID();
    int[] clusterPorts = {TestNodes.freePort(), TestNodes.freePort(), TestNodes.freePort()};
    String members = "127.0.0.1:" + clusterPorts[0] + ",127.0.0.1:" + clusterPorts[1] + ",127.0.0.1:" + clusterPorts[2];
    for (int i = 0; i < 3; i++) {
      environments[i] = TestNodes.environment(cluster, NAMES[i], clusterPorts[i], members, Map.of(
          "PAXCARE_PG_URL", FaultDatabase.url("127.0.0.1", proxy.port()), "PAXCARE_PG_USER", "postgres",
          "PAXCARE_PG_PASSWORD", "postgres", "PAXCARE_DISRUPTION_BATCH", "40"));
      nodes[i] = ChildNode.start(environments[i]);
    }
    for (ChildNode node : nodes) {
      node.awaitReady(Duration.ofSeconds(120));
    }
    // Six flights boarding at Midway, their passengers checked in (recalls raise gate alerts); four to cancel, one
    // a round; plenty of later seats to Denver.
    List<String> boardingPnrs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      JsonObject boarding = crowd.toDenver("FT" + (100 + i), 0.5, 120).put("status", "BOARDING");
      boardingPnrs.addAll(crowd.book(boarding, 100, null));
    }
    crowd.checkIn(boardingPnrs);
    passengers.addAll(crowd.namedPassengers(booking -> boardingPnrs.contains(booking.getString("pnr"))));
    for (int i = 0; i < 4; i++) {
      JsonObject flight = crowd.toDenver("FT" + (200 + i), 4, 80);
      crowd.book(flight, 80, null);
      toCancel.add(flight);
    }
    for (int i = 0; i < 8; i++) {
      crowd.toDenver("FT" + (300 + i), 6 + i, 200);
    }
    crowd.feed(nodes[0].http());
    Http admin = nodes[0].http();
    Http.Answer created = admin.postJson("/api/v1/users", new JsonObject().put("username", "gate.mdw")
        .put("password", "gate agent password").put("role", "gate").put("station", "MDW"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String token = admin.as(null).postJson("/api/v1/auth/login", new JsonObject().put("username", "gate.mdw")
        .put("password", "gate agent password")).json().getString("token");
    tablet = new Tablet(FaultsTest::liveNodes, token, "MDW");
    System.out.println("Fault suite: " + passengers.size() + " passengers for urgent events, 3 nodes up");
  }

  @AfterAll
  static void stop() throws Exception {
    if (tablet != null) {
      tablet.close();
    }
    for (ChildNode node : nodes) {
      if (node != null) {
        node.process.destroy();
      }
    }
    for (ChildNode node : nodes) {
      if (node != null) {
        node.process.waitFor(30, TimeUnit.SECONDS);
        node.close();
      }
    }
    writeReport();
    if (proxy != null) {
      proxy.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  @Order(1)
  void aNodeKilledMidWork() throws Exception {
    round("kill -9 of a node mid-work (the one the gate tablet is connected to)", figures -> {
      victim = 1;
      for (int i = 0; i < nodes.length; i++) {
        if (nodes[i].baseUrl().equals(tablet.node())) {
          victim = i;
        }
      }
      ChildNode dying = nodes[victim];
      long killedAt = System.nanoTime();
      dying.process.destroyForcibly();
      dying.process.waitFor(10, TimeUnit.SECONDS);
      nodes[victim] = null;
      figures.put("member removed by the others after (ms)", untilMembers(nodes[(victim + 1) % 3], 2, killedAt));
      return killedAt;
    });
  }

  @Test
  @Order(2)
  void nodesRestarted() throws Exception {
    round("a node restarted (the killed one back; another stopped with SIGTERM and started again)", figures -> {
      long startedAt = System.nanoTime();
      nodes[victim] = ChildNode.start(environments[victim]);
      nodes[victim].awaitReady(Duration.ofSeconds(120));
      figures.put("killed node back and ready after (ms)", (System.nanoTime() - startedAt) / 1_000_000);
      int other = (victim + 1) % 3;
      ChildNode leaving = nodes[other];
      nodes[other] = null;
      long stoppedAt = System.nanoTime();
      leaving.process.destroy();
      assertThat(leaving.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      figures.put("graceful stop took (ms)", (System.nanoTime() - stoppedAt) / 1_000_000);
      long restartedAt = System.nanoTime();
      ChildNode again = ChildNode.start(environments[other]);
      again.awaitReady(Duration.ofSeconds(120));
      nodes[other] = again;
      figures.put("stopped node back and ready after (ms)", (System.nanoTime() - restartedAt) / 1_000_000);
      return stoppedAt;
    });
  }

  @Test
  @Order(3)
  void postgresStoppedForTenSeconds() throws Exception {
    round("PostgreSQL stopped for 10 s and started again", figures -> {
      long stoppedAt = System.nanoTime();
      db.stop();
      Thread.sleep(10_000);
      long startedAt = System.nanoTime();
      db.start();
      figures.put("PostgreSQL down for (ms)", (startedAt - stoppedAt) / 1_000_000);
      figures.put("restart of PostgreSQL took (ms)", (System.nanoTime() - startedAt) / 1_000_000);
      return startedAt;
    });
  }

  @Test
  @Order(4)
  void aSlowDatabase() throws Exception {
    round("a slow database: 25 ms added each way on every packet, for 10 s", figures -> {
      proxy.delay(25);
      Thread.sleep(10_000);
      proxy.delay(0);
      return System.nanoTime();
    });
  }

  /** The fault, run while the load is on; answers when the fault was over (recovery is measured from there). */
  @FunctionalInterface
  interface Fault {
    long inject(Map<String, Object> figures) throws Exception;
  }

  private static void round(String name, Fault fault) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    List<JsonObject> batch = passengers.subList(nextPassenger, nextPassenger + EVENTS_PER_ROUND);
    nextPassenger += EVENTS_PER_ROUND;
    JsonObject cancelled = toCancel.remove(0);
    try (MixedLoad load = new MixedLoad(FaultsTest::liveNodes, Http.TEST_ADMIN_KEY)) {
      Thread sender = new Thread(() -> {
        try {
          load.run(batch, RATE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "fault-load");
      sender.start();
      Thread.sleep(2_000);
      Http.Answer raised = new Http(liveNodes().get(0)).postJson("/api/v1/events", Crowd.cancellation(cancelled));
      assertThat(raised.status()).as(raised.body()).isEqualTo(202);
      Thread.sleep(2_000);
      long over = fault.inject(figures);
      sender.join();
      load.awaitAnswers(Duration.ofSeconds(180));
      long answered = System.nanoTime();
      Invariants.awaitSettled(db, 180_000);
      figures.put("all work settled, after the fault was over (ms)", (System.nanoTime() - over) / 1_000_000);
      figures.put("backlog drained after the last event was answered (ms)", (System.nanoTime() - answered) / 1_000_000);
      figures.put("events sent", load.sent());
      figures.put("events accepted (2xx)", load.accepted().size());
      figures.put("answers by status (-1: no connection)", load.answers());
      figures.put("retries by the client", load.retries());
      assertThat(load.refused()).as("events refused with a 4xx or 500").isEmpty();
      assertThat(load.givenUp()).as("events the client gave up on").isZero();
      Invariants.everyAcceptedEventHasItsCase(db, load.accepted());
      figures.put("accepted events without their case", 0);
      Map<String, Long> violations = Invariants.violations(db);
      figures.put("violations", violations);
      assertThat(violations).allSatisfy((check, count) -> assertThat(count).as(check).isZero());
      assertThat(load.accepted()).hasSize(load.sent());
    }
    // The tablet: connected again by itself, and knows every alert of its station.
    java.util.Set<Long> expected = Invariants.alertsOf(db, "MDW");
    long deadline = System.nanoTime() + 40_000_000_000L;
    while (!tablet.known().containsAll(expected) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(tablet.known()).as("alerts the tablet knows").containsAll(expected);
    figures.put("tablet: alerts known / in PostgreSQL", tablet.known().size() + " / " + expected.size());
    figures.put("tablet: connections so far", tablet.connections());
    figures.put("tablet: last reconnection, lost to caught up (ms)", tablet.lastReconnectMillis());
    report.put(name, figures);
    System.out.println("Fault round '" + name + "': " + figures);
  }

  /** The nodes up now, as base URLs. */
  private static List<String> liveNodes() {
    List<String> up = new ArrayList<>();
    for (ChildNode node : nodes) {
      if (node != null && node.process.isAlive()) {
        up.add(node.baseUrl());
      }
    }
    return up;
  }

  /** Milliseconds from {@code since} until {@code node} counts {@code members} members. */
  private static long untilMembers(ChildNode node, int members, long since) throws InterruptedException {
    Http http = node.http();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonObject ready = http.get("/health/ready").json();
      for (Object check : ready.getJsonArray("checks", new JsonArray())) {
        JsonObject data = ((JsonObject) check).getJsonObject("data");
        if (data != null && Integer.valueOf(members).equals(data.getInteger("nodes"))) {
          return (System.nanoTime() - since) / 1_000_000;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("never saw " + members + " members");
  }

  private static void writeReport() throws java.io.IOException {
    StringBuilder md = new StringBuilder("# Fault suite figures\n\nRun: ").append(java.time.Instant.now())
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
    report.forEach((name, figures) -> {
      md.append("## ").append(name).append("\n\n");
      figures.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
      md.append('\n');
    });
    Path out = Path.of("target", "reliability", "faults.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
    System.out.println(md);
  }
}
