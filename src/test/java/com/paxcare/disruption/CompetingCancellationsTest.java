package com.paxcare.disruption;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;
import com.paxcare.testing.DisruptionAwait;
import com.paxcare.testing.Crowd;
import com.paxcare.testing.Http;
import com.paxcare.testing.Rows;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two full flights to Denver are cancelled at the same moment, one reported to each of two nodes, and their
 * 300 passengers compete for the 120 seats left on later flights, in small batches so the nodes interleave:
 * every seat is used once, none twice, and nobody ends up with two new flights or two new tickets.
 */
class CompetingCancellationsTest {
  private static PaxCareNode nodeA;
  private static PaxCareNode nodeB;
  private static final Crowd crowd = new Crowd();
  private static JsonObject first;
  private static JsonObject second;

  @BeforeAll
  static void cancelTwoFlightsOnTwoNodesAtOnce() throws Exception {
    Database database = TestDatabase.fresh();
    String cluster = "competing-" + UUID.randomUUID();
    int portA = TestNodes.freePort();
    int portB = TestNodes.freePort();
    String members = "127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    // One disruption at a time per node: with two, the node that heard both wakes first could hold both
    // disruptions in turn and leave the other node nothing to compete for.
    Map<String, String> smallBatches = Map.of("PAXCARE_DISRUPTION_BATCH", "20", "PAXCARE_DISRUPTIONS_AT_ONCE", "1");
    nodeA = TestNodes.start(Config.from(TestNodes.environment(cluster, "a", portA, members, smallBatches)), database);
    nodeB = TestNodes.start(Config.from(TestNodes.environment(cluster, "b", portB, members, smallBatches)), database);
    Http httpA = new Http(nodeA.httpPort());
    Http httpB = new Http(nodeB.httpPort());
    JsonObject xx100 = crowd.toDenver("XX100", 3, 150);
    JsonObject xx200 = crowd.toDenver("XX200", 3.5, 150);
    crowd.toDenver("XX102", 5, 60);
    crowd.toDenver("XX104", 8, 60);
    crowd.book(xx100, 150, null);
    crowd.book(xx200, 150, null);
    crowd.feed(httpA);

    CompletableFuture<Http.Answer> onA = CompletableFuture.supplyAsync(
        () -> httpA.postJson("/api/v1/events", Crowd.cancellation(xx100)));
    CompletableFuture<Http.Answer> onB = CompletableFuture.supplyAsync(
        () -> httpB.postJson("/api/v1/events", Crowd.cancellation(xx200)));
    assertThat(onA.get().status()).as(onA.get().body()).isEqualTo(202);
    assertThat(onB.get().status()).as(onB.get().body()).isEqualTo(202);
    first = DisruptionAwait.done(httpA, onA.get().json().getString("id"));
    second = DisruptionAwait.done(httpB, onB.get().json().getString("id"));
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(nodeB);
    TestNodes.stop(nodeA);
  }

  @Test
  void everyFreeSeatIsUsedOnceAndNoneIsOversold() {
    int seated = first.getJsonObject("progress").getInteger("reaccommodated")
        + second.getJsonObject("progress").getInteger("reaccommodated");
    assertThat(seated).isEqualTo(120);
    assertThat(rows("SELECT f.flight_no FROM flight_cabin c JOIN flight f ON f.id = c.flight_id"
        + " WHERE c.sold > c.capacity")).isEmpty();
    List<Row> full = rows("SELECT f.flight_no, c.sold, c.capacity FROM flight_cabin c JOIN flight f"
        + " ON f.id = c.flight_id WHERE f.flight_no IN ('XX102', 'XX104')");
    assertThat(full).allSatisfy(r -> assertThat(r.getInteger("sold")).isEqualTo(r.getInteger("capacity")));
    assertThat(rows("SELECT count(*) FROM segment s JOIN flight f ON f.id = s.flight_id"
        + " WHERE f.flight_no IN ('XX102', 'XX104') AND s.status <> 'CANCELLED'").get(0).getLong(0)).isEqualTo(120L);
  }

  @Test
  void nobodyIsRebookedTwice() {
    assertThat(rows("SELECT s.pnr, s.pax_id FROM segment s JOIN flight f ON f.id = s.flight_id"
        + " WHERE s.status <> 'CANCELLED' AND f.flight_no IN ('XX102', 'XX104')"
        + " GROUP BY s.pnr, s.pax_id HAVING count(*) > 1")).isEmpty();
    assertThat(rows("SELECT pnr, pax_id FROM reissue GROUP BY pnr, pax_id HAVING count(*) > 1")).isEmpty();
    assertThat(rows("SELECT count(*) FROM reissue").get(0).getLong(0)).isEqualTo(120L);
    assertThat(rows("SELECT status, count(*) FROM disruption_passenger GROUP BY status"))
        .extracting(r -> r.getString(0)).containsOnly("REACCOMMODATED", "WAITLISTED");
    assertThat(rows("SELECT count(*) FROM disruption_passenger").get(0).getLong(0)).isEqualTo(300L);
  }

  @Test
  void bothNodesDidTheWork() {
    assertThat(rows("SELECT DISTINCT node FROM disruption_passenger ORDER BY node"))
        .extracting(r -> r.getString(0)).containsExactly("a", "b");
  }

  private static List<Row> rows(String sql) {
    return Rows.of(nodeA.pool(), sql);
  }
}
