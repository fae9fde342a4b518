package com.paxcare.cases;

import com.paxcare.Config;
import com.paxcare.db.Retry;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.StepStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.CASE_STEP;

/**
 * Runs the plans of all cases, on every node. A step is claimed with {@code FOR UPDATE SKIP LOCKED} in the
 * transaction that applies it and marks it done, so each step is applied exactly once whichever node runs it,
 * and a step whose node dies mid-way is simply claimed again. Nodes are woken over the clustered event bus
 * when work is created, and look for due timers and orphaned steps every second anyway.
 */
public final class StepEngine {
  /** Where a node's step engines hear that a case has a step due now (see {@link #wakeFor}). */
  public static final String WAKE_ADDRESS = "paxcare.steps.wake";

  /**
   * Wakes one step engine of this node for the case: sent, not published, and kept on the node. Published, every
   * engine of every node started a lane for it, and all but one found it claimed: an empty transaction each.
   * Should this node die first, any node's sweep claims the case's steps.
   */
  public static void wakeFor(io.vertx.core.eventbus.EventBus eventBus, UUID caseId) {
    eventBus.send(WAKE_ADDRESS, new JsonObject().put("caseId", caseId.toString()),
        new io.vertx.core.eventbus.DeliveryOptions().setLocalOnly(true));
  }
  /** Published when the last step of a case's plan is done. */
  public static final String PLAN_DONE_ADDRESS = "paxcare.cases.plan-done";
  private static final Logger LOG = LoggerFactory.getLogger(StepEngine.class);
  private final int lanes;
  private static final int MAX_ATTEMPTS = 5;

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final String node;
  private final com.paxcare.db.FailureLog laneFailures = new com.paxcare.db.FailureLog(LOG, "A step lane");
  private final Config.CareRules rules;
  private final Map<com.paxcare.cases.StepKind, Step> steps;
  private final AtomicInteger busyLanes = new AtomicInteger();
  private volatile boolean wokenWhileBusy;
  private volatile boolean stopped;
  private long timer = -1;

  public StepEngine(Vertx vertx, Pool pool, Clock clock, String node, Config.CareRules rules,
      Map<com.paxcare.cases.StepKind, Step> steps, int lanes) {
    this.lanes = lanes;
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.node = node;
    this.rules = rules;
    this.steps = new EnumMap<>(steps);
  }

  public Future<Void> start() {
    timer = vertx.setPeriodic(1_000, id -> wake());
    return vertx.eventBus().<JsonObject>consumer(WAKE_ADDRESS, message -> {
      String caseId = message.body() == null ? null : message.body().getString("caseId");
      wake(caseId == null ? null : UUID.fromString(caseId));
    }).completion();
  }

  public void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Start working lanes until no step is due; extra wake-ups while all lanes run are remembered. */
  public void wake() {
    wake(null);
  }

  /**
   * With a case: one lane starts on that case's plan, if one is free. Without: every free lane starts looking
   * for due steps (the periodic sweep, or wake-ups that came while all lanes were busy). Starting every free lane
   * for each new case cost an empty transaction per idle lane: all but one found nothing.
   */
  public void wake(UUID caseId) {
    if (stopped) {
      return;
    }
    if (caseId != null) {
      if (!takeLane()) {
        wokenWhileBusy = true;
        return;
      }
      lane(caseId, false);
      if (!wokenWhileBusy) {
        return;
      }
      // A wake-up missed while every lane was busy is still owed a sweep: the lanes left free do it.
    }
    wokenWhileBusy = true;
    while (takeLane()) {
      wokenWhileBusy = false;
      lane(null, true);
    }
  }

  private boolean takeLane() {
    if (busyLanes.incrementAndGet() > lanes) {
      busyLanes.decrementAndGet();
      return false;
    }
    return true;
  }

