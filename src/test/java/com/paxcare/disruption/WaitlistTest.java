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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "We will message you as soon as a seat is yours": a seat given back (here by a refund) goes to the first on
 * the waitlist, who is rebooked and told; the next keeps her place.
 */
class WaitlistTest {
  private static PaxCareNode node;
  private static Http http;
  private static final Crowd crowd = new Crowd();

  @BeforeAll
  static void start() {
    int port = TestNodes.freePort();
    // A long sweep period: the refund's own wake-up must be what finds the seat.
    node = TestNodes.start(Config.from(TestNodes.environment("waitlist-" + UUID.randomUUID(), "w", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_WAITLIST_RETRY_SECONDS", "3600"))), TestDatabase.fresh());
    http = new Http(node.httpPort());
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void aSeatGivenBackGoesToTheFirstOnTheWaitlistWhoIsToldAtOnce() throws Exception {
    JsonObject cancelled = crowd.toDenver("XX100", 3, 30);
    crowd.toDenver("XX102", 5, 25);
    crowd.book(cancelled, 30, null);
    crowd.feed(http);
    String id = http.postJson("/api/v1/events", Crowd.cancellation(cancelled)).json().getString("id");
    JsonObject done = DisruptionAwait.done(http, id);
    int waitlisted = done.getJsonObject("progress").getInteger("waitlisted");
    assertThat(waitlisted).isGreaterThanOrEqualTo(2);
    UUID first = caseAt(1);
    UUID second = caseAt(2);

    // Someone seated would rather not travel: her seat goes back.
    UUID leaving = rows("SELECT case_id FROM disruption_passenger WHERE status = 'REACCOMMODATED' ORDER BY rank DESC"
        + " LIMIT 1").get(0).getUUID(0);
    assertThat(http.postJson("/api/v1/cases/" + leaving + "/refund", new JsonObject()).status()).isEqualTo(201);

    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline && !status(first).equals("REACCOMMODATED")) {
      Thread.sleep(50);
    }
    assertThat(status(first)).isEqualTo("REACCOMMODATED");
    assertThat(rows("SELECT f.flight_no FROM segment s JOIN flight f ON f.id = s.flight_id JOIN disruption_passenger dp"
        + " ON dp.pnr = s.pnr AND dp.pax_id = s.pax_id WHERE dp.case_id = '" + first + "' AND s.status <> 'CANCELLED'"))
        .extracting(r -> r.getString(0)).containsExactly("XX102");
    assertThat(rows("SELECT body FROM notification WHERE case_id = '" + first + "' AND channel = 'SMS' ORDER BY id"))
        .hasSize(2).last().satisfies(r -> assertThat(r.getString(0)).contains("XX102"));
    assertThat(rows("SELECT status, outcome FROM followup WHERE case_id = '" + first + "'").get(0).getString(0))
        .isEqualTo("DONE");
    assertThat(http.get("/api/v1/cases/" + first).json().getString("status")).isEqualTo("CLOSED");

    assertThat(status(second)).isEqualTo("WAITLISTED");
    assertThat(rows("SELECT waitlist_position FROM disruption_passenger WHERE case_id = '" + second + "'").get(0)
        .getInteger(0)).isEqualTo(2);
    assertThat(rows("SELECT id FROM notification WHERE case_id = '" + second + "' AND channel = 'SMS'")).hasSize(1);
    assertThat(rows("SELECT f.flight_no FROM flight_cabin c JOIN flight f ON f.id = c.flight_id"
        + " WHERE c.sold > c.capacity")).isEmpty();
    assertThat(http.get("/api/v1/disruptions/" + id).json().getJsonObject("progress").getInteger("waitlisted"))
        .isEqualTo(waitlisted - 1);
  }

  private static UUID caseAt(int position) {
    return rows("SELECT case_id FROM disruption_passenger WHERE waitlist_position = " + position).get(0).getUUID(0);
  }

  private static String status(UUID caseId) {
    return rows("SELECT status FROM disruption_passenger WHERE case_id = '" + caseId + "'").get(0).getString(0);
  }

  private static List<Row> rows(String sql) {
    return Rows.of(node.pool(), sql);
  }
}
