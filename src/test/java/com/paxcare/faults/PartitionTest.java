package com.paxcare.faults;

import com.paxcare.testing.ChildNode;
import com.paxcare.testing.Crowd;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network partition between two PaxCare nodes, each in a network namespace of its own (real addresses, a real
 * link through this host), both still reaching PostgreSQL: for 15 s neither hears the other, while urgent events
 * and a cancellation go to both sides; then the link heals. Each half goes on alone (PostgreSQL decides who does
 * what, so nothing is done twice), the halves merge again, and every accepted event has its case exactly once.
 * Needs root for {@code ip netns} and {@code iptables}; CI runs as root.
 */
class PartitionTest {
  private static final String SUFFIX = Long.toString(System.nanoTime() % 100_000, 36);
  private static final String[] NAMESPACES = {"pcA" + SUFFIX, "pcB" + SUFFIX};
  private static final String[] HOSTS = {"10.201.1.2", "10.201.2.2"};
  private static final String[] GATEWAYS = {"10.201.1.1", "10.201.2.1"};
  private static final String[] PARTITION = {
      "FORWARD -s 10.201.1.0/24 -d 10.201.2.0/24 -j DROP", "FORWARD -s 10.201.2.0/24 -d 10.201.1.0/24 -j DROP"};
  private static final String ALLOW = "FORWARD -s 10.201.0.0/16 -d 10.201.0.0/16 -j ACCEPT";

  private static FaultDatabase db;
  private static final ChildNode[] nodes = new ChildNode[2];
  private static boolean networkReady;
  private static boolean partitioned;
  private static String previousForwarding;

