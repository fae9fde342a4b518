package com.paxcare.bench;

import com.paxcare.demo.DemoUsers;
import com.paxcare.faults.FaultDatabase;
import com.paxcare.testing.ChildNode;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestNodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Not a test: a local PaxCare cluster to load-test (load-tests/README.md). {@code nodes} nodes, each in a JVM of its
 * own started as an operator would ({@code com.paxcare.Main}), on HTTP ports {@code firstPort}, {@code firstPort + 1}
 * …, in one Hazelcast cluster over one embedded PostgreSQL, every node with {@code PAXCARE_DEMO=true}: the demo
 * loader's advisory lock lets one node load the demo airline while the others wait and find it loaded, and each
 * node makes sure of the demo users (admin, gate, … with the demo password) the simulations sign in as.
 *
 * <p>Prints its pid, each node's URL, then {@code ready} once every node answers {@code /health/ready} and the demo
 * admin and gate agent can sign in; then runs until killed (SIGTERM, Ctrl-C) or until the Maven that started it is
 * gone, when it stops the nodes (SIGTERM, so each drains and leaves the cluster), only then PostgreSQL, and deletes
 * PostgreSQL's data. {@code load-tests/run-on-cluster.sh} starts it, runs a simulation against it and stops it.
 * {@code ./mvnw -q -B test-compile exec:exec@cluster -Dcluster.nodes=3 -Dcluster.port=8081}
 */
public final class LocalCluster {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  // Read by the shutdown hook, which may run while the main thread is still starting nodes.
  private final List<ChildNode> nodes = new CopyOnWriteArrayList<>();
  private volatile FaultDatabase database;
  private volatile boolean stopping;

  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    int firstPort = Integer.parseInt(args[1]);
    LocalCluster cluster = new LocalCluster();
    // Registered before anything starts, so that a failed start is cleaned up too.
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "local-cluster-stop"));
    try {
      cluster.start(count, firstPort);
    } catch (Exception | AssertionError e) {
      System.out.println("Local cluster did not start: " + e.getMessage());
      System.exit(1);
    }
    cluster.watch();
  }

  private void start(int count, int firstPort) throws Exception {
    // A distinctive directory name under /tmp: whose PostgreSQL this is stays plain to anyone looking.
    // Stop the launcher with this pid (SIGTERM); Maven's exec:exec would not pass a signal on.
    System.out.println("cluster launcher pid " + ProcessHandle.current().pid());
    database = new FaultDatabase("paxcare-local-cluster-pg-", "localhost", null, false);
    System.out.println("PostgreSQL on port " + database.port() + ", data in " + database.directory());
    String cluster = "paxcare-local-" + UUID.randomUUID();
    int[] clusterPorts = new int[count];
    for (int i = 0; i < count; i++) {
      clusterPorts[i] = TestNodes.freePort();
    }
    String members = java.util.Arrays.stream(clusterPorts).mapToObj(port -> "127.0.0.1:" + port)
        .collect(Collectors.joining(","));
    for (int i = 0; i < count; i++) {
      ChildNode node = ChildNode.start(TestNodes.environment(cluster, "node-" + (i + 1), clusterPorts[i], members,
          Map.of("PAXCARE_HTTP_PORT", Integer.toString(firstPort + i),
              "PAXCARE_PG_URL", database.url("localhost"), "PAXCARE_PG_USER", "postgres",
              "PAXCARE_PG_PASSWORD", "postgres",
              // On the same machine: over the server's Unix-domain socket, as a node reaches its embedded server.
              "PAXCARE_PG_SOCKET_DIR", database.socketDirectory(),
              // The product's default pool, not the tests' smaller one: load figures are meant to be the product's.
              "PAXCARE_PG_POOL_SIZE", "16",
              "PAXCARE_DEMO", "true")));
      nodes.add(node);
      System.out.println("node-" + (i + 1) + " " + node.baseUrl() + " (pid " + node.process.pid() + ", log "
          + node.log + ")");
    }
    for (ChildNode node : nodes) {
      node.awaitReady(START_TIMEOUT);
    }
    // What the simulations need: the demo admin feeds and reports, the demo gate agent holds the tablets' socket.
    Http first = nodes.get(0).http();
    first.signIn("admin", DemoUsers.PASSWORD);
    first.signIn("gate", DemoUsers.PASSWORD);
    System.out.println("-Dpaxcare.urls=" + nodes.stream().map(ChildNode::baseUrl).collect(Collectors.joining(",")));
    System.out.println("ready: " + count + " nodes");
  }

  /**
   * Until killed, or until the process that started it is gone: Maven's exec:exec does not pass its SIGTERM on, so a
   * script that kills the Maven it started would otherwise leave the cluster running. Says so when a node dies (the
   * others go on serving, as a cluster should).
   */
  private void watch() {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    List<ChildNode> alive = new ArrayList<>(nodes);
    while (!stopping) {
      if (parent != null && !parent.isAlive()) {
        System.out.println("The process that started the cluster is gone: stopping");
        System.exit(0);
      }
      for (ChildNode node : List.copyOf(alive)) {
        if (!stopping && !node.process.isAlive()) {
          alive.remove(node);
          System.out.println("Node on " + node.baseUrl() + " exited with " + node.process.exitValue() + ", log "
              + node.log);
        }
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The nodes first (they drain and leave the cluster with their database still there), then PostgreSQL. */
  private void stop() {
    stopping = true;
    System.out.println("Stopping " + nodes.size() + " nodes");
    for (ChildNode node : nodes) {
      node.process.destroy();
    }
    for (ChildNode node : nodes) {
      try {
        if (!node.process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          System.out.println("Node on " + node.baseUrl() + " did not stop in " + STOP_TIMEOUT + ": killed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      node.close();
    }
    if (database != null) {
      try {
        database.close();
      } catch (Exception e) {
        System.out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
    }
    System.out.println("stopped");
  }
}
