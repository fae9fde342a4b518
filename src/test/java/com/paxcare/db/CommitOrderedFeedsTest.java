package com.paxcare.db;

import com.paxcare.PaxCareNode;
import com.paxcare.cases.CaseAwaitAccess;
import com.paxcare.testing.FromAddress;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader following a feed with its cursor never misses a row committed out of id order: two transactions (as
 * two nodes would) write a row each, the one with the higher id commits first and is read, and the one with the
 * lower id, committed afterwards, is still read next time. With an id cursor ("after the last id seen") the
 * second row would be skipped for good; the fault suite found exactly that with gate tablets.
 */
class CommitOrderedFeedsTest {
  private static final Story story = new Story();
  private static final Database database = TestDatabase.fresh();
  private static PaxCareNode node;
  private static Http admin;
  /** A client that reads answer headers (the BSM feed's cursor is one). */
  private static FromAddress withHeaders;
  private static String caseId;

  @BeforeAll
  static void start() throws Exception {
    node = TestNodes.single(database);
    admin = new Http(node.httpPort());
    withHeaders = new FromAddress(node.httpPort());
    assertThat(admin.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    assertThat(admin.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy())).status()).isEqualTo(200);
    assertThat(admin.post("/api/v1/feed/bsm", "text/plain", story.peggysBag()).status()).isEqualTo(200);
    caseId = admin.postJson("/api/v1/events", Story.familyEmergency()).json().getString("id");
    CaseAwaitAccess.planDone(admin, caseId);
  }

  @AfterAll
  static void stop() {
    if (withHeaders != null) {
      withHeaders.close();
    }
    TestNodes.stop(node);
  }

  @Test
  void aGateAlertCommittedAfterAHigherOneIsStillReadByATabletThatReadTheHigherOne() throws Exception {
    Feed alerts = cursor -> {
      JsonObject page = admin.get("/api/v1/gates/MDW/*/alerts?after=" + encode(cursor)).json();
      Set<Long> ids = new HashSet<>();
      page.getJsonArray("alerts").forEach(a -> ids.add(((JsonObject) a).getLong("id")));
      return new Page(ids, page.getString("next"));
    };
    String insert = "INSERT INTO gate_alert (case_id, station, gate, kind, payload) "
        + "VALUES ('" + caseId + "', 'MDW', 'B12', 'CARE', '{}') RETURNING id";
    assertReadInCommitOrder(alerts, insert);
  }

  @Test
  void aBagMessageCommittedAfterAHigherOneIsStillReadByTheBaggageSystem() throws Exception {
    Feed messages = cursor -> {
      FromAddress.Answer page = withHeaders.get("/api/v1/bsm/outbound?after=" + encode(cursor),
          "Bearer " + Http.TEST_ADMIN_KEY);
      assertThat(page.status()).isEqualTo(200);
      Set<Long> ids = new HashSet<>();
      try (Connection connection = TestDatabase.connect(database.jdbcUrl());
           PreparedStatement byText = connection.prepareStatement("SELECT id FROM bsm_outbound WHERE text = ?")) {
        for (String message : page.body().split("\n\n")) {
          if (message.isBlank()) {
            continue;
          }
          byText.setString(1, message);
          try (ResultSet rows = byText.executeQuery()) {
            while (rows.next()) {
              ids.add(rows.getLong(1));
            }
          }
        }
      }
      return new Page(ids, page.header("X-Next"));
    };
    String insert = "INSERT INTO bsm_outbound (case_id, tag, action, text) VALUES ('" + caseId + "', '0526000001', "
        + "'CHG', 'BSM' || chr(10) || 'CHG' || chr(10) || '.N/0526000001001' || chr(10) || '.X/' || "
        + "md5(random()::text) || chr(10) || 'ENDBSM') RETURNING id";
    assertReadInCommitOrder(messages, insert);
  }

  /** One read of a feed: the rows' ids and the cursor to go on from. */
  private record Page(Set<Long> ids, String next) {
  }

  @FunctionalInterface
  private interface Feed {
    Page read(String cursor) throws Exception;
  }

  private static void assertReadInCommitOrder(Feed feed, String insertReturningId) throws Exception {
    // A reader that has read everything so far.
    String cursor = feed.read("").next();
    try (Connection first = TestDatabase.connect(database.jdbcUrl());
         Connection second = TestDatabase.connect(database.jdbcUrl())) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      long lower = insert(first, insertReturningId);
      long higher = insert(second, insertReturningId);
      assertThat(higher).isGreaterThan(lower);
      second.commit();

      // The reader reads while the lower row is still uncommitted, then again once it is committed.
      Page whileOpen = feed.read(cursor);
      first.commit();
      Page afterwards = feed.read(whileOpen.next());

      Set<Long> seen = new HashSet<>(whileOpen.ids());
      seen.addAll(afterwards.ids());
      assertThat(seen).as("rows the reader saw, by following its cursor").contains(lower, higher);
      // And nothing twice: the cursor moved past what it handed out.
      assertThat(whileOpen.ids()).doesNotContainAnyElementsOf(afterwards.ids());
    }
  }

  private static long insert(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String encode(String cursor) {
    return URLEncoder.encode(cursor == null ? "" : cursor, StandardCharsets.UTF_8);
  }
}
