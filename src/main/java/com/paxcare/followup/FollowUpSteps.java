package com.paxcare.followup;

import com.paxcare.cases.CaseFile;
import com.paxcare.cases.Step;
import com.paxcare.cases.StepContext;
import com.paxcare.cases.StepKind;
import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.Map;

import static com.paxcare.db.schema.Tables.FOLLOWUP;

/**
 * The promised call back: a task for the care desk, due a set time after her new flight lands. A timer step
 * checks it when it falls overdue and escalates it; it stays in the queue until someone completes it.
 */
public final class FollowUpSteps {
  private FollowUpSteps() {
  }

  public static Map<StepKind, Step> all() {
    return Map.of(StepKind.FOLLOW_UP, FollowUpSteps::schedule, StepKind.FOLLOW_UP_CHECK, FollowUpSteps::check);
  }

  private static final Sql.Prepared TASK = Sql.Prepared.of(Sql.dsl().insertInto(FOLLOWUP)
      .set(FOLLOWUP.CASE_ID, DSL.param("caseId", FOLLOWUP.CASE_ID))
      .set(FOLLOWUP.DUE_AT, DSL.param("dueAt", FOLLOWUP.DUE_AT))
      .returning(FOLLOWUP.ID));

  private static Future<JsonObject> schedule(StepContext context) {
    CaseFile file = context.caseFile();
    return com.paxcare.rebook.RebookStep.RESULT.run(context.tx(), "caseId", file.id()).compose(rows -> {
      OffsetDateTime from = context.now();
      if (rows.size() > 0 && rows.iterator().next().getValue("result") instanceof JsonObject result) {
        JsonArray itinerary = result.getJsonArray("itinerary", new JsonArray());
        if (!itinerary.isEmpty()) {
          from = OffsetDateTime.parse(itinerary.getJsonObject(itinerary.size() - 1).getString("arrival"));
        }
      }
      OffsetDateTime due = from.plusHours(context.rules().followUpDelayHours());
      return TASK.run(context.tx(), "caseId", file.id(), "dueAt", due)
          .compose(taskRows -> context.scheduleTimer(StepKind.FOLLOW_UP_CHECK,
              due.plusMinutes(context.rules().followUpGraceMinutes()))
          .map(v -> new JsonObject().put("followUpId", taskRows.iterator().next().getLong("id"))
              .put("dueAt", due.toString())));
    });
  }

  private static Future<JsonObject> check(StepContext context) {
    CaseFile file = context.caseFile();
    var overdue = Sql.dsl().update(FOLLOWUP).set(FOLLOWUP.ESCALATED_AT, DSL.currentOffsetDateTime())
        .where(FOLLOWUP.CASE_ID.eq(file.id())).and(FOLLOWUP.STATUS.eq("DUE")).and(FOLLOWUP.ESCALATED_AT.isNull())
        .returning(FOLLOWUP.ID, FOLLOWUP.DUE_AT);
    return Sql.run(context.tx(), overdue).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(new JsonObject().put("overdue", false));
      }
      JsonObject detail = new JsonObject().put("followUpId", rows.iterator().next().getLong("id"))
          .put("dueAt", rows.iterator().next().getOffsetDateTime("due_at").toString());
      return context.escalate("FOLLOW_UP_OVERDUE", "follow-up overdue: escalated", detail, true)
          .map(v -> detail.copy().put("overdue", true).put("escalated", true));
    });
  }
}