  /**
   * A lane works a plan depth-first: after a step it claims the same case's next step, so one passenger's
   * plan finishes in a few milliseconds instead of queueing behind every other case's steps. A lane started for
   * one case ends with that case's plan; a sweeping lane goes on to any due step until it finds none.
   */
  private void lane(UUID preferredCase, boolean sweeping) {
    runOne(preferredCase).onComplete(ar -> {
      if (ar.succeeded()) {
        laneFailures.succeeded();
      }
      Ran ran = ar.succeeded() ? ar.result() : null;
      if (ran != null && ran.caseId() != null && !stopped && (ran.planGoesOn() || sweeping)) {
        lane(ran.planGoesOn() ? ran.caseId() : null, sweeping); // there may be more
      } else {
        busyLanes.decrementAndGet();
        if (ar.failed()) {
          // The database is unreachable or similar: the periodic timer tries again, no hot loop.
          if (!stopped) {
            laneFailures.failed(ar.cause());
          }
        } else if (wokenWhileBusy) {
          wake();
        }
      }
    });
  }

  /** What a lane's transaction did: the case whose step it applied (none if none was due), and whether that
   * case's plan has a next step due now. */
  record Ran(UUID caseId, boolean planGoesOn) {
    static final Ran NOTHING = new Ran(null, false);
  }

