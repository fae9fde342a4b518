package com.paxcare.cluster;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;
import com.paxcare.testing.Crowd;
import com.paxcare.testing.ChildNode;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node is killed (SIGKILL) in the middle of re-accommodating a cancelled flight's passengers; another node
 * carries the disruption on from where the dead one's last commit left it, and no passenger is rebooked twice.
 * The test holds a lock the batch needs, so the dying node is provably inside a batch transaction when it dies.
 */
class NodeDiesMidDisruptionTest {
  private final Database database = TestDatabase.fresh();
  private final String cluster = "dies-mid-disruption-" + UUID.randomUUID();
  private final int portA = TestNodes.freePort();
  private final int portB = TestNodes.freePort();
  private final String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
  private PaxCareNode survivor;

  @AfterEach
  void stop() {
    TestNodes.stop(survivor);
  }

  private Connection connect() throws SQLException {
    return TestDatabase.connect(database.jdbcUrl());
  }

  private long count(String sql) throws SQLException {
    return TestDatabase.count(database.jdbcUrl(), sql);
  }

  @Test
  void anotherNodeCarriesTheDisruptionOnAndNobodyIsRebookedTwice() throws Exception {
    Crowd crowd = new Crowd();
    JsonObject cancelled = crowd.toDenver("XX100", 3, 200);
    crowd.toDenver("XX102", 5, 150);
    crowd.toDenver("XX104", 7, 100);
    crowd.book(cancelled, 200, null);
    String disruption;
    try (ChildNode dying = ChildNode.start(TestNodes.environment(cluster, "node-b", portB, members, Map.of(
        "PAXCARE_PG_URL", database.jdbcUrl(), "PAXCARE_PG_USER", "postgres", "PAXCARE_PG_PASSWORD", "postgres",
        "PAXCARE_DISRUPTION_BATCH", "50")));
         Connection blocker = connect()) {
      dying.awaitReady(Duration.ofSeconds(90));
      Http b = new Http(dying.httpPort);
      crowd.feed(b);

      // Hold the reissue table against writes: node B surveys the disruption, then its first batch takes seats
      // and tickets and waits here.
      blocker.setAutoCommit(false);
      try (Statement lock = blocker.createStatement()) {
        lock.execute("LOCK TABLE reissue IN EXCLUSIVE MODE");
      }
      Http.Answer raised = b.postJson("/api/v1/events", Crowd.cancellation(cancelled));
      assertThat(raised.status()).isEqualTo(202);
      disruption = raised.json().getString("id");
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
          + " AND query LIKE 'INSERT INTO reissue%'") == 0) {
        assertThat(System.nanoTime()).as("node B reached its first batch").isLessThan(deadline);
        Thread.sleep(20);
      }
      assertThat(count("SELECT count(*) FROM disruption_passenger")).isEqualTo(200);
      assertThat(count("SELECT count(*) FROM disruption_passenger WHERE status <> 'WAITING'")).isZero();

      dying.process.destroyForcibly();
      assertThat(dying.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      blocker.rollback(); // its half-done batch rolls back with its dead connection
    }

    long takeoverStarted = System.nanoTime();
    survivor = TestNodes.start(Config.from(TestNodes.environment(cluster, "node-a", portA, members,
        Map.of("PAXCARE_DISRUPTION_BATCH", "50"))), database);
    Http a = new Http(survivor.httpPort());
    JsonObject done = null;
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      done = a.get("/api/v1/disruptions/" + disruption).json();
      if ("DONE".equals(done.getString("status"))) {
        break;
      }
      Thread.sleep(50);
    }
    double takeoverSeconds = (System.nanoTime() - takeoverStarted) / 1e9;
    org.slf4j.LoggerFactory.getLogger(getClass()).info(
        "Disruption finished by the surviving node {} s after it started", takeoverSeconds);
    assertThat(done.getString("status")).isEqualTo("DONE");
    assertThat(done.getJsonObject("progress").getInteger("reaccommodated")).isEqualTo(200);

    // Surveyed once by the dead node; every passenger then seated once, by the survivor.
    assertThat(count("SELECT count(*) FROM care_case WHERE type = 'FLIGHT_CANCELLED'")).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM disruption_passenger WHERE node = 'node-a'")).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM reissue")).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM (SELECT pnr, pax_id FROM reissue GROUP BY pnr, pax_id"
        + " HAVING count(*) > 1) twice")).isZero();
    assertThat(count("SELECT count(*) FROM segment WHERE issued_by_paxcare")).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM flight_cabin WHERE sold > capacity")).isZero();
    assertThat(count("SELECT sum(sold) FROM flight_cabin c JOIN flight f ON f.id = c.flight_id"
        + " WHERE f.flight_no IN ('XX102', 'XX104')")).isEqualTo(200);
    assertThat(count("SELECT count(DISTINCT case_id) FROM notification")).isEqualTo(200);
  }
}
