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

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passenger who would rather not travel after a cancellation gets her money back, where a rule gives her the
 * choice (here the US DOT rule: a cancelled flight); a short delay gives no such choice.
 */
class RefundTest {
  private static PaxCareNode node;
  private static Http http;
  private static final Crowd crowd = new Crowd();
  private static String cancellation;
  private static JsonObject shortDelayFlight;

  @BeforeAll
  static void cancel() throws Exception {
    int port = TestNodes.freePort();
    node = TestNodes.start(Config.from(TestNodes.environment("refund-" + UUID.randomUUID(), "r", port,
        "127.0.0.1:" + port, Map.of())), TestDatabase.fresh());
    http = new Http(node.httpPort());
    JsonObject cancelled = crowd.toDenver("XX100", 3, 30);
    crowd.toDenver("XX102", 5, 20);
    shortDelayFlight = crowd.toDenver("XX200", 4, 10);
    crowd.book(cancelled, 30, null);
    crowd.book(shortDelayFlight, 10, null);
    crowd.feed(http);
    cancellation = DisruptionAwait.done(http, http.postJson("/api/v1/events", Crowd.cancellation(cancelled)).json()
        .getString("id")).getString("id");
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void theCareDeskRecordsAWaitlistedPassengersRefundOnceAndSheIsTold() {
    Row waitlisted = rows("SELECT case_id, pnr, pax_id FROM disruption_passenger WHERE status = 'WAITLISTED'"
        + " ORDER BY rank LIMIT 1").get(0);
    String caseId = waitlisted.getUUID("case_id").toString();
    Http.Answer first = http.postJson("/api/v1/cases/" + caseId + "/refund", new JsonObject());
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().getString("amount")).isEqualTo("149.00");
    assertThat(first.json().getString("currency")).isEqualTo("USD");
    assertThat(first.json().getString("rule")).contains("US_DOT");
    Http.Answer again = http.postJson("/api/v1/cases/" + caseId + "/refund", new JsonObject());
    assertThat(again.status()).isEqualTo(200);
    assertThat(rows("SELECT id FROM refund WHERE case_id = '" + caseId + "'")).hasSize(1);

    String where = " WHERE pnr = '" + waitlisted.getString("pnr") + "' AND pax_id = '" + waitlisted.getString("pax_id") + "'";
    assertThat(rows("SELECT status FROM disruption_passenger" + where).get(0).getString(0)).isEqualTo("REFUNDED");
    assertThat(rows("SELECT id FROM segment" + where + " AND status <> 'CANCELLED'")).isEmpty();
    assertThat(rows("SELECT body FROM notification WHERE case_id = '" + caseId + "' AND channel = 'SMS' ORDER BY id"))
        .last().satisfies(r -> assertThat(r.getString(0)).contains("149.00 USD").contains("14 CFR 260"));
    JsonObject file = http.get("/api/v1/cases/" + caseId).json();
    assertThat(file.getString("status")).isEqualTo("CLOSED");
    assertThat(file.getJsonArray("disruptions").getJsonObject(0).getString("status")).isEqualTo("REFUNDED");
    assertThat(http.get("/api/v1/disruptions/" + cancellation).json().getJsonObject("progress")
        .getInteger("refunded")).isEqualTo(rows("SELECT id FROM refund WHERE disruption_id = '" + cancellation + "'")
        .size());
  }

  @Test
  void aRebookedPassengerChoosesTheRefundHerselfAndHerNewSeatGoesBack() {
    Row seated = rows("SELECT dp.case_id, dp.pnr, p.last_name FROM disruption_passenger dp JOIN passenger p"
        + " ON p.pnr = dp.pnr AND p.pax_id = dp.pax_id WHERE dp.status = 'REACCOMMODATED'"
        + " AND (SELECT count(*) FROM passenger q WHERE q.pnr = dp.pnr) = 1 ORDER BY dp.rank LIMIT 1").get(0);
    long soldBefore = sold("XX102");
    JsonObject trip = passenger(seated).get("/api/v1/passenger/trip").json();
    JsonObject disruption = trip.getJsonArray("cases").getJsonObject(0).getJsonArray("disruptions").getJsonObject(0);
    assertThat(disruption.getString("kind")).isEqualTo("FLIGHT_CANCELLED");
    assertThat(disruption.getJsonObject("rights").getBoolean("refund")).isTrue();

    Http.Answer refund = passenger(seated).postJson("/api/v1/passenger/refund", new JsonObject());
    assertThat(refund.status()).as(refund.body()).isEqualTo(201);
    assertThat(sold("XX102")).isEqualTo(soldBefore - 1);
    assertThat(rows("SELECT id FROM segment WHERE pnr = '" + seated.getString("pnr") + "' AND status <> 'CANCELLED'"))
        .isEmpty();
    assertThat(rows("SELECT requested_by FROM refund WHERE case_id = '" + seated.getUUID("case_id") + "'").get(0)
        .getString(0)).isEqualTo("passenger " + seated.getString("last_name"));
  }

  @Test
  void aShortDelayGivesNoRefundToChoose() throws Exception {
    String departure = ZonedDateTime.parse(shortDelayFlight.getString("departure")).plusMinutes(45).toOffsetDateTime()
        .toString();
    String id = http.postJson("/api/v1/events", new JsonObject().put("type", "FLIGHT_DELAYED").put("flight", "XX200")
        .put("date", shortDelayFlight.getString("date")).put("origin", "MDW").put("departure", departure))
        .json().getString("id");
    DisruptionAwait.done(http, id);
    String caseId = rows("SELECT case_id FROM disruption_passenger WHERE disruption_id = '" + id + "' LIMIT 1").get(0)
        .getUUID(0).toString();
    Http.Answer refused = http.postJson("/api/v1/cases/" + caseId + "/refund", new JsonObject());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().getString("detail")).contains("no rule gives a refund");
    assertThat(rows("SELECT s.id FROM segment s JOIN flight f ON f.id = s.flight_id WHERE f.flight_no = 'XX200'"
        + " AND s.status <> 'CANCELLED'")).hasSize(10);
  }

  private static Http passenger(Row row) {
    String token = http.postJson("/api/v1/auth/passenger", new JsonObject().put("pnr", row.getString("pnr"))
        .put("lastName", row.getString("last_name"))).json().getString("token");
    return new Http(node.httpPort()).as(token);
  }

  private static long sold(String flight) {
    return rows("SELECT c.sold FROM flight_cabin c JOIN flight f ON f.id = c.flight_id WHERE f.flight_no = '" + flight
        + "'").get(0).getInteger(0);
  }

  private static List<Row> rows(String sql) {
    return Rows.of(node.pool(), sql);
  }
}
