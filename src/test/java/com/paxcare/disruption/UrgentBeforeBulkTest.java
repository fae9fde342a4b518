package com.paxcare.disruption;

import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;
import com.paxcare.testing.DisruptionAwait;
import com.paxcare.testing.Crowd;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Urgent personal events are not queued behind bulk work: while a 1,000-passenger cancellation is being
 * re-accommodated (batch after batch, holding the seat counts of the flights it fills), family emergencies reported
 * at the same time — rebooked onto those same flights — have their whole plans done before the cancellation is.
 * The step engine and the disruption worker have lanes and connections of their own, and a disruption batch holds
 * the seats it shares with them only for one transaction.
 */
class UrgentBeforeBulkTest {
  private static final int URGENT = 10;
  private static Database database;
  private static PaxCareNode node;
  private static Http http;
  private static final Crowd crowd = new Crowd();
  private static final List<JsonObject> urgentPassengers = new ArrayList<>();

  @BeforeAll
  static void start() {
    database = TestDatabase.fresh();
    node = TestNodes.single(database);
    http = new Http(node.httpPort());
    JsonObject cancelled = crowd.toDenver("UB900", 4, 1000);
    crowd.book(cancelled, 1000, null);
    JsonObject boarding = crowd.toDenver("UB100", 0.5, 60).put("status", "BOARDING");
    List<String> boardingPnrs = crowd.book(boarding, 40, null);
    for (int i = 0; i < 8; i++) {
      crowd.toDenver("UB30" + i, 5 + i, 200);
    }
    crowd.checkIn(boardingPnrs);
    urgentPassengers.addAll(crowd.namedPassengers(booking -> boardingPnrs.contains(booking.getString("pnr")))
        .subList(0, URGENT));
    crowd.feed(http);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void familyEmergenciesReportedDuringAMassCancellationFinishBeforeIt() throws Exception {
    assertThat(urgentPassengers).hasSize(URGENT);
    Http.Answer raised = http.postJson("/api/v1/events", Crowd.cancellation(crowd.flights().getJsonObject(0)));
    assertThat(raised.status()).as(raised.body()).isEqualTo(202);
    String disruption = raised.json().getString("id");
    // Report the emergencies once the cancellation's re-accommodation is under way.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"REACCOMMODATING".equals(http.get("/api/v1/disruptions/" + disruption).json().getString("status"))) {
      assertThat(System.nanoTime()).as("the cancellation is being re-accommodated").isLessThan(deadline);
      Thread.sleep(5);
    }
    // All at once, as a care desk and a call centre would in a storm.
    List<java.util.concurrent.CompletableFuture<Http.Answer>> reports = new ArrayList<>();
    for (JsonObject p : urgentPassengers) {
      reports.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> http.postJson("/api/v1/events",
          Crowd.urgentEvent("FAMILY_EMERGENCY", p))));
    }
    List<String> cases = new ArrayList<>();
    for (var report : reports) {
      Http.Answer reported = report.get();
      assertThat(reported.status()).as(reported.body()).isEqualTo(201);
      cases.add(reported.json().getString("id"));
    }
    JsonObject done = DisruptionAwait.done(http, disruption);
    assertThat(done.getJsonObject("progress").getInteger("reaccommodated")).isEqualTo(1000);
    for (String id : cases) {
      com.paxcare.cases.CaseAwaitAccess.planDone(http, id);
    }

    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
         PreparedStatement finished = connection.prepareStatement(
             "SELECT created_at, finished_at FROM disruption WHERE id = ?::uuid");
         PreparedStatement plan = connection.prepareStatement("SELECT c.created_at, max(s.done_at) FROM care_case c "
             + "JOIN case_step s ON s.case_id = c.id WHERE c.id = ?::uuid AND s.kind NOT IN "
             + "('FOLLOW_UP', 'CREW_ACK_CHECK', 'FOLLOW_UP_CHECK') GROUP BY c.created_at")) {
      finished.setString(1, disruption);
      Timestamp raisedAt;
      Timestamp finishedAt;
      try (ResultSet row = finished.executeQuery()) {
        row.next();
        raisedAt = row.getTimestamp(1);
        finishedAt = row.getTimestamp(2);
      }
      List<Long> plans = new ArrayList<>();
      List<Long> late = new ArrayList<>();
      for (String id : cases) {
        plan.setString(1, id);
        try (ResultSet row = plan.executeQuery()) {
          row.next();
          Timestamp reportedAt = row.getTimestamp(1);
          Timestamp planDone = row.getTimestamp(2);
          plans.add(planDone.getTime() - reportedAt.getTime());
          late.add(planDone.getTime() - finishedAt.getTime());
        }
      }
      System.out.println("A 1,000-passenger cancellation took " + (finishedAt.getTime() - raisedAt.getTime())
          + " ms; " + URGENT + " family emergencies reported during it had their plans done in " + plans + " ms; "
          + "done relative to the cancellation's end: " + late + " ms");
      assertThat(late).as("plans done after the cancellation was").allSatisfy(ms -> assertThat(ms).isNegative());
    }
  }
}
