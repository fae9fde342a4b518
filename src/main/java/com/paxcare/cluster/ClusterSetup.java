package com.paxcare.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.paxcare.db.Database;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How PaxCare nodes find each other: Hazelcast with TCP/IP join to the listed members (no multicast, no
 * cloud auto-detection), and failure detection tuned from Hazelcast's default minute down to seconds, because
 * a node that died holding work must be noticed quickly. PostgreSQL, not the cluster, holds the record
 * ({@link Database}); the clustered event bus only wakes nodes up and carries live pushes.
 */
public final class ClusterSetup {
  private ClusterSetup() {
  }

  public static HazelcastClusterManager clusterManager(com.paxcare.Config config) {
    return new HazelcastClusterManager(hazelcastConfig(config));
  }

  public static Config hazelcastConfig(com.paxcare.Config config) {
    // Vert.x's own default config carries the settings of its __vertx.* maps: start from it.
    Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setClusterName(config.clusterName());
    hazelcast.setProperty("hazelcast.logging.type", "slf4j");
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    // PaxCare shuts down in its own order (requests drained first), so Hazelcast must not race it.
    hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
    // Join at once instead of waiting 5 s for other members to show up.
    hazelcast.setProperty("hazelcast.wait.seconds.before.join", "0");
    hazelcast.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    // A member that misses heartbeats for this long is removed (Hazelcast's default is 60 s).
    hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(config.memberTimeoutSeconds()));
    hazelcast.setProperty("hazelcast.member.list.publish.interval.seconds", "10");
    // After a network partition heals, the halves look for each other and merge within seconds (Hazelcast's
    // defaults wait 5 minutes, then 2). PostgreSQL stays the source of truth throughout: no work is lost meanwhile.
    hazelcast.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    hazelcast.setProperty("hazelcast.merge.next.run.delay.seconds", "5");

    NetworkConfig network = hazelcast.getNetworkConfig();
    network.setPort(config.clusterPort()).setPortAutoIncrement(true).setPortCount(20);
    String address = resolve(config.clusterHost());
    network.getInterfaces().setEnabled(true).addInterface(address);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(config.clusterMembers());
    return hazelcast;
  }

  /** The event bus listens on the cluster host, so other nodes reach it at the address they know. */
  public static EventBusOptions eventBusOptions(com.paxcare.Config config) {
    String address = resolve(config.clusterHost());
    return new EventBusOptions().setHost(address).setPort(0).setClusterPublicHost(address);
  }

  private static String resolve(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("PAXCARE_CLUSTER_HOST: cannot resolve '" + host + "'", e);
    }
  }
}
