package com.paxcare.recall;

import com.paxcare.cases.CaseFile;
import com.paxcare.cases.Step;
import com.paxcare.cases.StepContext;
import com.paxcare.cases.StepKind;
import com.paxcare.db.Sql;
import com.paxcare.locate.Locator;
import com.paxcare.locate.Whereabouts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.jooq.impl.DSL;

import java.util.Map;

import static com.paxcare.db.schema.Tables.CREW_MESSAGE;

/**
 * Reaching the passenger: an alert at her gate, a message to her crew when the doors are closed (escalated
 * to ops control if nobody acknowledges), or a meet-on-arrival alert when she is in the air.
 */
public final class RecallSteps {
  private RecallSteps() {
  }

  public static Map<StepKind, Step> all() {
    return Map.of(
        StepKind.RECALL, RecallSteps::recallAtGate,
        StepKind.CREW_MESSAGE, RecallSteps::messageCrew,
        StepKind.MEET_ON_ARRIVAL, RecallSteps::meetOnArrival,
        StepKind.CREW_ACK_CHECK, RecallSteps::checkCrewAcknowledged);
  }

  /** Whom the agent should tell her to call, and why. */
  static JsonObject alert(CaseFile file, Whereabouts.Coupon coupon, String instruction) {
    JsonObject alert = new JsonObject()
        .put("passenger", file.passengerName())
        .put("pnr", file.pnr())
        .put("reason", file.type())
        .put("instruction", instruction)
        .put("caseReference", file.reference());
    if (coupon != null) {
      alert.put("flight", coupon.flight()).put("date", coupon.date()).put("seat", coupon.seat());
    }
    if (file.reporterName() != null) {
      alert.put("call", new JsonObject().put("name", file.reporterName()).put("phone", file.reporterPhone())
          .put("relation", file.reporterRelation()));
    }
    if (file.note() != null) {
      alert.put("note", file.note());
    }
    return alert;
  }

  private static Future<JsonObject> recallAtGate(StepContext context) {
    CaseFile file = context.caseFile();
    return Locator.locate(context.tx(), file.pnr(), file.paxId()).compose(where -> {
      Whereabouts.Coupon coupon = where.current();
      if (coupon == null) {
        return Future.succeededFuture(new JsonObject().put("skipped", true).put("why", "no live flight"));
      }
      String instruction = switch (where.phase()) {
        case BOARDED_DOOR_OPEN -> "Passenger is on board: bring her off before the door closes; do not close the door";
        case DOORS_CLOSED_OR_TAXIING -> "Aircraft is being asked to return to the gate: meet the passenger at the door";
        default -> "Stop the passenger at the gate; do not board her";
      };
      return GateAlerts.raise(context, coupon.origin(), coupon.gate(), "RECALL", coupon.flightId(),
              alert(file, coupon, instruction))
          .map(id -> new JsonObject().put("alertId", id).put("station", coupon.origin())
              .put("gate", coupon.gate() == null ? GateAlerts.WHOLE_STATION : coupon.gate())
              .put("phase", where.phase().name()));
    });
  }

  private static final Sql.Prepared CREW_MESSAGE_TO_FLIGHT = Sql.Prepared.of(Sql.dsl().insertInto(CREW_MESSAGE)
      .set(CREW_MESSAGE.CASE_ID, DSL.param("caseId", CREW_MESSAGE.CASE_ID))
      .set(CREW_MESSAGE.FLIGHT_ID, DSL.param("flightId", CREW_MESSAGE.FLIGHT_ID))
      .set(CREW_MESSAGE.TEXT, DSL.param("text", CREW_MESSAGE.TEXT))
      .returning(CREW_MESSAGE.ID));

  private static Future<JsonObject> messageCrew(StepContext context) {
    CaseFile file = context.caseFile();
    return Locator.locate(context.tx(), file.pnr(), file.paxId()).compose(where -> {
      Whereabouts.Coupon coupon = where.current();
      if (coupon == null || !where.phase().onAircraftOnGround()) {
        return Future.succeededFuture(new JsonObject().put("skipped", true).put("why", "passenger not aboard on ground"));
      }
      String text = CrewMessages.recall(file.lastName(), file.firstName(), coupon.seat(), file.type(), coupon.gate());
      return CREW_MESSAGE_TO_FLIGHT.run(context.tx(), "caseId", file.id(), "flightId", coupon.flightId(), "text", text)
          .compose(rows -> {
        long id = rows.iterator().next().getLong("id");
        context.publishAfterCommit(CrewMessages.address(coupon.flight(), coupon.date()), new JsonObject()
            .put("id", id).put("flight", coupon.flight()).put("date", coupon.date()).put("text", text)
            .put("caseId", file.id().toString()));
        // If nobody acknowledges in time, ops control hears of it.
        return context.scheduleTimer(StepKind.CREW_ACK_CHECK,
                context.now().plusSeconds(context.rules().crewAckSeconds()))
            .map(v -> new JsonObject().put("crewMessageId", id).put("text", text)
            .put("flight", coupon.flight()).put("ackWithinSeconds", context.rules().crewAckSeconds()));
      });
    });
  }

  private static Future<JsonObject> meetOnArrival(StepContext context) {
    CaseFile file = context.caseFile();
    return Locator.locate(context.tx(), file.pnr(), file.paxId()).compose(where -> {
      Whereabouts.Coupon coupon = where.current();
      if (coupon == null) {
        return Future.succeededFuture(new JsonObject().put("skipped", true).put("why", "no live flight"));
      }
      String instruction = "Meet the passenger on arrival of " + coupon.flight() + " at " + coupon.destination()
          + " (arrives " + coupon.arrival() + "); she must call home";
      return GateAlerts.raise(context, coupon.destination(), null, "MEET_ON_ARRIVAL", coupon.flightId(),
              alert(file, coupon, instruction).put("arrival", coupon.arrival().toString()))
          .map(id -> new JsonObject().put("alertId", id).put("station", coupon.destination())
              .put("flight", coupon.flight()).put("arrival", coupon.arrival().toString()));
    });
  }

  private static Future<JsonObject> checkCrewAcknowledged(StepContext context) {
    CaseFile file = context.caseFile();
    var unacknowledged = Sql.dsl().update(CREW_MESSAGE)
        .set(CREW_MESSAGE.ESCALATED_AT, DSL.currentOffsetDateTime())
        .where(CREW_MESSAGE.CASE_ID.eq(file.id()))
        .and(CREW_MESSAGE.ACKNOWLEDGED_AT.isNull())
        .and(CREW_MESSAGE.ESCALATED_AT.isNull())
        .returning(CREW_MESSAGE.ID, CREW_MESSAGE.TEXT);
    return Sql.run(context.tx(), unacknowledged).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(new JsonObject().put("acknowledged", true));
      }
      JsonObject detail = new JsonObject().put("crewMessageId", rows.iterator().next().getLong("id"))
          .put("text", rows.iterator().next().getString("text"))
          .put("unacknowledgedForSeconds", context.rules().crewAckSeconds());
      return context.escalate("CREW_MESSAGE_UNACKNOWLEDGED", "escalated to ops control", detail, false)
          .map(v -> detail.copy().put("acknowledged", false).put("escalated", true));
    });
  }


}
