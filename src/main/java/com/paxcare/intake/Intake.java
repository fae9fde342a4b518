package com.paxcare.intake;

import com.paxcare.cases.PlanRule;
import com.paxcare.cases.StepContext;
import com.paxcare.cases.StepEngine;
import com.paxcare.cases.StepKind;
import com.paxcare.cases.Timeline;
import com.paxcare.db.Retry;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.CaseStatus;
import com.paxcare.db.schema.enums.CaseType;
import com.paxcare.locate.Locator;
import com.paxcare.locate.Whereabouts;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.CASE_STEP;
import static com.paxcare.db.schema.Tables.IDEMPOTENCY_KEY;

/**
 * Takes an urgent report and answers as soon as the case is durably recorded: the passenger found, where she
 * is, and the plan. A second report about the same passenger and reason while a case is open joins that
 * case (the database's one-open-case index decides, also when two nodes race); the same Idempotency-Key
 * always answers the same case.
 */
public final class Intake {
  private final Pool pool;
  private final EventBus eventBus;
  private final Clock clock;
  private final StepEngine firstSteps;

  public Intake(Pool pool, EventBus eventBus, Clock clock, StepEngine firstSteps) {
    this.pool = pool;
    this.eventBus = eventBus;
    this.clock = clock;
    this.firstSteps = firstSteps;
  }

  /**
   * The case the report landed in, and whether it opened it. A new case comes with its answer already made
   * (passenger, whereabouts, plan): no need to read back what was just written.
   */
  public record Outcome(UUID caseId, boolean created, JsonObject opened) {
  }

  // The statements of an urgent report, rendered once (Sql.Prepared): they run on every event.
  private static final Sql.Prepared REPLAY = Sql.Prepared.of(Sql.dsl()
      .select(IDEMPOTENCY_KEY.CASE_ID, IDEMPOTENCY_KEY.CREATED).from(IDEMPOTENCY_KEY)
      .where(IDEMPOTENCY_KEY.KEY.eq(DSL.param("key", IDEMPOTENCY_KEY.KEY))));
  /** Opens the case unless one is open for this passenger and reason (the partial unique index decides). */
  private static final Sql.Prepared OPEN = Sql.Prepared.of(Sql.dsl().insertInto(CARE_CASE)
      .set(CARE_CASE.ID, DSL.param("id", CARE_CASE.ID))
      .set(CARE_CASE.REFERENCE, DSL.param("reference", CARE_CASE.REFERENCE))
      .set(CARE_CASE.TYPE, DSL.param("type", CARE_CASE.TYPE))
      .set(CARE_CASE.PNR, DSL.param("pnr", CARE_CASE.PNR))
      .set(CARE_CASE.PAX_ID, DSL.param("paxId", CARE_CASE.PAX_ID))
      .set(CARE_CASE.FIRST_NAME, DSL.param("firstName", CARE_CASE.FIRST_NAME))
      .set(CARE_CASE.LAST_NAME, DSL.param("lastName", CARE_CASE.LAST_NAME))
      .set(CARE_CASE.DESTINATION, DSL.param("destination", CARE_CASE.DESTINATION))
      .set(CARE_CASE.NOTE, DSL.param("note", CARE_CASE.NOTE))
      .set(CARE_CASE.LANGUAGE, DSL.param("language", CARE_CASE.LANGUAGE))
      .set(CARE_CASE.REPORTER_NAME, DSL.param("reporterName", CARE_CASE.REPORTER_NAME))
      .set(CARE_CASE.REPORTER_PHONE, DSL.param("reporterPhone", CARE_CASE.REPORTER_PHONE))
      .set(CARE_CASE.REPORTER_EMAIL, DSL.param("reporterEmail", CARE_CASE.REPORTER_EMAIL))
      .set(CARE_CASE.REPORTER_RELATION, DSL.param("reporterRelation", CARE_CASE.REPORTER_RELATION))
      .set(CARE_CASE.LOCATION, DSL.param("location", CARE_CASE.LOCATION))
      .onConflict(CARE_CASE.PNR, CARE_CASE.PAX_ID, CARE_CASE.TYPE).where(CARE_CASE.STATUS.eq(DSL.inline(CaseStatus.OPEN)))
      .doNothing()
      .returning(CARE_CASE.ID));
  private static final Sql.Prepared OPEN_CASE = Sql.Prepared.of(Sql.dsl().select(CARE_CASE.ID).from(CARE_CASE)
      .where(CARE_CASE.PNR.eq(DSL.param("pnr", CARE_CASE.PNR)))
      .and(CARE_CASE.PAX_ID.eq(DSL.param("paxId", CARE_CASE.PAX_ID)))
      .and(CARE_CASE.TYPE.eq(DSL.param("type", CARE_CASE.TYPE)))
      .and(CARE_CASE.STATUS.eq(DSL.inline(CaseStatus.OPEN))));
  private static final Sql.Prepared STEP = Sql.Prepared.of(Sql.dsl().insertInto(CASE_STEP)
      .set(CASE_STEP.CASE_ID, DSL.param("caseId", CASE_STEP.CASE_ID))
      .set(CASE_STEP.POSITION, DSL.param("position", CASE_STEP.POSITION))
      .set(CASE_STEP.KIND, DSL.param("kind", CASE_STEP.KIND))
      .set(CASE_STEP.PRIORITY, DSL.param("priority", CASE_STEP.PRIORITY))
      .set(CASE_STEP.DUE_AT, DSL.param("dueAt", CASE_STEP.DUE_AT)));
  private static final Sql.Prepared REMEMBER = Sql.Prepared.of(Sql.dsl().insertInto(IDEMPOTENCY_KEY)
      .set(IDEMPOTENCY_KEY.KEY, DSL.param("key", IDEMPOTENCY_KEY.KEY))
      .set(IDEMPOTENCY_KEY.CASE_ID, DSL.param("caseId", IDEMPOTENCY_KEY.CASE_ID))
      .set(IDEMPOTENCY_KEY.CREATED, DSL.param("created", IDEMPOTENCY_KEY.CREATED)));

