package com.paxcare;

import com.paxcare.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** {@code java -jar target/paxcare.jar}: one PaxCare node, configured from the environment (README). */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) throws Exception {
    Config config;
    try {
      config = Config.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println("PaxCare cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Every log line names the node (logback.xml reads this property), so merged logs of a cluster stay readable.
    System.setProperty("paxcare.node", config.nodeName());
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    Logger log = LoggerFactory.getLogger(Main.class);

    Database database = config.pgUrl()
        .map(url -> Database.external(url, config.pgUser(), config.pgPassword()))
        .map(external -> config.pgSocketDir().map(external::overSocket).orElse(external))
        .orElseGet(() -> Database.embedded(config.dataDir()));
    PaxCareNode node;
    try {
      database.migrate();
      node = PaxCareNode.start(config, database, Clock.systemDefaultZone())
          .toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      log.error("PaxCare could not start", e);
      database.close();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.stop().get(config.shutdownGraceSeconds() + 30L, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("Shutdown did not complete cleanly", e);
      } finally {
        database.close();
      }
    }, "paxcare-shutdown"));
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    log.info("PaxCare node {} ready on http://localhost:{}/ in {} ms (cluster {}, {} member(s))", config.nodeName(),
        node.httpPort(), uptime, config.clusterName(), node.clusterManager().getNodes().size());
  }
}
