package com.paxcare.disruption;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full flight of 300 is cancelled with 250 seats left on later flights: everyone is re-accommodated or
 * waitlisted, in the documented order, families together, nothing oversold, nobody rebooked twice, and everyone
 * told, with their bags following.
 */
class MassCancellationTest {
  private static PaxCareNode node;
  private static Http http;
  private static final Crowd crowd = new Crowd();
  private static JsonObject cancelled;
  private static JsonObject disruption;

  @BeforeAll
  static void cancelAFullFlight() throws Exception {
    int port = TestNodes.freePort();
    Config config = Config.from(TestNodes.environment("mass-" + UUID.randomUUID(), "mass", port, "127.0.0.1:" + port,
        Map.of()));
    node = TestNodes.start(config, TestDatabase.fresh());
    http = new Http(node.httpPort());
    cancelled = crowd.toDenver("XX100", 3, 300);
    JsonObject onward = crowd.flight("XX900", "DEN", "SEA", 12, 150, 200);
    crowd.toDenver("XX102", 5, 120);
    crowd.toDenver("XX104", 8, 100);
    crowd.flight("XX300", "MDW", "STL", 4, 70, 30);
    crowd.flight("XX302", "STL", "DEN", 6, 120, 30);
    crowd.book(cancelled, 300, onward);
    crowd.feed(http);

    Http.Answer raised = http.postJson("/api/v1/events", Crowd.cancellation(cancelled));
    assertThat(raised.status()).as(raised.body()).isEqualTo(202);
    String id = raised.json().getString("id");
    assertThat(raised.json().getString("kind")).isEqualTo("FLIGHT_CANCELLED");
    disruption = DisruptionAwait.done(http, id);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void everyPassengerIsReaccommodatedOrWaitlistedAndNobodyIsLeftWaiting() {
    JsonObject progress = disruption.getJsonObject("progress");
    assertThat(progress.getInteger("affected")).isEqualTo(300);
    assertThat(progress.getInteger("toDo")).isZero();
    // 120 + 100 direct and 30 through St Louis: 250 seats for 300 passengers.
    assertThat(progress.getInteger("reaccommodated")).isBetween(240, 250);
    assertThat(progress.getInteger("reaccommodated") + progress.getInteger("waitlisted")).isEqualTo(300);
    assertThat(progress.getInteger("notified")).isEqualTo(300);
    assertThat(progress.getInteger("bagsRerouted")).isPositive();
    assertThat(disruption.getString("status")).isEqualTo("DONE");
    assertThat(disruption.getJsonArray("waiting").size()).isEqualTo(progress.getInteger("waitlisted"));
  }

  @Test
  void noSeatIsOversoldAndNobodyHoldsTwoWaysToDenver() {
    List<Row> oversold = rows("SELECT f.flight_no, c.sold, c.capacity FROM flight_cabin c JOIN flight f ON f.id = c.flight_id"
        + " WHERE c.sold > c.capacity");
    assertThat(oversold).isEmpty();
    List<Row> twice = rows("SELECT s.pnr, s.pax_id, count(*) FROM segment s JOIN flight f ON f.id = s.flight_id"
        + " WHERE s.status <> 'CANCELLED' AND f.destination = 'DEN' GROUP BY s.pnr, s.pax_id HAVING count(*) > 1");
    assertThat(twice).isEmpty();
    List<Row> reissuedTwice = rows("SELECT pnr, pax_id FROM reissue GROUP BY pnr, pax_id HAVING count(*) > 1");
    assertThat(reissuedTwice).isEmpty();
    List<Row> charged = rows("SELECT id FROM reissue WHERE fare_difference <> 0 OR change_fee <> 0");
    assertThat(charged).isEmpty();
    // The waitlisted keep their original coupon (and ticket) until they have a seat or a refund.
    List<Row> stillOnCancelled = rows("SELECT s.id FROM segment s JOIN flight f ON f.id = s.flight_id"
        + " JOIN disruption_passenger dp ON dp.pnr = s.pnr AND dp.pax_id = s.pax_id"
        + " WHERE f.flight_no = 'XX100' AND s.status <> 'CANCELLED' AND dp.status <> 'WAITLISTED'");
    assertThat(stillOnCancelled).isEmpty();
  }

  @Test
  void thoseWhoNeedItMostAreSeatedFirstAndEachCaseSaysWhy() {
    List<Row> places = rows("SELECT priority_group, rank, status, reason FROM disruption_passenger ORDER BY rank");
    int lastSeatedRank = 0;
    int firstWaitlistedRank = Integer.MAX_VALUE;
    for (Row row : places) {
      if (row.getString("status").equals("REACCOMMODATED")) {
        lastSeatedRank = row.getInteger("rank");
      } else {
        firstWaitlistedRank = Math.min(firstWaitlistedRank, row.getInteger("rank"));
      }
      if (row.getInteger("priority_group") <= 2) {
        assertThat(row.getString("status")).as(row.getString("reason")).isEqualTo("REACCOMMODATED");
      }
    }
    // The waitlist is the end of the queue (a party too big for the last seats may leave a few seats to smaller
    // parties behind it, never the other way round).
    assertThat(firstWaitlistedRank).isGreaterThan(200);
    assertThat(places.get(0).getInteger("priority_group")).isLessThanOrEqualTo(2);
    // Groups never go backwards along the ranks, except for companions pulled up to their booking's place.
    int group = 1;
    for (Row row : places) {
      if (!row.getString("reason").contains("travels with")) {
        assertThat(row.getInteger("priority_group")).isGreaterThanOrEqualTo(group);
        group = row.getInteger("priority_group");
      }
    }
    JsonObject someone = http.get("/api/v1/cases/" + rows("SELECT case_id FROM disruption_passenger WHERE rank = 1")
        .get(0).getUUID(0)).json();
    assertThat(someone.getString("type")).isEqualTo("FLIGHT_CANCELLED");
    assertThat(someone.getJsonArray("timeline").encode()).contains("\"rank\":1").contains("\"reason\":\"needs assistance");
  }

  @Test
  void aChildIsNeverSeparatedFromTheirFamily() {
    List<Row> children = rows("SELECT dp.pnr, dp.status FROM disruption_passenger dp JOIN passenger p"
        + " ON p.pnr = dp.pnr AND p.pax_id = dp.pax_id WHERE 'CHLD' = ANY(p.ssr)");
    assertThat(children).isNotEmpty();
    for (Row child : children) {
      List<Row> family = rows("SELECT dp.status, string_agg(f.flight_no, ',' ORDER BY f.departure) AS flights"
          + " FROM disruption_passenger dp LEFT JOIN segment s ON s.pnr = dp.pnr AND s.pax_id = dp.pax_id"
          + " AND s.status <> 'CANCELLED' LEFT JOIN flight f ON f.id = s.flight_id AND f.destination = 'DEN'"
          + " WHERE dp.pnr = '" + child.getString("pnr") + "' GROUP BY dp.pax_id, dp.status");
      assertThat(family.stream().map(r -> r.getString("status") + ":" + r.getString("flights")).distinct())
          .as("booking " + child.getString("pnr")).hasSize(1);
    }
  }

  @Test
  void theWaitlistedAreToldWhatHappensNextAndWillBeCalled() {
    List<Row> waitlisted = rows("SELECT dp.case_id, dp.waitlist_position FROM disruption_passenger dp"
        + " WHERE dp.status = 'WAITLISTED' ORDER BY dp.waitlist_position");
    assertThat(waitlisted).isNotEmpty();
    for (int i = 0; i < waitlisted.size(); i++) {
      assertThat(waitlisted.get(i).getInteger("waitlist_position")).isEqualTo(i + 1);
    }
    UUID caseId = waitlisted.get(0).getUUID("case_id");
    JsonObject file = http.get("/api/v1/cases/" + caseId).json();
    assertThat(file.getString("status")).isEqualTo("OPEN");
    List<Row> notices = rows("SELECT body FROM notification WHERE case_id = '" + caseId + "' AND channel = 'SMS'");
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).getString("body")).contains("XX100").contains("1");
    assertThat(rows("SELECT id FROM followup WHERE case_id = '" + caseId + "' AND status = 'DUE'")).hasSize(1);
  }

  @Test
  void theReaccommodatedAreToldTheirNewFlightAndTheirBagsFollow() {
    List<Row> seated = rows("SELECT dp.case_id, dp.new_ticket FROM disruption_passenger dp"
        + " WHERE dp.status = 'REACCOMMODATED' AND dp.bags_rerouted > 0 LIMIT 1");
    UUID caseId = seated.get(0).getUUID("case_id");
    JsonObject file = http.get("/api/v1/cases/" + caseId).json();
    assertThat(file.getString("status")).isEqualTo("CLOSED");
    List<Row> bsm = rows("SELECT action, text FROM bsm_outbound WHERE case_id = '" + caseId + "' ORDER BY id");
    assertThat(bsm.stream().map(r -> r.getString("action"))).containsSubsequence("DEL", "ADD");
    assertThat(bsm.get(1).getString("text")).contains(".F/XX1").contains("PRIO");
    List<Row> sms = rows("SELECT body FROM notification WHERE case_id = '" + caseId + "' AND channel = 'SMS'");
    assertThat(sms.get(0).getString("body")).containsPattern("XX10[24]|XX300");
    List<Row> reissue = rows("SELECT waiver_code, endorsement, new_ticket FROM reissue WHERE case_id = '" + caseId + "'");
    assertThat(reissue.get(0).getString("waiver_code")).isEqualTo("IRROPCNL");
    assertThat(reissue.get(0).getString("new_ticket")).isEqualTo(seated.get(0).getString("new_ticket"));
  }

  private static List<Row> rows(String sql) {
    return Rows.of(node.pool(), sql);
  }
}
