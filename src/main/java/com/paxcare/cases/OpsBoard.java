package com.paxcare.cases;

import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.List;

import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.CREW_MESSAGE;
import static com.paxcare.db.schema.Tables.ESCALATION;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.FOLLOWUP;
import static com.paxcare.db.schema.enums.CaseStatus.OPEN;

/** What ops control watches: flights with open cases, crews that have not answered, escalations, counts. */
public final class OpsBoard {
  private static final Field<String> CASE_FLIGHT = DSL.field("{0} ->> 'flight'", String.class, CARE_CASE.LOCATION);
  private static final Field<String> CASE_DATE = DSL.field("{0} ->> 'date'", String.class, CARE_CASE.LOCATION);
  private static final Field<String> CASE_ORIGIN = DSL.field("{0} ->> 'origin'", String.class, CARE_CASE.LOCATION);
  private static final Field<String> CASE_DESTINATION =
      DSL.field("{0} ->> 'destination'", String.class, CARE_CASE.LOCATION);

  private final Pool pool;

  public OpsBoard(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> board() {
    return pool.withConnection(conn -> {
      var counts = Sql.run(conn, Sql.dsl().select(
          DSL.field(DSL.selectCount().from(CARE_CASE).where(CARE_CASE.STATUS.eq(OPEN))).as("open_cases"),
          DSL.field(DSL.selectCount().from(FOLLOWUP).where(FOLLOWUP.STATUS.eq("DUE"))
              .and(FOLLOWUP.DUE_AT.gt(DSL.currentOffsetDateTime()))).as("due"),
          DSL.field(DSL.selectCount().from(FOLLOWUP).where(FOLLOWUP.STATUS.eq("DUE"))
              .and(FOLLOWUP.DUE_AT.le(DSL.currentOffsetDateTime()))).as("overdue"),
          DSL.field(DSL.selectCount().from(CREW_MESSAGE).where(CREW_MESSAGE.ACKNOWLEDGED_AT.isNull())).as("unacked"),
          DSL.field(DSL.selectCount().from(ESCALATION)
              .where(ESCALATION.CREATED_AT.gt(DSL.currentOffsetDateTime().minus(DSL.field("interval '24 hours'",
                  org.jooq.types.DayToSecond.class))))).as("escalations")));
      var flights = Sql.run(conn, Sql.dsl().select(CASE_FLIGHT.as("flight"), CASE_DATE.as("date"),
              CASE_ORIGIN.as("origin"), CASE_DESTINATION.as("destination"), DSL.count().as("open_cases"))
          .from(CARE_CASE).where(CARE_CASE.STATUS.eq(OPEN)).and(CASE_FLIGHT.isNotNull())
          .groupBy(CASE_FLIGHT, CASE_DATE, CASE_ORIGIN, CASE_DESTINATION)
          .orderBy(DSL.count().desc(), CASE_DATE, CASE_FLIGHT).limit(200));
      var unacknowledged = Sql.run(conn, Sql.dsl().select(CREW_MESSAGE.ID, CREW_MESSAGE.CASE_ID, CREW_MESSAGE.TEXT,
              CREW_MESSAGE.CREATED_AT, CREW_MESSAGE.ESCALATED_AT, FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN)
          .from(CREW_MESSAGE).join(FLIGHT).on(FLIGHT.ID.eq(CREW_MESSAGE.FLIGHT_ID))
          .where(CREW_MESSAGE.ACKNOWLEDGED_AT.isNull()).orderBy(CREW_MESSAGE.ID).limit(200));
      var escalations = Sql.run(conn, Sql.dsl().select(ESCALATION.CASE_ID, CARE_CASE.REFERENCE, ESCALATION.REASON,
              ESCALATION.DETAIL, ESCALATION.CREATED_AT)
          .from(ESCALATION).join(CARE_CASE).on(CARE_CASE.ID.eq(ESCALATION.CASE_ID))
          .orderBy(ESCALATION.ID.desc()).limit(100));
      return Future.all(List.of(counts, flights, unacknowledged, escalations)).map(all -> {
        Row count = counts.result().iterator().next();
        JsonObject board = new JsonObject().put("counts", new JsonObject()
            .put("openCases", count.getLong("open_cases")).put("dueFollowUps", count.getLong("due"))
            .put("overdueFollowUps", count.getLong("overdue"))
            .put("unacknowledgedCrewMessages", count.getLong("unacked"))
            .put("escalations24h", count.getLong("escalations")));
        JsonArray flightList = new JsonArray();
        flights.result().forEach(row -> flightList.add(new JsonObject().put("flight", row.getString("flight"))
            .put("date", row.getString("date")).put("origin", row.getString("origin"))
            .put("destination", row.getString("destination")).put("openCases", row.getLong("open_cases"))));
        JsonArray crew = new JsonArray();
        unacknowledged.result().forEach(row -> crew.add(new JsonObject().put("id", row.getLong("id"))
            .put("caseId", row.getUUID("case_id").toString()).put("flight", row.getString("flight_no"))
            .put("date", row.getLocalDate("flight_date").toString()).put("origin", row.getString("origin"))
            .put("text", row.getString("text")).put("createdAt", row.getOffsetDateTime("created_at").toString())
            .put("escalated", row.getValue("escalated_at") != null)));
        JsonArray escalated = new JsonArray();
        escalations.result().forEach(row -> escalated.add(new JsonObject()
            .put("caseId", row.getUUID("case_id").toString()).put("reference", row.getString("reference"))
            .put("reason", row.getString("reason")).put("detail", row.getValue("detail"))
            .put("at", row.getOffsetDateTime("created_at").toString())));
        return board.put("flights", flightList).put("unacknowledgedCrewMessages", crew).put("escalations", escalated);
      });
    });
  }
}
