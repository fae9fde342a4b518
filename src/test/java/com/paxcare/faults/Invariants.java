package com.paxcare.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold after any fault, read straight from PostgreSQL: every accepted event has its case, exactly one;
 * no effect applied twice; no seat oversold; no charge on a waived change; nothing due left undone.
 */
final class Invariants {
  /** Each query counts violations; each must be 0. */
  static final Map<String, String> MUST_BE_ZERO = new LinkedHashMap<>();

  static {
    MUST_BE_ZERO.put("cabins oversold", "SELECT count(*) FROM flight_cabin WHERE sold > capacity");
    MUST_BE_ZERO.put("charges on a waived change",
        "SELECT count(*) FROM reissue WHERE waiver_code IS NOT NULL AND (fare_difference > 0 OR change_fee > 0)");
    MUST_BE_ZERO.put("cases reissued twice (same disruption or none)",
        "SELECT count(*) FROM (SELECT case_id, disruption_id FROM reissue GROUP BY 1, 2 HAVING count(*) > 1) x");
    MUST_BE_ZERO.put("gate alerts raised twice",
        "SELECT count(*) FROM (SELECT case_id, kind, gate FROM gate_alert GROUP BY 1, 2, 3 HAVING count(*) > 1) x");
    MUST_BE_ZERO.put("crew messages sent twice",
        "SELECT count(*) FROM (SELECT case_id, text FROM crew_message GROUP BY 1, 2 HAVING count(*) > 1) x");
    MUST_BE_ZERO.put("notifications queued twice", "SELECT count(*) FROM (SELECT case_id, channel, audience, body "
        + "FROM notification GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) x");
    MUST_BE_ZERO.put("bag messages sent twice",
        "SELECT count(*) FROM (SELECT case_id, tag, action, text FROM bsm_outbound GROUP BY 1, 2, 3, 4 "
            + "HAVING count(*) > 1) x");
    MUST_BE_ZERO.put("seats issued twice to one passenger on one flight", "SELECT count(*) FROM (SELECT pnr, pax_id, "
        + "flight_id FROM segment WHERE issued_by_paxcare AND status <> 'CANCELLED' GROUP BY 1, 2, 3 HAVING count(*) > 1) x");
    MUST_BE_ZERO.put("open cases twice for one passenger and reason", "SELECT count(*) FROM (SELECT pnr, pax_id, type "
        + "FROM care_case WHERE status = 'OPEN' GROUP BY 1, 2, 3 HAVING count(*) > 1) x");
    MUST_BE_ZERO.put("steps due and not done", "SELECT count(*) FROM case_step WHERE status = 'PENDING' "
        + "AND due_at <= now()");
    MUST_BE_ZERO.put("disruptions not finished", "SELECT count(*) FROM disruption WHERE status <> 'DONE'");
  }

  private Invariants() {
  }

  /** Counts of each violation now. */
  static Map<String, Long> violations(FaultDatabase db) throws SQLException {
    Map<String, Long> found = new LinkedHashMap<>();
    for (Map.Entry<String, String> check : MUST_BE_ZERO.entrySet()) {
      found.put(check.getKey(), db.count(check.getValue()));
    }
    return found;
  }

  /** Waits until nothing due is left undone (the work is settled); answers how long that took, in ms. */
  static long awaitSettled(FaultDatabase db, long timeoutMillis) throws Exception {
    long start = System.nanoTime();
    long deadline = start + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      try {
        if (db.count(MUST_BE_ZERO.get("steps due and not done")) == 0
            && db.count(MUST_BE_ZERO.get("disruptions not finished")) == 0) {
          return (System.nanoTime() - start) / 1_000_000;
        }
      } catch (SQLException databaseRestarting) {
        // try again
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Work not settled after " + timeoutMillis + " ms: " + violations(db));
  }

  /** Every accepted event has exactly the case it was answered with, of its passenger and reason. */
  static void everyAcceptedEventHasItsCase(FaultDatabase db, List<MixedLoad.Accepted> accepted) throws SQLException {
    Map<String, String> cases = new java.util.HashMap<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT id::text, pnr, type::text FROM care_case")) {
      while (rows.next()) {
        cases.put(rows.getString(1), rows.getString(2) + "/" + rows.getString(3));
      }
    }
    Set<String> seen = new HashSet<>();
    for (MixedLoad.Accepted event : accepted) {
      assertThat(cases.get(event.caseId())).as("case of accepted event " + event)
          .isEqualTo(event.pnr() + "/" + event.type());
      assertThat(seen.add(event.key())).as("one answer per event " + event.key()).isTrue();
    }
  }

  /** Every alert of the station in PostgreSQL is known to the tablet. */
  static Set<Long> alertsOf(FaultDatabase db, String station) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT id FROM gate_alert WHERE station = '" + station + "'")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }
}
