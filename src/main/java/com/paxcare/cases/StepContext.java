package com.paxcare.cases;

import com.paxcare.Config;
import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.jooq.impl.DSL;
import io.vertx.sqlclient.SqlConnection;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static com.paxcare.db.schema.Tables.CASE_STEP;

/** What a step works with: the open transaction, the case, the time, and messages to publish after commit. */
public final class StepContext {
  /** A live push for the clustered event bus, sent only once the transaction has committed. */
  public record Publication(String address, JsonObject body) {
  }

  private final SqlConnection tx;
  private final CaseFile caseFile;
  private final long stepId;
  private final StepKind kind;
  private final OffsetDateTime now;
  private final String node;
  private final Config.CareRules rules;
  private final List<Publication> afterCommit = new ArrayList<>();
  private final List<JsonObject> timeline = new ArrayList<>();

  StepContext(SqlConnection tx, CaseFile caseFile, long stepId, StepKind kind, OffsetDateTime now, String node,
      Config.CareRules rules) {
    this.tx = tx;
    this.caseFile = caseFile;
    this.stepId = stepId;
    this.kind = kind;
    this.now = now;
    this.node = node;
    this.rules = rules;
  }

  public SqlConnection tx() {
    return tx;
  }

  public CaseFile caseFile() {
    return caseFile;
  }

  public long stepId() {
    return stepId;
  }

  public StepKind kind() {
    return kind;
  }

  public OffsetDateTime now() {
    return now;
  }

  public String node() {
    return node;
  }

  public Config.CareRules rules() {
    return rules;
  }

  public void publishAfterCommit(String address, JsonObject body) {
    afterCommit.add(new Publication(address, body));
  }

  /** An extra timeline entry written with the step's completion (besides "<STEP> done"). */
  public void record(String action, JsonObject detail) {
    timeline.add(new JsonObject().put("action", action).put("detail", detail));
  }

  /**
   * A timer: a step of this case that comes due at {@code dueAt} outside the plan's sequence (e.g. "has the crew
   * acknowledged?"). It is claimed like any step, by whichever node is up then.
   */
  private static final Sql.Prepared TIMER = Sql.Prepared.of(Sql.dsl().insertInto(CASE_STEP)
      .set(CASE_STEP.CASE_ID, DSL.param("caseId", CASE_STEP.CASE_ID))
      .set(CASE_STEP.POSITION, DSL.select(DSL.max(CASE_STEP.POSITION).plus(DSL.inline(100))).from(CASE_STEP)
          .where(CASE_STEP.CASE_ID.eq(DSL.param("caseId", CASE_STEP.CASE_ID))).<Integer>asField())
      .set(CASE_STEP.KIND, DSL.param("kind", CASE_STEP.KIND))
      .set(CASE_STEP.DUE_AT, DSL.param("dueAt", CASE_STEP.DUE_AT)));

  public Future<Void> scheduleTimer(StepKind timer, OffsetDateTime dueAt) {
    return TIMER.run(tx, "caseId", caseFile.id(), "kind", com.paxcare.db.schema.enums.StepKind.valueOf(timer.name()),
        "dueAt", dueAt).mapEmpty();
  }

  /**
   * Escalates this case: recorded with the step, on the timeline as {@code action}, and pushed to ops control
   * (and to the care desk when {@code careDeskToo}) once committed.
   */
  public Future<Void> escalate(String reason, String action, JsonObject detail, boolean careDeskToo) {
    record(action, detail);
    return Escalations.record(tx, caseFile.id(), reason, detail).map(push -> {
      publishAfterCommit(Escalations.OPS_ADDRESS, push);
      if (careDeskToo) {
        publishAfterCommit(Escalations.CARE_DESK_ADDRESS, push);
      }
      return null;
    });
  }

  List<Publication> publications() {
    return afterCommit;
  }

  List<JsonObject> timelineEntries() {
    return timeline;
  }
}
