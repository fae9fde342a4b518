package com.paxcare.baggage;

import com.paxcare.cases.CaseFile;
import com.paxcare.cases.Step;
import com.paxcare.cases.StepContext;
import com.paxcare.db.Sql;
import com.paxcare.locate.Phase;
import com.paxcare.recall.CrewMessages;
import com.paxcare.recall.GateAlerts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.paxcare.db.schema.Tables.BAG;
import static com.paxcare.db.schema.Tables.CREW_MESSAGE;
import static com.paxcare.db.schema.Tables.FLIGHT;

/**
 * Bags follow the passenger. A passenger leaving an aircraft still on the ground has her bags offloaded
 * (positive passenger–bag match; the gate, and the crew when the doors are closed, get the count and tags).
 * The baggage system gets a DEL for the old routing and a new BSM for the new one; bags already in the air
 * with her are rushed (.E/RUSH) from where they land to where she is going.
 */
public final class BagsStep implements Step {

  private static final Sql.Prepared BAGS = Sql.Prepared.of(Sql.dsl()
      .select(BAG.TAG, BAG.PIECES, BAG.WEIGHT_KG, BAG.EXCEPTIONS, BAG.PASSENGER_NAME, BAG.SOURCE_STATION,
          BAG.IRREGULARITIES)
      .from(BAG).where(BAG.PNR.eq(DSL.param("pnr", BAG.PNR))).and(BAG.PAX_ID.eq(DSL.param("paxId", BAG.PAX_ID)))
      .orderBy(BAG.TAG));
  @Override
  public Future<JsonObject> apply(StepContext context) {
    CaseFile file = context.caseFile();
    SqlConnection tx = context.tx();
    // Her bags and her new itinerary, read in one round trip (pipelined on the transaction's connection).
    Future<io.vertx.sqlclient.RowSet<Row>> bags = BAGS.run(tx, "pnr", file.pnr(), "paxId", file.paxId());
    Future<io.vertx.sqlclient.RowSet<Row>> rebooking = com.paxcare.rebook.RebookStep.RESULT.run(tx, "caseId", file.id());
    return bags.compose(bagRows -> {
      if (bagRows.size() == 0) {
        return Future.succeededFuture(new JsonObject().put("skipped", true).put("why", "no checked bags"));
      }
      return rebooking.compose(rebookRows -> {
        JsonObject rebook = rebookRows.size() == 0 ? new JsonObject()
            : (JsonObject) rebookRows.iterator().next().getValue("result");
        JsonArray itinerary = rebook == null ? new JsonArray()
            : rebook.getJsonArray("itinerary", new JsonArray());
        List<Row> rows = new ArrayList<>();
        bagRows.forEach(rows::add);
        return reroute(context, rows, itinerary);
      });
    });
  }

