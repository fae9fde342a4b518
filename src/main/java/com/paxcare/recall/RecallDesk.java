package com.paxcare.recall;

import com.paxcare.db.CommitCursor;
import com.paxcare.cases.Timeline;
import com.paxcare.db.Sql;
import com.paxcare.access.LiveAddresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.BAG;
import static com.paxcare.db.schema.Tables.BAG_OFFLOAD;
import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.CARE_PROVISION;
import static com.paxcare.db.schema.Tables.CREW_MESSAGE;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.GATE_ALERT;

/** What gates and crews read and answer: alerts, crew messages, acknowledgements, recall reports. */
public final class RecallDesk {
  private final Pool pool;
  private final EventBus eventBus;

  public RecallDesk(Pool pool, EventBus eventBus) {
    this.pool = pool;
    this.eventBus = eventBus;
  }

  /**
   * A gate's alerts and its station's station-wide ones, oldest first; gate {@code *} is every gate of the
   * station. {@code afterId} is for catching up after a tablet slept.
   */
  /** A page of a station's alerts after a cursor, and the cursor to read on from. */
  public record AlertPage(JsonArray alerts, CommitCursor next) {
  }

  /** The station's (or one gate's) alerts after {@code cursor}, in commit-safe order (see {@link CommitCursor}). */
  public Future<AlertPage> gateAlerts(String station, String gate, CommitCursor cursor) {
    var query = Sql.dsl().selectFrom(GATE_ALERT)
        .where(GATE_ALERT.STATION.eq(station))
        .and(GateAlerts.WHOLE_STATION.equals(gate) ? DSL.trueCondition()
            : GATE_ALERT.GATE.in(gate, GateAlerts.WHOLE_STATION))
        .and(cursor.after(GATE_ALERT.TX, GATE_ALERT.ID))
        .orderBy(GATE_ALERT.TX, GATE_ALERT.ID).limit(500);
    return Sql.run(pool, query).map(rows -> {
      JsonArray alerts = new JsonArray();
      CommitCursor next = cursor;
      for (Row row : rows) {
        alerts.add(GateAlerts.view(row));
        next = CommitCursor.at(row.getLong("tx"), row.getLong("id"));
      }
      return new AlertPage(alerts, next);
    });
  }

  /** The agent saw the alert; the first acknowledgement stands. Other tablets of the station hear of it. */
  public Future<Optional<JsonObject>> acknowledgeAlert(long id, String by) {
    return pool.withTransaction(tx -> Sql.run(tx, Sql.dsl().update(GATE_ALERT)
            .set(GATE_ALERT.ACKNOWLEDGED_AT, DSL.currentOffsetDateTime())
            .set(GATE_ALERT.ACKNOWLEDGED_BY, by)
            .where(GATE_ALERT.ID.eq(id)).and(GATE_ALERT.ACKNOWLEDGED_AT.isNull())
            .returning(GATE_ALERT.CASE_ID, GATE_ALERT.KIND))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture()
            : Timeline.append(tx, rows.iterator().next().getUUID("case_id"), by, "gate acknowledged alert",
                new JsonObject().put("alertId", id).put("kind", rows.iterator().next().getString("kind")))))
        .compose(v -> Sql.run(pool, Sql.dsl().selectFrom(GATE_ALERT).where(GATE_ALERT.ID.eq(id))))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.<JsonObject>empty();
          }
          JsonObject alert = GateAlerts.view(rows.iterator().next());
          eventBus.publish(LiveAddresses.station(alert.getString("station")), alert);
          return Optional.of(alert);
        });
  }

  /** The agent handed the meal voucher over; false when the case has none. */
  public Future<Boolean> handOverMealVoucher(UUID caseId, String by) {
    return pool.withTransaction(tx -> Sql.run(tx, Sql.dsl().update(CARE_PROVISION)
            .set(CARE_PROVISION.HANDED_OVER_AT, DSL.coalesce(CARE_PROVISION.HANDED_OVER_AT, DSL.currentOffsetDateTime()))
            .set(CARE_PROVISION.HANDED_OVER_BY, DSL.coalesce(CARE_PROVISION.HANDED_OVER_BY, DSL.val(by)))
            .where(CARE_PROVISION.CASE_ID.eq(caseId)).and(CARE_PROVISION.KIND.eq("MEAL_VOUCHER"))
            .returning(CARE_PROVISION.CODE))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(false)
            : Timeline.append(tx, caseId, by, "meal voucher handed over",
                new JsonObject().put("code", rows.iterator().next().getString("code"))).map(true)));
  }

  /** The ramp took the bag off; false when the bag is not the case passenger's. Saying it twice keeps the first. */
  public Future<Boolean> bagOffloaded(UUID caseId, String tag, String by) {
    return pool.withTransaction(tx -> Sql.run(tx, Sql.dsl().insertInto(BAG_OFFLOAD)
            .select(Sql.dsl().select(CARE_CASE.ID, BAG.TAG, DSL.currentOffsetDateTime(), DSL.val(by))
                .from(CARE_CASE).join(BAG).on(BAG.PNR.eq(CARE_CASE.PNR)).and(BAG.PAX_ID.eq(CARE_CASE.PAX_ID))
                .where(CARE_CASE.ID.eq(caseId)).and(BAG.TAG.eq(tag)))
            .onConflictDoNothing()
            .returning(BAG_OFFLOAD.TAG))
        .compose(rows -> rows.size() == 0
            ? Sql.run(tx, Sql.dsl().selectOne().from(BAG_OFFLOAD).where(BAG_OFFLOAD.CASE_ID.eq(caseId))
                .and(BAG_OFFLOAD.TAG.eq(tag))).map(already -> already.size() > 0)
            : Timeline.append(tx, caseId, by, "bag offloaded", new JsonObject().put("tag", tag)).map(true)));
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
