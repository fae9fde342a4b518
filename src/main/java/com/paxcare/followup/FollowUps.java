package com.paxcare.followup;

import com.paxcare.cases.Timeline;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.CaseStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.util.Optional;

import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.FOLLOWUP;

/** The care desk's queue of calls to make, and completing one (which closes the case). */
public final class FollowUps {
  private final Pool pool;

  public FollowUps(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonArray> list(String status) {
    return read(status == null ? DSL.trueCondition() : FOLLOWUP.STATUS.eq(status));
  }

  /** Follow-ups with what the caller needs to make the call, soonest due first. */
  private Future<JsonArray> read(Condition where) {
    var query = Sql.dsl()
        .select(FOLLOWUP.ID, FOLLOWUP.CASE_ID, FOLLOWUP.DUE_AT, FOLLOWUP.STATUS, FOLLOWUP.ESCALATED_AT,
            FOLLOWUP.OUTCOME, FOLLOWUP.COMPLETED_AT, CARE_CASE.REFERENCE, CARE_CASE.TYPE, CARE_CASE.FIRST_NAME,
            CARE_CASE.LAST_NAME, CARE_CASE.PNR, CARE_CASE.REPORTER_NAME, CARE_CASE.REPORTER_PHONE,
            // Escalated means the engine found it overdue (by the same clock that schedules the plans).
            DSL.field(FOLLOWUP.STATUS.eq("DUE").and(FOLLOWUP.DUE_AT.lt(DSL.currentOffsetDateTime())
                .or(FOLLOWUP.ESCALATED_AT.isNotNull()))).as("overdue"))
        .from(FOLLOWUP).join(CARE_CASE).on(CARE_CASE.ID.eq(FOLLOWUP.CASE_ID))
        .where(where).orderBy(FOLLOWUP.DUE_AT).limit(500);
    return Sql.run(pool, query).map(rows -> {
      JsonArray list = new JsonArray();
      rows.forEach(row -> list.add(toJson(row)));
      return list;
    });
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("caseId", row.getUUID("case_id").toString())
        .put("caseReference", row.getString("reference"))
        .put("type", row.getString("type"))
        .put("passenger", row.getString("first_name") + " " + row.getString("last_name"))
        .put("pnr", row.getString("pnr"))
        .put("call", new JsonObject().put("name", row.getString("reporter_name"))
            .put("phone", row.getString("reporter_phone")))
        .put("dueAt", row.getOffsetDateTime("due_at").toString())
        .put("status", row.getString("status"))
        .put("overdue", row.getBoolean("overdue"))
        .put("escalated", row.getValue("escalated_at") != null)
        .put("outcome", row.getString("outcome"));
  }

  /** Records the call's outcome and closes the case; completing twice answers the first completion. */
  public Future<Optional<JsonObject>> complete(long id, String outcome, String by) {
    return pool.withTransaction(tx -> Sql.run(tx, Sql.dsl().update(FOLLOWUP)
            .set(FOLLOWUP.STATUS, "DONE").set(FOLLOWUP.OUTCOME, outcome).set(FOLLOWUP.COMPLETED_BY, by)
            .set(FOLLOWUP.COMPLETED_AT, DSL.currentOffsetDateTime())
            .where(FOLLOWUP.ID.eq(id)).and(FOLLOWUP.STATUS.eq("DUE"))
            .returning(FOLLOWUP.CASE_ID))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(false);
          }
          var caseId = rows.iterator().next().getUUID("case_id");
          return Sql.run(tx, Sql.dsl().update(CARE_CASE).set(CARE_CASE.STATUS, CaseStatus.CLOSED)
                  .set(CARE_CASE.CLOSED_AT, DSL.currentOffsetDateTime()).where(CARE_CASE.ID.eq(caseId)))
              .compose(v -> Timeline.append(tx, caseId, by, "follow-up call completed",
                  new JsonObject().put("outcome", outcome)))
              .compose(v -> Timeline.append(tx, caseId, by, "case closed", new JsonObject()))
              .map(true);
        }))
        .compose(done -> read(FOLLOWUP.ID.eq(id)))
        .map(found -> found.isEmpty() ? Optional.<JsonObject>empty() : Optional.of(found.getJsonObject(0)));
  }
}
