package com.paxcare.cluster;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;
import com.paxcare.testing.ChildNode;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
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
 * A node is killed (SIGKILL) while it is in the middle of a plan's step; another node finishes the plan, and
 * nothing is applied twice. The test holds a lock the rebooking needs, so the dying node is provably inside
 * the rebooking transaction when it dies.
 */
class NodeDiesMidPlanTest {
  private final Database database = TestDatabase.fresh();
  private final String cluster = "dies-" + UUID.randomUUID();
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
  void anotherNodeFinishesThePlanAndNothingIsDoneTwice() throws Exception {
    Story story = new Story();
    String caseId;
    try (ChildNode dying = ChildNode.start(TestNodes.environment(cluster, "node-b", portB, members, Map.of(
        "PAXCARE_PG_URL", database.jdbcUrl(), "PAXCARE_PG_USER", "postgres", "PAXCARE_PG_PASSWORD", "postgres")));
         Connection blocker = connect()) {
      dying.awaitReady(Duration.ofSeconds(90));
      Http b = new Http(dying.httpPort);
      assertThat(b.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
      assertThat(b.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy())).status()).isEqualTo(200);

      // Hold the reissue table against writes (reads go on): node B's rebooking will claim its step, take the seat, and wait here.
      blocker.setAutoCommit(false);
      try (Statement lock = blocker.createStatement()) {
        lock.execute("LOCK TABLE reissue IN EXCLUSIVE MODE");
      }
      var reported = b.postJson("/api/v1/events", Story.familyEmergency());
      assertThat(reported.status()).isEqualTo(201);
      caseId = reported.json().getString("id");
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO reissue%'") == 0) {
        assertThat(System.nanoTime()).as("node B reached the rebooking").isLessThan(deadline);
        Thread.sleep(20);
      }
      assertThat(count("SELECT count(*) FROM case_step WHERE status = 'DONE' AND kind IN ('RECALL', 'CREW_MESSAGE')"))
          .isEqualTo(2);

      dying.process.destroyForcibly();
      assertThat(dying.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      blocker.rollback(); // its half-done rebooking can now roll back with its dead connection
    }

    long takeoverStarted = System.nanoTime();
    survivor = TestNodes.start(Config.from(TestNodes.environment(cluster, "node-a", portA, members, Map.of())),
        database);
    Http a = new Http(survivor.httpPort());
    JsonObject done = com.paxcare.cases.CaseAwaitAccess.planDone(a, caseId);
    double takeoverSeconds = (System.nanoTime() - takeoverStarted) / 1e9;
    org.slf4j.LoggerFactory.getLogger(getClass()).info("Plan finished by the surviving node {} s after it started",
        takeoverSeconds);

    JsonArray plan = done.getJsonArray("plan");
    JsonObject rebook = plan.stream().map(s -> (JsonObject) s).filter(s -> "REBOOK".equals(s.getString("step")))
        .findFirst().orElseThrow();
    assertThat(rebook.getString("status")).isEqualTo("DONE");
    assertThat(rebook.getString("node")).isEqualTo("node-a");
    JsonObject recall = plan.getJsonObject(0);
    assertThat(recall.getString("node")).isEqualTo("node-b");
    // Exactly once each: one recall alert, one crew message, one reissue, one seat taken, one new coupon.
    assertThat(count("SELECT count(*) FROM gate_alert WHERE kind = 'RECALL'")).isOne();
    assertThat(count("SELECT count(*) FROM crew_message WHERE text LIKE 'PAX RECALL%'")).isOne();
    assertThat(count("SELECT count(*) FROM reissue")).isOne();
    assertThat(count("SELECT count(*) FROM segment WHERE issued_by_paxcare")).isOne();
    assertThat(count("SELECT sold FROM flight_cabin JOIN flight ON flight.id = flight_id WHERE flight_no = 'WN2001'"))
        .isOne();
    assertThat(count("SELECT count(*) FROM followup")).isOne();
  }
}