  public Future<Outcome> report(UrgentEvent event, Optional<String> idempotencyKey, String actor) {
    return Retry.onConflict(() -> replay(idempotencyKey).compose(replayed -> replayed
        .map(Future::succeededFuture)
        .orElseGet(() -> PassengerFinder.find(pool, event)
            .compose(passenger -> Locator.locate(pool, passenger.pnr(), passenger.paxId())
                .compose(where -> recordAndReach(event, passenger, where, idempotencyKey, actor))))),
        "idempotency_key_pkey", "one_open_case_per_passenger_and_reason")
        .onSuccess(outcome -> {
          if (outcome.created()) {
            StepEngine.wakeFor(eventBus, outcome.caseId());
          }
        });
  }

  /**
   * Records the case and, in the same transaction, applies its first step when that reaches the passenger (see
   * {@link StepEngine#applyFirstStep}): her gate or crew hears of her as the case commits. The answer's plan
   * says so. Should that step fail, the case is recorded again without it, and the step lanes take it up.
   */
  private Future<Outcome> recordAndReach(UrgentEvent event, PassengerFinder.Passenger passenger, Whereabouts where,
      Optional<String> key, String actor) {
    List<StepContext.Publication> toPublish = new ArrayList<>();
    return pool.withTransaction(tx -> record(tx, event, passenger, where, key, actor).compose(outcome ->
            !outcome.created() ? Future.succeededFuture(outcome)
                : firstSteps.applyFirstStep(tx, outcome.caseId(), OffsetDateTime.now(clock)).map(first -> {
                  if (first.status() != null) {
                    toPublish.addAll(first.publications());
                    outcome.opened().getJsonArray("plan").getJsonObject(0).put("status", first.status());
                  }
                  return outcome;
                })))
        .onSuccess(outcome -> toPublish.forEach(p -> eventBus.publish(p.address(), p.body())))
        .recover(failure -> failure instanceof StepEngine.FirstStepFailed
            ? pool.withTransaction(tx -> record(tx, event, passenger, where, key, actor))
            : Future.failedFuture(failure));
  }