  @BeforeAll
  static void start() throws Exception {
    boolean available = sh("ip netns add " + NAMESPACES[0]) == 0;
    if (!available) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("CI must be able to create network namespaces (root, iproute2) for PartitionTest");
      }
      Assumptions.abort("no network namespaces here (needs root and iproute2): the partition is not tested");
    }
    sh("ip netns del " + NAMESPACES[0]);
    previousForwarding = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).trim();
    for (int i = 0; i < 2; i++) {
      String ns = NAMESPACES[i];
      String outside = "vo" + i + SUFFIX;
      String inside = "vi" + i + SUFFIX;
      run("ip netns add " + ns);
      run("ip link add " + outside + " type veth peer name " + inside);
      run("ip link set " + inside + " netns " + ns);
      run("ip addr add " + GATEWAYS[i] + "/24 dev " + outside);
      run("ip link set " + outside + " up");
      run("ip netns exec " + ns + " ip addr add " + HOSTS[i] + "/24 dev " + inside);
      run("ip netns exec " + ns + " ip link set " + inside + " up");
      run("ip netns exec " + ns + " ip link set lo up");
      run("ip netns exec " + ns + " ip route add default via " + GATEWAYS[i]);
    }
    run("sysctl -qw net.ipv4.ip_forward=1");
    run("iptables -I " + ALLOW);
    networkReady = true;

    db = new FaultDatabase("*", "host all all 10.201.0.0/16 trust");
    String cluster = "partition-" + UUID.randomUUID();
    int clusterPort = TestNodes.freePort();
    String members = HOSTS[0] + ":" + clusterPort + "," + HOSTS[1] + ":" + clusterPort;
    for (int i = 0; i < 2; i++) {
      Map<String, String> env = TestNodes.environment(cluster, "side-" + (char) ('a' + i), clusterPort, members,
          Map.of("PAXCARE_CLUSTER_HOST", HOSTS[i], "PAXCARE_PG_URL", db.url(GATEWAYS[i]),
              "PAXCARE_PG_USER", "postgres", "PAXCARE_PG_PASSWORD", "postgres", "PAXCARE_DISRUPTION_BATCH", "40"));
      nodes[i] = ChildNode.start(env, NAMESPACES[i], HOSTS[i]);
    }
    for (ChildNode node : nodes) {
      node.awaitReady(Duration.ofSeconds(120));
    }
    awaitMembers(2, 60);
  }

  @AfterAll
  static void stop() throws Exception {
    for (ChildNode node : nodes) {
      if (node != null) {
        node.close();
        node.process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (partitioned) {
      heal();
    }
    if (networkReady) {
      sh("iptables -D " + ALLOW);
      if (previousForwarding != null) {
        sh("sysctl -qw net.ipv4.ip_forward=" + previousForwarding);
      }
    }
    for (String ns : NAMESPACES) {
      sh("ip netns del " + ns); // its end of the veth goes with it, and the other end too
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void bothHalvesGoOnAloneNothingIsDoneTwiceAndTheyMergeWhenTheLinkHeals() throws Exception {
    Crowd crowd = new Crowd();
    JsonObject boarding = crowd.toDenver("PT100", 0.5, 150).put("status", "BOARDING");
    crowd.book(boarding, 120, null);
    JsonObject cancelled = crowd.toDenver("PT200", 4, 80);
    crowd.book(cancelled, 80, null);
    crowd.toDenver("PT300", 6, 300);
    List<JsonObject> passengers = crowd.namedPassengers(booking -> "PT100".equals(
        booking.getJsonArray("segments").getJsonObject(0).getString("flight")));
    crowd.feed(nodes[0].http());

    try (MixedLoad load = new MixedLoad(() -> List.of(nodes[0].baseUrl(), nodes[1].baseUrl()), Http.TEST_ADMIN_KEY)) {
      Thread sender = new Thread(() -> {
        try {
          load.run(passengers.subList(0, Math.min(60, passengers.size())), 3);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "partition-load");
      sender.start();
      Thread.sleep(2_000);
      long cutAt = System.nanoTime();
      partition();
      long aloneAfter = awaitMembers(1, 60) - cutAt;
      // Each half alone: a cancellation raised on side A, urgent events to both.
      Http.Answer raised = nodes[0].http().postJson("/api/v1/events", Crowd.cancellation(cancelled));
      assertThat(raised.status()).as(raised.body()).isEqualTo(202);
      Thread.sleep(15_000 - (System.nanoTime() - cutAt) / 1_000_000);
      long healedAt = System.nanoTime();
      heal();
      long mergedAfter = awaitMembers(2, 120) - healedAt;
      sender.join();
      load.awaitAnswers(Duration.ofSeconds(120));
      Invariants.awaitSettled(db, 120_000);
      long settledAfter = (System.nanoTime() - healedAt) / 1_000_000;

      assertThat(load.refused()).as("events refused with a 4xx or 500").isEmpty();
      assertThat(load.accepted()).hasSize(load.sent());
      Invariants.everyAcceptedEventHasItsCase(db, load.accepted());
      var violations = Invariants.violations(db);
      assertThat(violations).allSatisfy((check, count) -> assertThat(count).as(check).isZero());
      String figures = "## a network partition between two nodes for 15 s, then healed\n\n"
          + "- each side saw itself alone after (ms): " + aloneAfter / 1_000_000 + "\n"
          + "- merged again after the link healed (ms): " + mergedAfter / 1_000_000 + "\n"
          + "- all work settled after the link healed (ms): " + settledAfter + "\n"
          + "- events sent: " + load.sent() + "; accepted (2xx): " + load.accepted().size() + "\n"
          + "- answers by status: " + load.answers() + "; retries by the client: " + load.retries() + "\n"
          + "- accepted events without their case: 0\n"
          + "- violations: " + violations + "\n";
      Path out = Path.of("target", "reliability", "partition.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, figures);
      System.out.println(figures);
    }
  }

  private static void partition() throws IOException, InterruptedException {
    for (String rule : PARTITION) {
      run("iptables -I " + rule);
    }
    partitioned = true;
  }

  private static void heal() throws IOException, InterruptedException {
    for (String rule : PARTITION) {
      sh("iptables -D " + rule);
    }
    partitioned = false;
  }

  /** Waits until both nodes count {@code members} members; answers System.nanoTime() then. */
  private static long awaitMembers(int members, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (ChildNode node : nodes) {
        all &= members == clusterSize(node);
      }
      if (all) {
        return System.nanoTime();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the nodes did not reach " + members + " members in " + seconds + " s:\n"
        + nodes[0].output().lines().filter(l -> l.contains("Members") || l.contains("merge")).toList());
  }

  private static int clusterSize(ChildNode node) {
    try {
      JsonObject ready = node.http().get("/health/ready").json();
      for (Object check : ready.getJsonArray("checks", new JsonArray())) {
        JsonObject data = ((JsonObject) check).getJsonObject("data");
        if (data != null && data.getInteger("nodes") != null) {
          return data.getInteger("nodes");
        }
      }
    } catch (RuntimeException notAnswering) {
      // not ready: count as unknown
    }
    return -1;
  }

  private static void run(String command) throws IOException, InterruptedException {
    int exit = sh(command);
    if (exit != 0) {
      throw new IllegalStateException("'" + command + "' failed with " + exit);
    }
  }

  private static int sh(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command.split(" ")).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }
}