  private static Future<JsonObject> reroute(StepContext context, List<Row> bags, JsonArray itinerary) {
    CaseFile file = context.caseFile();
    JsonObject location = file.location();
    Phase phase = Phase.valueOf(location.getString("phase"));
    boolean inTheAir = phase.atArrivalEnd();
    boolean offload = !inTheAir && location.getString("flight") != null;
    Rerouting.OldRoute old = location.getString("flight") == null ? null : new Rerouting.OldRoute(
        location.getString("flight"), LocalDate.parse(location.getString("date")), location.getString("origin"),
        location.getString("destination"), inTheAir, offload);
    List<Rerouting.NewLeg> legs = new ArrayList<>();
    for (int i = 0; i < itinerary.size(); i++) {
      JsonObject leg = itinerary.getJsonObject(i);
      legs.add(new Rerouting.NewLeg(leg.getString("flight"), LocalDate.parse(leg.getString("date")),
          leg.getString("origin"), leg.getString("destination"), leg.getString("cabin")));
    }
    List<Rerouting.Write> writes = new ArrayList<>();
    List<String> offloaded = new ArrayList<>();
    JsonArray results = new JsonArray();
    for (Row bag : bags) {
      String tag = bag.getString("tag");
      Rerouting.Messages messages = Rerouting.of(new Rerouting.Bag(tag, bag.getString("passenger_name"),
          bag.getInteger("pieces"), bag.getInteger("weight_kg"), List.of(bag.getArrayOfStrings("exceptions"))),
          file.pnr(), old, legs);
      writes.addAll(Rerouting.writes(file.id(), tag, messages, legs, offload));
      if (offload) {
        offloaded.add(tag);
      }
      JsonObject result = new JsonObject().put("tag", tag).put("offloaded", offload);
      if (messages.addText() != null) {
        result.put("route", legs.stream().map(Rerouting.NewLeg::flight).toList())
            .put("exceptions", new JsonArray(messages.exceptions()));
      }
      results.add(result);
    }
    Future<Void> chain = Future.succeededFuture();
    for (Rerouting.Write write : writes) {
      chain = chain.compose(v -> write.statement().run(context.tx(), write.values()).mapEmpty());
    }
    if (!offloaded.isEmpty()) {
      chain = chain.compose(v -> tellGateAndCrew(context, offloaded, phase));
    }
    return chain.map(v -> new JsonObject().put("bags", results).put("offloaded", new JsonArray(offloaded))
        .put("bsmSent", writes.stream().filter(w -> w.statement() == Rerouting.OUTBOUND).count()));
  }

  /** The crew of the flight she is on (known by its number, date and origin) is told which bags come off. */
  private static final Sql.Prepared CREW_MESSAGE_TO_FLIGHT = Sql.Prepared.of(Sql.dsl().insertInto(CREW_MESSAGE)
      .set(CREW_MESSAGE.CASE_ID, DSL.param("caseId", CREW_MESSAGE.CASE_ID))
      .set(CREW_MESSAGE.FLIGHT_ID, DSL.field(Sql.dsl().select(FLIGHT.ID).from(FLIGHT)
          .where(FLIGHT.FLIGHT_NO.eq(DSL.param("flight", FLIGHT.FLIGHT_NO)))
          .and(FLIGHT.FLIGHT_DATE.eq(DSL.param("date", FLIGHT.FLIGHT_DATE)))
          .and(FLIGHT.ORIGIN.eq(DSL.param("origin", FLIGHT.ORIGIN)))))
      .set(CREW_MESSAGE.TEXT, DSL.param("text", CREW_MESSAGE.TEXT))
      .returning(CREW_MESSAGE.ID));

  private static Future<Void> tellGateAndCrew(StepContext context, List<String> tags, Phase phase) {
    CaseFile file = context.caseFile();
    JsonObject location = file.location();
    JsonObject payload = new JsonObject().put("passenger", file.passengerName()).put("pnr", file.pnr())
        .put("flight", location.getString("flight")).put("bags", tags.size()).put("tags", new JsonArray(tags))
        .put("instruction", "Offload " + tags.size() + " bag(s): the passenger is not flying");
    Future<Void> gate = GateAlerts.raise(context, location.getString("origin"), location.getString("gate"),
        "BAG_OFFLOAD", null, payload).mapEmpty();
    if (phase != Phase.DOORS_CLOSED_OR_TAXIING) {
      return gate;
    }
    String text = CrewMessages.offloadBags(file.lastName(), tags);
    return gate.compose(v -> CREW_MESSAGE_TO_FLIGHT.run(context.tx(), "caseId", file.id(),
            "flight", location.getString("flight"), "date", LocalDate.parse(location.getString("date")),
            "origin", location.getString("origin"), "text", text)
        .map(rows -> {
          context.publishAfterCommit(CrewMessages.address(location.getString("flight"), location.getString("date")),
              new JsonObject().put("id", rows.iterator().next().getLong("id")).put("text", text)
                  .put("caseId", file.id().toString()));
          return null;
        }));
  }
}
