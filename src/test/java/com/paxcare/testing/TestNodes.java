package com.paxcare.testing;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Starts real PaxCare nodes (clustered Vert.x over Hazelcast on loopback) for tests. */
public final class TestNodes {
  private TestNodes() {
  }

  /** Environment for a node of the named cluster; add or override variables with {@code extra}. */
  public static Map<String, String> environment(String clusterName, String nodeName, int clusterPort,
      String members, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("PAXCARE_HTTP_PORT", Integer.toString(freePort()));
    env.put("PAXCARE_NODE_NAME", nodeName);
    env.put("PAXCARE_CLUSTER_NAME", clusterName);
    env.put("PAXCARE_CLUSTER_HOST", "127.0.0.1");
    env.put("PAXCARE_CLUSTER_PORT", Integer.toString(clusterPort));
    env.put("PAXCARE_CLUSTER_MEMBERS", members);
    env.put("PAXCARE_PG_POOL_SIZE", "8");
    // Tests call the API as an admin system unless they sign in as someone (see Http).
    env.put("PAXCARE_API_KEYS", "tests:admin:" + Http.TEST_ADMIN_KEY + ",dcs:feed:" + Http.TEST_FEED_KEY);
    env.put("PAXCARE_JWT_SECRET", "test-secret-of-at-least-thirty-two-characters");
    env.put("PAXCARE_SIGNINS_PER_MINUTE", "10000");
    env.putAll(extra);
    return env;
  }

  /** A node alone in a cluster of its own. */
  public static PaxCareNode single(Database database) {
    return single(database, Clock.systemDefaultZone());
  }

  /** A node alone in a cluster of its own, whose "today" is the clock's. */
  public static PaxCareNode single(Database database, Clock clock) {
    int port = freePort();
    Config config = Config.from(environment("test-" + UUID.randomUUID(), "solo", port, "127.0.0.1:" + port,
        Map.of()));
    return start(config, database, clock);
  }

  public static PaxCareNode start(Config config, Database database) {
    return start(config, database, Clock.systemDefaultZone());
  }

  public static PaxCareNode start(Config config, Database database, Clock clock) {
    try {
      return PaxCareNode.start(config, database, clock)
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Test node did not start", e);
    }
  }

  public static void stop(PaxCareNode node) {
    if (node == null) {
      return;
    }
    try {
      node.stop().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Test node did not stop", e);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