  private Future<Optional<Outcome>> replay(Optional<String> key) {
    if (key.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return REPLAY.run(pool, "key", key.get())
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new Outcome(
            rows.iterator().next().getUUID("case_id"), rows.iterator().next().getBoolean("created"), null)));
  }

  private Future<Outcome> record(SqlConnection tx, UrgentEvent event, PassengerFinder.Passenger passenger,
      Whereabouts where, Optional<String> key, String actor) {
    String destination = event.destination() != null ? event.destination() : where.finalDestination();
    if (destination == null) {
      throw InvalidInput.of("destination", "is required: the booking has no live flight to take it from");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    UUID id = UUID.randomUUID();
    JsonObject reported = reported(event, actor);
    var reporter = event.reporter();
    Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> open = OPEN.run(tx,
        "id", id,
        "reference", reference(id),
        "type", CaseType.valueOf(event.type()),
        "pnr", passenger.pnr(),
        "paxId", passenger.paxId(),
        "firstName", passenger.firstName(),
        "lastName", passenger.lastName(),
        "destination", destination,
        "note", event.note(),
        "language", event.language() != null ? event.language() : passenger.language(),
        "reporterName", reporter == null ? null : reporter.name(),
        "reporterPhone", reporter == null ? null : reporter.phone(),
        "reporterEmail", reporter == null ? null : reporter.email(),
        "reporterRelation", reporter == null ? null : reporter.relation(),
        "location", where.toJson());
    return open.compose(rows -> {
      if (rows.size() == 1) {
        return startPlan(tx, id, where, now, reported).compose(v -> remember(tx, key, id, true))
            .map(new Outcome(id, true, opened(id, event, passenger, where, destination, now)));
      }
      // A case is already open for this passenger and reason: this report joins its timeline.
      return OPEN_CASE.run(tx, "pnr", passenger.pnr(), "paxId", passenger.paxId(),
              "type", CaseType.valueOf(event.type()))
          .compose(existing -> {
            UUID openCase = existing.iterator().next().getUUID("id");
            return Timeline.append(tx, openCase, actor, "report joined", reported)
                .compose(v -> remember(tx, key, openCase, false))
                .map(new Outcome(openCase, false, null));
          });
    });
  }

  /** The short reference people quote on the phone: PC- and the id's first eight hex digits. */
  public static String reference(UUID id) {
    return "PC-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
  }

  private static JsonObject opened(UUID id, UrgentEvent event, PassengerFinder.Passenger passenger, Whereabouts where,
      String destination, OffsetDateTime now) {
    io.vertx.core.json.JsonArray plan = new io.vertx.core.json.JsonArray();
    List<StepKind> steps = PlanRule.planFor(where.phase());
    for (int i = 0; i < steps.size(); i++) {
      plan.add(new JsonObject().put("position", i + 1).put("step", steps.get(i).name()).put("status", "PENDING"));
    }
    var reporter = event.reporter();
    return new JsonObject()
        .put("id", id.toString())
        .put("reference", reference(id))
        .put("type", event.type())
        .put("status", "OPEN")
        .put("passenger", new JsonObject().put("pnr", passenger.pnr()).put("passengerId", passenger.paxId())
            .put("firstName", passenger.firstName()).put("lastName", passenger.lastName()))
        .put("reporter", reporter == null ? null : new JsonObject().put("name", reporter.name())
            .put("phone", reporter.phone()).put("email", reporter.email()).put("relation", reporter.relation()))
        .put("destination", destination)
        .put("location", where.toJson())
        .put("createdAt", now.toString())
        .put("plan", plan);
  }

  private static Future<Void> startPlan(SqlConnection tx, UUID caseId, Whereabouts where, OffsetDateTime now,
      JsonObject reported) {
    List<StepKind> plan = PlanRule.planFor(where.phase());
    List<Object[]> steps = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      steps.add(new Object[] {"caseId", caseId, "position", i + 1,
          "kind", com.paxcare.db.schema.enums.StepKind.valueOf(plan.get(i).name()),
          "priority", (short) (plan.get(i).reachesThePassenger() ? 0 : 1), "dueAt", i == 0 ? now : null});
    }
    JsonObject opened = reported.copy().put("location", where.toJson())
        .put("plan", new io.vertx.core.json.JsonArray(plan.stream().map(Enum::name).toList()));
    return STEP.batch(tx, steps)
        .compose(v -> Timeline.append(tx, caseId, reported.getString("by"), "case opened", opened));
  }

  private static Future<Void> remember(SqlConnection tx, Optional<String> key, UUID caseId, boolean created) {
    if (key.isEmpty()) {
      return Future.succeededFuture();
    }
    return REMEMBER.run(tx, "key", key.get(), "caseId", caseId, "created", created).mapEmpty();
  }

  private static JsonObject reported(UrgentEvent event, String actor) {
    JsonObject detail = new JsonObject().put("type", event.type()).put("by", actor);
    if (event.reporter() != null) {
      detail.put("reporter", new JsonObject().put("name", event.reporter().name())
          .put("relation", event.reporter().relation()));
    }
    if (event.note() != null) {
      detail.put("note", event.note());
    }
    return detail;
  }
}
