package com.paxcare.cases;

import com.paxcare.Config;
import com.paxcare.db.Database;
import com.paxcare.testing.Rows;
import com.paxcare.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step engine's lanes, without its once-a-second sweep (the engine is never started): a wake-up that finds
 * every lane busy must still get its plan worked, by a lane that sweeps once it is free. Were such a wake-up
 * dropped, the sweep would have hidden it in every other test; here that plan would never finish.
 */
class StepLanesTest {
  private static final int CASES = 6;
  private static final int STEPS = 3;

  @Test
  void wakeUpsThatFindEveryLaneBusyAreNotLost() throws Exception {
    Database database = TestDatabase.fresh();
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = database.pool(vertx, 4, 64);
      List<UUID> cases = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        cases.add(openCaseWithThreeSteps(pool, i));
      }
      // Every step succeeds at once: the test is about which lane runs it, and that every one runs once.
      Map<StepKind, Step> instant = new EnumMap<>(StepKind.class);
      for (StepKind kind : StepKind.values()) {
        instant.put(kind, context -> Future.succeededFuture(new JsonObject()));
      }
      StepEngine engine = new StepEngine(vertx, pool, Clock.systemUTC(), "lanes-test", Config.from(Map.of()).care(),
          instant, 2);

      vertx.runOnContext(v -> cases.forEach(engine::wake)); // two lanes, six wake-ups in a row

      CaseAwait.until(() -> Rows.of(pool, "SELECT count(*) FROM case_step WHERE status = 'PENDING'").get(0)
          .getLong(0) == 0, "every step of the six plans done without the sweep");
      assertThat(Rows.of(pool, "SELECT case_id, count(*) FROM case_event WHERE action LIKE '% done'"
          + " GROUP BY case_id HAVING count(*) <> " + STEPS)).as("each step applied exactly once").isEmpty();
      assertThat(Rows.of(pool, "SELECT count(DISTINCT case_id) FROM case_event").get(0).getLong(0))
          .isEqualTo((long) CASES);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  /** A case whose plan is three steps, the first due now and the others waiting for their turn. */
  private static UUID openCaseWithThreeSteps(Pool pool, int i) {
    UUID id = UUID.randomUUID();
    Rows.of(pool, "INSERT INTO care_case (id, reference, type, pnr, pax_id, first_name, last_name, destination,"
        + " language, location) VALUES ('" + id + "', 'PC-LANE" + i + "', 'FAMILY_EMERGENCY', 'LANES" + i + "', 'P1',"
        + " 'ANN', 'LANE', 'DEN', 'en', '{}')");
    Rows.of(pool, "INSERT INTO case_step (case_id, position, kind, due_at) VALUES"
        + " ('" + id + "', 1, 'REBOOK', now()), ('" + id + "', 2, 'CARE', NULL), ('" + id + "', 3, 'CONFIRM', NULL)");
    return id;
  }
}