  /** Claims and applies one due step (of the preferred case if it has one), and the steps that may follow it. */
  Future<Ran> runOne(UUID preferredCase) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<StepContext.Publication> toPublish = new ArrayList<>();
    return pool.withTransaction(tx -> claim(tx, now, preferredCase).compose(claimed -> claimed
        .map(step -> applyRun(tx, step, now, toPublish, 1).map(goesOn -> new Ran(step.caseId(), goesOn)))
        .orElse(Future.succeededFuture(Ran.NOTHING))))
        // Pushed only once committed: a tablet that re-reads on the push finds what it was told about.
        .onSuccess(ran -> toPublish.forEach(p -> vertx.eventBus().publish(p.address(), p.body())))
        .recover(failure -> failure instanceof StepFailed failed
            ? recordFailure(failed, now).map(retryIn -> {
              // Come back for it when its back-off is over, rather than at the next sweep.
              vertx.setTimer(retryIn, timer -> wake(failed.step.caseId()));
              return Ran.NOTHING;
            })
            : Future.failedFuture(failure));
  }

  /** A new case's first step, applied in the transaction that opened the case: its status, or null if left. */
  public record FirstStep(String status, List<StepContext.Publication> publications) {
    static final FirstStep LEFT_TO_LANES = new FirstStep(null, List.of());
  }

  /**
   * Applies a new case's first step inside the transaction that opens the case, when it reaches the passenger
   * (the recall at her gate, the message to her crew): the gate hears of her with the commit that records the
   * case, instead of one transaction later, and the plan has one commit less. Should the step fail, this fails
   * with {@link FirstStepFailed}: the caller records the case without it, and a lane applies the step as usual
   * (a failed statement dooms the whole transaction in the client, so a savepoint cannot keep the rest). What it
   * publishes goes out only once the caller's transaction has committed.
   */
  public Future<FirstStep> applyFirstStep(SqlConnection tx, UUID caseId, OffsetDateTime now) {
    List<StepContext.Publication> toPublish = new ArrayList<>();
    return NEXT_OF_CASE.run(tx, "caseId", caseId, "now", now)
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(FirstStep.LEFT_TO_LANES);
          }
          Row step = rows.iterator().next();
          com.paxcare.cases.StepKind kind = com.paxcare.cases.StepKind.valueOf(step.getString("kind"));
          if (!kind.reachesThePassenger()) {
            return Future.succeededFuture(FirstStep.LEFT_TO_LANES);
          }
          return apply(tx, Claimed.of(step, CaseFile.from(step)), now, toPublish)
              .map(applied -> new FirstStep(applied.status().getLiteral(), List.copyOf(toPublish)));
        })
        .recover(failure -> {
          Throwable cause = failure instanceof StepFailed failed ? failed.getCause() : failure;
          LOG.warn("The first step of case {} is left to the step lanes: {}", caseId, String.valueOf(cause));
          return Future.failedFuture(new FirstStepFailed(cause));
        });
  }

  /** A new case's first step failed in the intake's transaction; the case is to be recorded without it. */
  public static final class FirstStepFailed extends RuntimeException {
    FirstStepFailed(Throwable cause) {
      super(cause);
    }
  }

  private record Claimed(long id, UUID caseId, com.paxcare.cases.StepKind kind, int position, int attempts,
      CaseFile caseFile) {
    /** A step as {@link #CLAIMED} reads it, of the case described by {@code caseFile}. */
    static Claimed of(Row step, CaseFile caseFile) {
      return new Claimed(step.getLong("id"), step.getUUID("case_id"),
          com.paxcare.cases.StepKind.valueOf(step.getString("kind")), step.getInteger("position"),
          step.getInteger("attempts"), caseFile);
    }
  }

  private static final org.jooq.Field<?>[] CLAIMED = {CASE_STEP.ID, CASE_STEP.CASE_ID, CASE_STEP.KIND,
      CASE_STEP.POSITION, CASE_STEP.ATTEMPTS};
  /**
   * A claimed step with its case file: read with the claim, in the same statement, instead of by a second one
   * that had to wait for the claim's answer. Only the step is locked.
   */
  private static final org.jooq.SelectField<?>[] CLAIMED_WITH_CASE = java.util.stream.Stream.concat(
      java.util.Arrays.stream(CLAIMED), java.util.Arrays.stream(CaseFile.COLUMNS)).toArray(org.jooq.SelectField[]::new);
  /** The preferred case's next due step (a lane works a plan depth-first). */
  private static final Sql.Prepared NEXT_OF_CASE = Sql.Prepared.of(Sql.dsl().select(CLAIMED_WITH_CASE)
      .from(CASE_STEP).join(CARE_CASE).on(CARE_CASE.ID.eq(CASE_STEP.CASE_ID))
      .where(CASE_STEP.CASE_ID.eq(DSL.param("caseId", CASE_STEP.CASE_ID)))
      .and(CASE_STEP.STATUS.eq(DSL.inline(StepStatus.PENDING)))
      .and(CASE_STEP.DUE_AT.le(DSL.param("now", CASE_STEP.DUE_AT)))
      .orderBy(CASE_STEP.POSITION).limit(DSL.inline(1)).forUpdate().of(CASE_STEP).skipLocked());
  /** Any due step: reaching passengers (priority 0) before everything else, then oldest first. */
  private static final Sql.Prepared ANY_DUE = Sql.Prepared.of(Sql.dsl().select(CLAIMED_WITH_CASE)
      .from(CASE_STEP).join(CARE_CASE).on(CARE_CASE.ID.eq(CASE_STEP.CASE_ID))
      .where(CASE_STEP.STATUS.eq(DSL.inline(StepStatus.PENDING)))
      .and(CASE_STEP.DUE_AT.le(DSL.param("now", CASE_STEP.DUE_AT)))
      .orderBy(CASE_STEP.PRIORITY, CASE_STEP.DUE_AT).limit(DSL.inline(1)).forUpdate().of(CASE_STEP).skipLocked());
  /**
   * A step's completion in one statement: the step marked done, its timeline entries (a JSON array, see
   * {@link Timeline#appendFromJson}), and the case's next step made due and locked, returned as {@link #NEXT_DUE}
   * returns it. Three statements per step were a fifth of an urgent event's statements. The next step is chosen
   * among steps not yet due, so the one completed here (already due) is never the one chosen.
   */
  private static final Sql.Prepared COMPLETE = Sql.Prepared.of(Sql.dsl()
      .with("done").as(Sql.dsl().update(CASE_STEP)
          .set(CASE_STEP.STATUS, DSL.param("status", CASE_STEP.STATUS))
          .set(CASE_STEP.RESULT, DSL.param("result", CASE_STEP.RESULT))
          .set(CASE_STEP.DONE_AT, DSL.currentOffsetDateTime())
          .set(CASE_STEP.NODE, DSL.param("node", CASE_STEP.NODE))
          .where(CASE_STEP.ID.eq(DSL.param("id", CASE_STEP.ID)))
          .returningResult(CASE_STEP.ID))
      .with("logged").as(Timeline.appendFromJson(DSL.param("caseId", CASE_STEP.CASE_ID),
          DSL.param("actor", org.jooq.impl.SQLDataType.CLOB)))
      .update(CASE_STEP)
      .set(CASE_STEP.DUE_AT, DSL.param("now", CASE_STEP.DUE_AT))
      .where(CASE_STEP.ID.eq(nextInSequence()))
      .returning(CLAIMED));
  /**
   * The next step of the sequence (the first still waiting for its turn) becomes due. Locked as it is chosen: a
   * step that another transaction is doing out of turn (mass re-accommodation rebooking an urgent case's
   * passenger) is waited for and, once done, passed over for the one after it.
   */
  private static final Sql.Prepared NEXT_DUE = Sql.Prepared.of(Sql.dsl().update(CASE_STEP)
      .set(CASE_STEP.DUE_AT, DSL.param("now", CASE_STEP.DUE_AT))
      .where(CASE_STEP.ID.eq(nextInSequence()))
      // The updated row stays locked by this transaction: the same lane may apply it next without claiming it.
      .returning(CLAIMED));

  private static org.jooq.Select<org.jooq.Record1<Long>> nextInSequence() {
    return DSL.select(CASE_STEP.ID).from(CASE_STEP)
        .where(CASE_STEP.CASE_ID.eq(DSL.param("caseId", CASE_STEP.CASE_ID)))
        .and(CASE_STEP.STATUS.eq(DSL.inline(StepStatus.PENDING)))
        .and(CASE_STEP.DUE_AT.isNull())
        .orderBy(CASE_STEP.ID).limit(DSL.inline(1)).forUpdate();
  }

  private Future<Optional<Claimed>> claim(SqlConnection tx, OffsetDateTime now, UUID preferredCase) {
    Future<io.vertx.sqlclient.RowSet<Row>> preferred = preferredCase == null
        ? Future.succeededFuture(null) : NEXT_OF_CASE.run(tx, "caseId", preferredCase, "now", now);
    return preferred.compose(rows -> rows != null && rows.size() > 0 ? Future.succeededFuture(rows)
        : ANY_DUE.run(tx, "now", now)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row step = rows.iterator().next();
      return Optional.of(Claimed.of(step, CaseFile.from(step)));
    });
  }

  /** At most this many steps of one case share a transaction. */
  private static final int STEPS_PER_TRANSACTION = 6;

  /**
   * Applies the step, then, in the same transaction, the case's next steps while they may share one: each
   * step's effect still commits together with its completion, with fewer commits per plan. Steps that reach
   * the passenger commit on their own (their alert must go out now), and so does the rebooking (it holds a
   * flight's seat count until it commits). Answers whether the plan has a step due after the last one applied.
   */
  private Future<Boolean> applyRun(SqlConnection tx, Claimed step, OffsetDateTime now,
      List<StepContext.Publication> toPublish, int applied) {
    return apply(tx, step, now, toPublish).map(Applied::next).compose(next -> {
      if (next.isEmpty()) {
        return Future.succeededFuture(false);
      }
      if (commitsAlone(step.kind()) || applied >= STEPS_PER_TRANSACTION || commitsAlone(next.get().kind())) {
        return Future.succeededFuture(true); // the lane claims it next, in a transaction of its own
      }
      return applyRun(tx, next.get(), now, toPublish, applied + 1);
    });
  }

  private static boolean commitsAlone(com.paxcare.cases.StepKind kind) {
    return kind.reachesThePassenger() || kind == com.paxcare.cases.StepKind.REBOOK;
  }

  /** How a step ended, and the case's next step, made due and locked, if there is one. */
  private record Applied(StepStatus status, Optional<Claimed> next) {
  }

  /** Applies one step and completes it. */
  private Future<Applied> apply(SqlConnection tx, Claimed step, OffsetDateTime now,
      List<StepContext.Publication> toPublish) {
    StepContext context = new StepContext(tx, step.caseFile(), step.id(), step.kind(), now, node, rules);
    Step handler = steps.get(step.kind());
    Future<JsonObject> applied = handler == null
        ? Future.failedFuture(new IllegalStateException("No handler for step " + step.kind()))
        : handler.apply(context);
    return applied
        .recover(failure -> Future.failedFuture(new StepFailed(step, failure)))
        .compose(result -> complete(tx, step, context, result))
        .onSuccess(v -> toPublish.addAll(context.publications()));
  }

  private Future<Applied> complete(SqlConnection tx, Claimed step, StepContext context, JsonObject result) {
    boolean skipped = result.getBoolean("skipped", false);
    StepStatus status = skipped ? StepStatus.SKIPPED : StepStatus.DONE;
    List<Timeline.Entry> entries = new ArrayList<>();
    entries.add(new Timeline.Entry(step.caseId(), "paxcare@" + node, step.kind() + (skipped ? " skipped" : " done"),
        result));
    for (JsonObject entry : context.timelineEntries()) {
      entries.add(new Timeline.Entry(step.caseId(), "paxcare@" + node, entry.getString("action"),
          entry.getJsonObject("detail")));
    }
    // The lane that ran this step claims the next one right away: no wake-up needed. When no step is left
    // in the sequence, the plan is done: ops screens (and benchmarks) hear of it.
    Future<io.vertx.sqlclient.RowSet<Row>> next = COMPLETE.run(tx, "status", status, "result", result, "node", node,
        "id", step.id(), "caseId", step.caseId(), "actor", "paxcare@" + node, "entries", Timeline.asJson(entries),
        "now", context.now());
    return next.map(rows -> {
      if (rows.rowCount() == 0) {
        if (!step.kind().name().endsWith("_CHECK")) {
          context.publishAfterCommit(PLAN_DONE_ADDRESS, new JsonObject().put("caseId", step.caseId().toString())
              .put("pnr", step.caseFile().pnr()));
        }
        return new Applied(status, Optional.empty());
      }
      return new Applied(status, Optional.of(Claimed.of(rows.iterator().next(), step.caseFile())));
    });
  }

  /** A step that threw: its transaction rolled back; count the attempt, retry soon, or give up loudly. */
  private Future<Long> recordFailure(StepFailed failed, OffsetDateTime now) {
    Claimed step = failed.step;
    int attempts = step.attempts() + 1;
    boolean givingUp = attempts >= MAX_ATTEMPTS || !Retry.isTransient(failed.getCause()) && !isSeatRace(failed);
    LOG.warn("Step {} of case {} failed (attempt {}){}", step.kind(), step.caseId(), attempts,
        givingUp ? ", escalating" : ", retrying", failed.getCause());
    String error = String.valueOf(failed.getCause().getMessage());
    return pool.withTransaction(tx -> {
      var update = Sql.dsl().update(CASE_STEP)
          .set(CASE_STEP.ATTEMPTS, attempts)
          .set(CASE_STEP.RESULT, new JsonObject().put("error", error))
          .set(CASE_STEP.DUE_AT, now.plusNanos(backoffMillis(attempts) * 1_000_000L));
      if (givingUp) {
        update = update.set(CASE_STEP.STATUS, StepStatus.FAILED);
      }
      Future<Void> chain = Sql.run(tx, update.where(CASE_STEP.ID.eq(step.id()))
          .and(CASE_STEP.STATUS.eq(StepStatus.PENDING))).mapEmpty();
      if (givingUp) {
        chain = chain
            .compose(v -> Escalations.record(tx, step.caseId(), "STEP_FAILED",
                new JsonObject().put("step", step.kind().name()).put("error", error)))
            .compose(v -> Timeline.append(tx, step.caseId(), "paxcare@" + node, step.kind() + " failed",
                new JsonObject().put("error", error).put("attempts", attempts)))
            // The plan goes on: a failed rebooking still deserves a confirmation and a call back.
            .compose(v -> NEXT_DUE.run(tx, "now", now, "caseId", step.caseId()))
            .mapEmpty();
      }
      return chain;
    }).onSuccess(v -> {
      if (givingUp) {
        vertx.eventBus().publish(Escalations.OPS_ADDRESS, new JsonObject().put("caseId", step.caseId().toString())
            .put("reason", "STEP_FAILED").put("step", step.kind().name()));
      }
    }).map(v -> backoffMillis(attempts));
  }

  private static long backoffMillis(int attempts) {
    return 20L * attempts * attempts;
  }

  /** Two rebookings raced for the last seat, or for one seat label: the loser retries with fresh seats. */
  private static boolean isSeatRace(StepFailed failed) {
    return failed.getCause() instanceof io.vertx.pgclient.PgException pg
        && ("no_oversold_seat".equals(pg.getConstraint()) || "one_passenger_per_seat".equals(pg.getConstraint())
            || "23P01".equals(pg.getSqlState()) || "23514".equals(pg.getSqlState()));
  }

  /** Carries the claimed step out of its rolled-back transaction. */
  private static final class StepFailed extends RuntimeException {
    final transient Claimed step;

    StepFailed(Claimed step, Throwable cause) {
      super(cause);
      this.step = step;
    }
  }

}
