package com.paxcare.recall;

import com.paxcare.cases.StepContext;
import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

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

  public static Future<Long> raise(StepContext context, String station, String gate, String kind, Long flightId,
      JsonObject payload) {
    String at = gate == null ? WHOLE_STATION : gate;
    return Sql.run(context.tx(), Sql.dsl().insertInto(GATE_ALERT)
            .set(GATE_ALERT.CASE_ID, context.caseFile().id())
            .set(GATE_ALERT.STATION, station)
            .set(GATE_ALERT.GATE, at)
            .set(GATE_ALERT.KIND, kind)
            .set(GATE_ALERT.FLIGHT_ID, flightId)
            .set(GATE_ALERT.PAYLOAD, payload)
            .returning(GATE_ALERT.ID, GATE_ALERT.CREATED_AT))
        .map(rows -> {
          var row = rows.iterator().next();
          long id = row.getLong("id");
          context.publishAfterCommit(address(station, at), payload.copy().put("id", id).put("kind", kind)
              .put("station", station).put("gate", at).put("caseId", context.caseFile().id().toString())
              .put("createdAt", row.getOffsetDateTime("created_at").toString()));
          return id;
        });
  }
}
