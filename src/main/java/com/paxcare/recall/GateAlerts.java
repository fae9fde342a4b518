package com.paxcare.recall;

import com.paxcare.cases.StepContext;
import com.paxcare.db.Sql;
import com.paxcare.access.LiveAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.core.json.JsonObject;
import org.jooq.impl.DSL;

import static com.paxcare.db.schema.Tables.GATE_ALERT;

/** Alerts for a gate's tablets: stored (so a tablet that slept catches up) and pushed after commit. */
public final class GateAlerts {
  /** Station-wide alerts (meet on arrival, care) use this gate. */
  public static final String WHOLE_STATION = "*";

  private GateAlerts() {
  }

  /** The event-bus address a gate's tablets listen on. */
  public static String address(String station, String gate) {
    return "paxcare.gate." + station + "." + gate;
  }

  private static final Sql.Prepared INSERT = Sql.Prepared.of(Sql.dsl().insertInto(GATE_ALERT)
      .set(GATE_ALERT.CASE_ID, DSL.param("caseId", GATE_ALERT.CASE_ID))
      .set(GATE_ALERT.STATION, DSL.param("station", GATE_ALERT.STATION))
      .set(GATE_ALERT.GATE, DSL.param("gate", GATE_ALERT.GATE))
      .set(GATE_ALERT.KIND, DSL.param("kind", GATE_ALERT.KIND))
      .set(GATE_ALERT.FLIGHT_ID, DSL.param("flightId", GATE_ALERT.FLIGHT_ID))
      .set(GATE_ALERT.PAYLOAD, DSL.param("payload", GATE_ALERT.PAYLOAD))
      .returning(GATE_ALERT.ID, GATE_ALERT.CREATED_AT));

  /** An alert as tablets read it: what the step wrote, and where, when and whether someone saw it. */
  public static JsonObject view(Row row) {
    Object payload = row.getValue("payload");
    return (payload instanceof JsonObject json ? json.copy() : new JsonObject())
        .put("id", row.getLong("id")).put("kind", row.getString("kind"))
        .put("station", row.getString("station")).put("gate", row.getString("gate"))
        .put("caseId", row.getUUID("case_id").toString())
        .put("createdAt", row.getOffsetDateTime("created_at").toString())
        .put("acknowledged", row.getValue("acknowledged_at") != null)
        .put("acknowledgedBy", row.getString("acknowledged_by"));
  }

  public static Future<Long> raise(StepContext context, String station, String gate, String kind, Long flightId,
      JsonObject payload) {
    String at = gate == null ? WHOLE_STATION : gate;
    return INSERT.run(context.tx(), "caseId", context.caseFile().id(), "station", station, "gate", at, "kind", kind,
            "flightId", flightId, "payload", payload)
        .map(rows -> {
          var row = rows.iterator().next();
          long id = row.getLong("id");
          JsonObject alert = payload.copy().put("id", id).put("kind", kind)
              .put("station", station).put("gate", at).put("caseId", context.caseFile().id().toString())
              .put("createdAt", row.getOffsetDateTime("created_at").toString())
              .put("acknowledged", false).putNull("acknowledgedBy");
          context.publishAfterCommit(address(station, at), alert);
          // Tablets listen to their whole station and pick their gate on screen.
          context.publishAfterCommit(LiveAddresses.station(station), alert);
          return id;
        });
  }
}
