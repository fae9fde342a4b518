package com.paxcare.recall;

import com.paxcare.cases.Timeline;
import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.CREW_MESSAGE;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.GATE_ALERT;

/** What gates and crews read and answer: alerts, crew messages, acknowledgements, recall reports. */
public final class RecallDesk {
  private final Pool pool;

  public RecallDesk(Pool pool) {
    this.pool = pool;
  }

  /** A gate's alerts and its station's station-wide ones, newest last; {@code afterId} for catching up. */
  public Future<JsonArray> gateAlerts(String station, String gate, long afterId) {
    var query = Sql.dsl().selectFrom(GATE_ALERT)
        .where(GATE_ALERT.STATION.eq(station))
        .and(GATE_ALERT.GATE.in(gate, GateAlerts.WHOLE_STATION))
        .and(GATE_ALERT.ID.gt(afterId))
        .orderBy(GATE_ALERT.ID).limit(500);
    return Sql.run(pool, query).map(rows -> {
      JsonArray alerts = new JsonArray();
      for (Row row : rows) {
        Object payload = row.getValue("payload");
        alerts.add((payload instanceof JsonObject json ? json.copy() : new JsonObject())
            .put("id", row.getLong("id")).put("kind", row.getString("kind"))
            .put("station", row.getString("station")).put("gate", row.getString("gate"))
            .put("caseId", row.getUUID("case_id").toString())
            .put("createdAt", row.getOffsetDateTime("created_at").toString()));
      }
      return alerts;
    });
  }

  public Future<JsonArray> crewMessages(String flight, LocalDate date, String origin) {
    var query = Sql.dsl().select(CREW_MESSAGE.fields()).select(FLIGHT.FLIGHT_NO, FLIGHT.ORIGIN)
        .from(CREW_MESSAGE).join(FLIGHT).on(FLIGHT.ID.eq(CREW_MESSAGE.FLIGHT_ID))
        .where(FLIGHT.FLIGHT_NO.eq(flight)).and(FLIGHT.FLIGHT_DATE.eq(date))
        .and(origin == null ? DSL.trueCondition() : FLIGHT.ORIGIN.eq(origin))
        .orderBy(CREW_MESSAGE.ID);
    return Sql.run(pool, query).map(rows -> {
      JsonArray messages = new JsonArray();
      for (Row row : rows) {
        messages.add(new JsonObject().put("id", row.getLong("id")).put("caseId", row.getUUID("case_id").toString())
            .put("flight", row.getString("flight_no")).put("origin", row.getString("origin"))
            .put("text", row.getString("text"))
            .put("createdAt", row.getOffsetDateTime("created_at").toString())
            .put("acknowledged", row.getValue("acknowledged_at") != null)
            .put("acknowledgedBy", row.getString("acknowledged_by"))
            .put("escalated", row.getValue("escalated_at") != null));
      }
      return messages;
    });
  }

  /** The crew read it. Acknowledging twice keeps the first acknowledgement. */
  public Future<Optional<JsonObject>> acknowledge(long id, String by) {
    return pool.withTransaction(tx -> Sql.run(tx, Sql.dsl().update(CREW_MESSAGE)
            .set(CREW_MESSAGE.ACKNOWLEDGED_AT, DSL.currentOffsetDateTime())
            .set(CREW_MESSAGE.ACKNOWLEDGED_BY, by)
            .where(CREW_MESSAGE.ID.eq(id)).and(CREW_MESSAGE.ACKNOWLEDGED_AT.isNull())
            .returning(CREW_MESSAGE.CASE_ID, CREW_MESSAGE.TEXT))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture()
            : Timeline.append(tx, rows.iterator().next().getUUID("case_id"), by, "crew acknowledged",
                new JsonObject().put("crewMessageId", id).put("text", rows.iterator().next().getString("text")))))
        .compose(v -> Sql.run(pool, Sql.dsl().selectFrom(CREW_MESSAGE).where(CREW_MESSAGE.ID.eq(id))))
        .map(rows -> rows.size() == 0 ? Optional.<JsonObject>empty() : Optional.of(message(rows.iterator().next())));
  }

  /** The gate found her, or she is off the aircraft. */
  public Future<Boolean> reportRecall(UUID caseId, String status, String by) {
    return pool.withTransaction(tx -> Sql.run(tx, Sql.dsl().update(CARE_CASE)
            .set(CARE_CASE.RECALL_STATUS, status).where(CARE_CASE.ID.eq(caseId)).returning(CARE_CASE.ID))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(false)
            : Timeline.append(tx, caseId, by, "passenger " + status.toLowerCase(), new JsonObject().put("status", status))
                .map(true)));
  }

  private static JsonObject message(Row row) {
    return new JsonObject().put("id", row.getLong("id")).put("caseId", row.getUUID("case_id").toString())
        .put("text", row.getString("text"))
        .put("acknowledged", row.getValue("acknowledged_at") != null)
        .put("acknowledgedBy", row.getString("acknowledged_by"))
        .put("escalated", row.getValue("escalated_at") != null);
  }
}
