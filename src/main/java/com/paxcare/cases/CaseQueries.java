package com.paxcare.cases;

import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.CaseStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.BAG;
import static com.paxcare.db.schema.Tables.BAG_LEG;
import static com.paxcare.db.schema.Tables.BAG_OFFLOAD;
import static com.paxcare.db.schema.Tables.BSM_OUTBOUND;
import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.CARE_PROVISION;
import static com.paxcare.db.schema.Tables.DISRUPTION;
import static com.paxcare.db.schema.Tables.DISRUPTION_PASSENGER;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.CASE_EVENT;
import static com.paxcare.db.schema.Tables.CASE_STEP;
import static com.paxcare.db.schema.Tables.CREW_MESSAGE;
import static com.paxcare.db.schema.Tables.ESCALATION;
import static com.paxcare.db.schema.Tables.FOLLOWUP;
import static com.paxcare.db.schema.Tables.NOTIFICATION;
import static com.paxcare.db.schema.Tables.REISSUE;

/** The case file as anyone helping the passenger reads it: one answer with everything, timeline last. */
public final class CaseQueries {
  private final Pool pool;

  public CaseQueries(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonArray> list(CaseStatus status) {
    var query = Sql.dsl().selectFrom(CARE_CASE)
        .where(status == null ? CARE_CASE.STATUS.isNotNull() : CARE_CASE.STATUS.eq(status))
        .orderBy(CARE_CASE.CREATED_AT.desc()).limit(500);
    return Sql.run(pool, query).map(rows -> {
      JsonArray cases = new JsonArray();
      rows.forEach(row -> cases.add(summary(row)));
      return cases;
    });
  }

  public Future<Optional<JsonObject>> view(UUID id) {
    return pool.withConnection(conn -> Sql.run(conn, Sql.dsl().selectFrom(CARE_CASE).where(CARE_CASE.ID.eq(id)))
        .compose(caseRows -> {
          if (caseRows.size() == 0) {
            return Future.succeededFuture(Optional.<JsonObject>empty());
          }
          Row row = caseRows.iterator().next();
          String pnr = row.getString("pnr");
          String paxId = row.getString("pax_id");
          // Independent reads pipelined on one connection.
          var steps = Sql.run(conn, Sql.dsl().selectFrom(CASE_STEP).where(CASE_STEP.CASE_ID.eq(id))
              .orderBy(CASE_STEP.POSITION));
          var reissue = Sql.run(conn, Sql.dsl().selectFrom(REISSUE).where(REISSUE.CASE_ID.eq(id)).orderBy(REISSUE.ID));
          var bags = Sql.run(conn, Sql.dsl().select(BAG.TAG, BAG.EXCEPTIONS, BAG.IRREGULARITIES, BAG_LEG.FLIGHT_NO,
                  BAG_LEG.FLIGHT_DATE, BAG_LEG.ORIGIN, BAG_LEG.DESTINATION,
                  BAG_OFFLOAD.OFFLOADED_AT, BAG_OFFLOAD.OFFLOADED_BY,
                  DSL.exists(DSL.selectOne().from(BSM_OUTBOUND).where(BSM_OUTBOUND.CASE_ID.eq(id))
                      .and(BSM_OUTBOUND.TAG.eq(BAG.TAG)).and(BSM_OUTBOUND.ACTION.eq("ADD"))).as("rerouted"))
              .from(BAG).leftJoin(BAG_LEG).on(BAG_LEG.TAG.eq(BAG.TAG))
              .leftJoin(BAG_OFFLOAD).on(BAG_OFFLOAD.TAG.eq(BAG.TAG)).and(BAG_OFFLOAD.CASE_ID.eq(id))
              .where(BAG.PNR.eq(pnr)).and(BAG.PAX_ID.eq(paxId)).orderBy(BAG.TAG, BAG_LEG.POSITION));
          var notifications = Sql.run(conn, Sql.dsl().select(NOTIFICATION.ID, NOTIFICATION.CHANNEL,
                  NOTIFICATION.AUDIENCE, NOTIFICATION.LANGUAGE, NOTIFICATION.STATUS, NOTIFICATION.ATTEMPTS,
                  NOTIFICATION.SENT_AT, NOTIFICATION.LAST_ERROR, NOTIFICATION.SUBJECT)
              .from(NOTIFICATION).where(NOTIFICATION.CASE_ID.eq(id)).orderBy(NOTIFICATION.ID));
          var followUp = Sql.run(conn, Sql.dsl().selectFrom(FOLLOWUP).where(FOLLOWUP.CASE_ID.eq(id)));
          var care = Sql.run(conn, Sql.dsl().selectFrom(CARE_PROVISION).where(CARE_PROVISION.CASE_ID.eq(id))
              .orderBy(CARE_PROVISION.ID));
          var crew = Sql.run(conn, Sql.dsl().selectFrom(CREW_MESSAGE).where(CREW_MESSAGE.CASE_ID.eq(id))
              .orderBy(CREW_MESSAGE.ID));
          var escalations = Sql.run(conn, Sql.dsl().selectFrom(ESCALATION).where(ESCALATION.CASE_ID.eq(id))
              .orderBy(ESCALATION.ID));
          var timeline = Sql.run(conn, Sql.dsl().selectFrom(CASE_EVENT).where(CASE_EVENT.CASE_ID.eq(id))
              .orderBy(CASE_EVENT.ID));
          var disruptions = Sql.run(conn, Sql.dsl().select(DISRUPTION.ID, DISRUPTION.KIND, FLIGHT.FLIGHT_NO,
                  FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN, FLIGHT.DESTINATION, DISRUPTION_PASSENGER.RANK,
                  DISRUPTION_PASSENGER.PRIORITY_GROUP, DISRUPTION_PASSENGER.REASON, DISRUPTION_PASSENGER.STATUS,
                  DISRUPTION_PASSENGER.WAITLIST_POSITION, DISRUPTION_PASSENGER.RIGHTS)
              .from(DISRUPTION_PASSENGER).join(DISRUPTION).on(DISRUPTION.ID.eq(DISRUPTION_PASSENGER.DISRUPTION_ID))
              .join(FLIGHT).on(FLIGHT.ID.eq(DISRUPTION.FLIGHT_ID))
              .where(DISRUPTION_PASSENGER.CASE_ID.eq(id)).orderBy(DISRUPTION.CREATED_AT));
          return Future.all(List.of(steps, reissue, bags, notifications, followUp, care, crew, escalations, timeline,
                  disruptions))
              .map(all -> Optional.of(summary(row)
                  .put("note", row.getString("note"))
                  .put("language", row.getString("language"))
                  .put("recall", row.getString("recall_status"))
                  .put("plan", plan(steps.result()))
                  .put("rebooking", rebooking(steps.result(), reissue.result()))
                  .put("bags", bags(bags.result()))
                  .put("notifications", notifications(notifications.result()))
                  .put("followUp", followUp(followUp.result()))
                  .put("care", care(care.result()))
                  .put("crewMessages", crew(crew.result()))
                  .put("escalations", escalations(escalations.result()))
                  .put("timeline", timeline(timeline.result()))
                  .put("disruptions", disruptions(disruptions.result()))));
        }));
  }

  static JsonObject summary(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("reference", row.getString("reference"))
        .put("type", row.getString("type"))
        .put("status", row.getString("status"))
        .put("passenger", new JsonObject().put("pnr", row.getString("pnr")).put("passengerId", row.getString("pax_id"))
            .put("firstName", row.getString("first_name")).put("lastName", row.getString("last_name")))
        .put("reporter", row.getString("reporter_name") == null ? null : new JsonObject()
            .put("name", row.getString("reporter_name")).put("phone", row.getString("reporter_phone"))
            .put("email", row.getString("reporter_email")).put("relation", row.getString("reporter_relation")))
        .put("destination", row.getString("destination"))
        .put("location", row.getValue("location"))
        .put("createdAt", row.getOffsetDateTime("created_at").toString())
        .put("closedAt", row.getValue("closed_at") == null ? null : row.getOffsetDateTime("closed_at").toString());
  }

  /** The disruptions this case was worked in: her place in each, why, what came of it, and her rights. */
  private static JsonArray disruptions(RowSet<Row> rows) {
    JsonArray list = new JsonArray();
    for (Row row : rows) {
      list.add(new JsonObject().put("id", row.getUUID("id").toString()).put("kind", row.getString("kind"))
          .put("flight", row.getString("flight_no")).put("date", row.getLocalDate("flight_date").toString())
          .put("origin", row.getString("origin")).put("destination", row.getString("destination"))
          .put("rank", row.getInteger("rank")).put("group", row.getInteger("priority_group"))
          .put("reason", row.getString("reason")).put("status", row.getString("status"))
          .put("waitlistPosition", row.getInteger("waitlist_position")).put("rights", row.getValue("rights")));
    }
    return list;
  }

  private static JsonArray plan(RowSet<Row> rows) {
    JsonArray plan = new JsonArray();
    for (Row row : rows) {
      plan.add(new JsonObject().put("position", row.getInteger("position")).put("step", row.getString("kind"))
          .put("status", row.getString("status"))
          .put("dueAt", row.getValue("due_at") == null ? null : row.getOffsetDateTime("due_at").toString())
          .put("doneAt", row.getValue("done_at") == null ? null : row.getOffsetDateTime("done_at").toString())
          .put("attempts", row.getInteger("attempts")).put("node", row.getString("node"))
          .put("result", row.getValue("result")));
    }
    return plan;
  }

  private static JsonObject rebooking(RowSet<Row> steps, RowSet<Row> reissues) {
    JsonObject rebooking = null;
    for (Row step : steps) {
      if ("REBOOK".equals(step.getString("kind")) && step.getValue("result") instanceof JsonObject result) {
        rebooking = result.copy();
      }
    }
    for (Row reissue : reissues) {
      if (rebooking == null) {
        rebooking = new JsonObject();
      }
      rebooking.put("reissue", new JsonObject()
          .put("newTicket", reissue.getString("new_ticket"))
          .put("oldTicket", reissue.getString("old_ticket"))
          .put("waiverCode", reissue.getString("waiver_code"))
          .put("endorsement", reissue.getString("endorsement"))
          .put("fareDifference", Sql.get(reissue, REISSUE.FARE_DIFFERENCE).toPlainString())
          .put("changeFee", Sql.get(reissue, REISSUE.CHANGE_FEE).toPlainString())
          .put("currency", reissue.getString("currency")));
    }
    return rebooking;
  }

  private static JsonArray bags(RowSet<Row> rows) {
    JsonArray bags = new JsonArray();
    JsonObject current = null;
    for (Row row : rows) {
      String tag = row.getString("tag");
      if (current == null || !current.getString("tag").equals(tag)) {
        List<String> irregularities = List.of(row.getArrayOfStrings("irregularities"));
        boolean offloaded = row.getValue("offloaded_at") != null;
        current = new JsonObject().put("tag", tag)
            .put("status", BagStatus.of(irregularities.contains("OFF"), offloaded, row.getBoolean("rerouted")).name())
            .put("exceptions", new JsonArray(List.of(row.getArrayOfStrings("exceptions"))))
            .put("irregularities", new JsonArray(irregularities))
            .put("offloadedAt", offloaded ? row.getOffsetDateTime("offloaded_at").toString() : null)
            .put("offloadedBy", row.getString("offloaded_by"))
            .put("route", new JsonArray());
        bags.add(current);
      }
      if (row.getString("flight_no") != null) {
        current.getJsonArray("route").add(new JsonObject().put("flight", row.getString("flight_no"))
            .put("date", row.getLocalDate("flight_date").toString()).put("origin", row.getString("origin"))
            .put("destination", row.getString("destination")));
      }
    }
    return bags;
  }

  private static JsonArray notifications(RowSet<Row> rows) {
    JsonArray list = new JsonArray();
    for (Row row : rows) {
      list.add(new JsonObject().put("id", row.getLong("id")).put("channel", row.getString("channel"))
          .put("audience", row.getString("audience")).put("language", row.getString("language"))
          .put("subject", row.getString("subject")).put("status", row.getString("status"))
          .put("attempts", row.getInteger("attempts"))
          .put("sentAt", row.getValue("sent_at") == null ? null : row.getOffsetDateTime("sent_at").toString())
          .put("lastError", row.getString("last_error")));
    }
    return list;
  }

  private static JsonObject followUp(RowSet<Row> rows) {
    for (Row row : rows) {
      return new JsonObject().put("id", row.getLong("id")).put("dueAt", row.getOffsetDateTime("due_at").toString())
          .put("status", row.getString("status")).put("escalated", row.getValue("escalated_at") != null)
          .put("outcome", row.getString("outcome"));
    }
    return null;
  }

  private static JsonArray care(RowSet<Row> rows) {
    JsonArray list = new JsonArray();
    for (Row row : rows) {
      list.add(new JsonObject().put("kind", row.getString("kind")).put("station", row.getString("station"))
          .put("code", row.getString("code"))
          .put("amount", row.getValue("amount") == null ? null : Sql.get(row, CARE_PROVISION.AMOUNT).toPlainString())
          .put("currency", row.getString("currency"))
          .put("handedOverAt", row.getValue("handed_over_at") == null ? null
              : row.getOffsetDateTime("handed_over_at").toString())
          .put("handedOverBy", row.getString("handed_over_by")));
    }
    return list;
  }

  static JsonObject crewMessage(Row row) {
    return new JsonObject().put("id", row.getLong("id")).put("caseId", row.getUUID("case_id").toString())
        .put("text", row.getString("text"))
        .put("createdAt", row.getOffsetDateTime("created_at").toString())
        .put("acknowledged", row.getValue("acknowledged_at") != null)
        .put("acknowledgedBy", row.getString("acknowledged_by"))
        .put("escalated", row.getValue("escalated_at") != null);
  }

  private static JsonArray crew(RowSet<Row> rows) {
    JsonArray list = new JsonArray();
    rows.forEach(row -> list.add(crewMessage(row)));
    return list;
  }

  private static JsonArray escalations(RowSet<Row> rows) {
    JsonArray list = new JsonArray();
    rows.forEach(row -> list.add(new JsonObject().put("reason", row.getString("reason"))
        .put("detail", row.getValue("detail")).put("at", row.getOffsetDateTime("created_at").toString())));
    return list;
  }

  private static JsonArray timeline(RowSet<Row> rows) {
    JsonArray list = new JsonArray();
    rows.forEach(row -> list.add(new JsonObject().put("at", row.getOffsetDateTime("at").toString())
        .put("by", row.getString("actor")).put("action", row.getString("action")).put("detail", row.getValue("detail"))));
    return list;
  }
}
