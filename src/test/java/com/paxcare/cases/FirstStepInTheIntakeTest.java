package com.paxcare.cases;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.intake.Intake;
import com.paxcare.intake.UrgentEvent;
import com.paxcare.recall.RecallSteps;
import com.paxcare.testing.Http;
import com.paxcare.testing.Rows;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new case's first step, when it reaches the passenger, is applied in the transaction that records the case:
 * the gate's alert commits with the case. Should that step fail there, the case is recorded all the same and the
 * step lanes apply the step afterwards, once.
 */
class FirstStepInTheIntakeTest {
  private static final Story story = new Story();
  private static PaxCareNode node;
  private static Http http;

  @BeforeAll
  static void start() {
    int port = TestNodes.freePort();
    node = TestNodes.start(Config.from(TestNodes.environment("first-step-" + UUID.randomUUID(), "node-a", port,
        "127.0.0.1:" + port, Map.of())), TestDatabase.fresh());
    http = new Http(node.httpPort());
    assertThat(http.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    JsonArray bookings = new JsonArray().add(story.peggy())
        .add(Story.booking("GATEAA", "ANN", "GATE", "+13125550001", null, story.taxiing, "20A", "BOARDED",
            "5262100000011"));
    assertThat(http.postJson("/api/v1/feed/bookings", bookings).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void theRecallCommitsWithTheCase() {
    Http.Answer answer = http.postJson("/api/v1/events", Story.familyEmergency());

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    JsonObject first = answer.json().getJsonArray("plan").getJsonObject(0);
    assertThat(first.getString("step")).isEqualTo("RECALL");
    assertThat(first.getString("status")).isEqualTo("DONE");
    // Read at once, before any step lane could have run: it was in the case's own commit.
    String caseId = answer.json().getString("id");
    assertThat(Rows.of(node.pool(), "SELECT status FROM case_step WHERE case_id = '" + caseId + "' AND position = 1")
        .get(0).getString(0)).isEqualTo("DONE");
    // The lanes go on with the rest of the plan meanwhile (the care step alerts the gate too): only the recall's
    // alerts are counted.
    assertThat(Rows.of(node.pool(), "SELECT count(*) FROM gate_alert WHERE case_id = '" + caseId
        + "' AND kind = 'RECALL'").get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  void aFirstStepThatFailsIsLeftToTheLanesAndTheCaseStaysRecorded() throws Exception {
    AtomicInteger tried = new AtomicInteger();
    Map<StepKind, Step> failingRecall = new EnumMap<>(StepKind.class);
    failingRecall.putAll(RecallSteps.all());
    failingRecall.put(StepKind.RECALL, context -> {
      tried.incrementAndGet();
      // A statement that fails in the database, as a real fault would: the savepoint must undo it.
      return context.tx().query("SELECT 1 / 0").execute().map(rows -> new JsonObject());
    });
    Config config = Config.from(Map.of());
    StepEngine failing = new StepEngine(node.vertx(), node.pool(), Clock.systemUTC(), "failing", config.care(),
        failingRecall, 0);
    Intake intake = new Intake(node.pool(), node.vertx().eventBus(), Clock.systemUTC(), failing);
    JsonObject report = Story.familyEmergency().put("pnr", "GATEAA").put("lastName", "GATE");

    Intake.Outcome outcome = intake.report(UrgentEvent.read(report), Optional.empty(), "test")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(tried).hasValue(1);
    assertThat(outcome.created()).isTrue();
    assertThat(outcome.opened().getJsonArray("plan").getJsonObject(0).getString("status")).isEqualTo("PENDING");
    String caseId = outcome.caseId().toString();
    int planned = outcome.opened().getJsonArray("plan").size();
    assertThat(Rows.of(node.pool(), "SELECT count(*) FROM case_step WHERE case_id = '" + caseId + "' AND position <= "
        + planned).get(0).getLong(0)).isEqualTo(planned);
    // The node's own lanes, woken by the intake, apply the recall with the real handler: once.
    CaseAwait.until(() -> "DONE".equals(Rows.of(node.pool(),
        "SELECT status FROM case_step WHERE case_id = '" + caseId + "' AND position = 1").get(0).getString(0)),
        "the recall applied by a lane");
    // The lanes go on with the rest of the plan meanwhile (the care step alerts the gate too): only the recall's
    // alerts are counted.
    assertThat(Rows.of(node.pool(), "SELECT count(*) FROM gate_alert WHERE case_id = '" + caseId
        + "' AND kind = 'RECALL'").get(0).getLong(0)).isEqualTo(1);
  }
}
