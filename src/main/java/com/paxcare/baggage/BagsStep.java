package com.paxcare.baggage;

import com.paxcare.cases.CaseFile;
import com.paxcare.cases.Step;
import com.paxcare.cases.StepContext;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.BagLegKind;
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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import static com.paxcare.db.schema.Tables.BAG;
import static com.paxcare.db.schema.Tables.BAG_LEG;
import static com.paxcare.db.schema.Tables.BSM_OUTBOUND;
import static com.paxcare.db.schema.Tables.CASE_STEP;
import static com.paxcare.db.schema.Tables.CREW_MESSAGE;
import static com.paxcare.db.schema.Tables.FLIGHT;

/**
 * Bags follow the passenger. A passenger leaving an aircraft still on the ground has her bags offloaded
 * (positive passenger–bag match; the gate, and the crew when the doors are closed, get the count and tags).
 * The baggage system gets a DEL for the old routing and a new BSM for the new one; bags already in the air
 * with her are rushed (.E/RUSH) from where they land to where she is going.
 */
public final class BagsStep implements Step {

  @Override
  public Future<JsonObject> apply(StepContext context) {
    CaseFile file = context.caseFile();
    SqlConnection tx = context.tx();
    var bags = Sql.dsl().select(BAG.TAG, BAG.PIECES, BAG.WEIGHT_KG, BAG.EXCEPTIONS, BAG.PASSENGER_NAME,
            BAG.SOURCE_STATION, BAG.IRREGULARITIES)
        .from(BAG).where(BAG.PNR.eq(file.pnr())).and(BAG.PAX_ID.eq(file.paxId())).orderBy(BAG.TAG);
    var rebooking = Sql.dsl().select(CASE_STEP.RESULT).from(CASE_STEP)
        .where(CASE_STEP.CASE_ID.eq(file.id())).and(CASE_STEP.KIND.eq(com.paxcare.db.schema.enums.StepKind.REBOOK));
    return Sql.run(tx, bags).compose(bagRows -> {
      if (bagRows.size() == 0) {
        return Future.succeededFuture(new JsonObject().put("skipped", true).put("why", "no checked bags"));
      }
      return Sql.run(tx, rebooking).compose(rebookRows -> {
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
    String oldOrigin = location.getString("origin");
    String oldFlight = location.getString("flight");
    String oldDate = location.getString("date");
    List<Write> writes = new ArrayList<>();
    List<String> offloaded = new ArrayList<>();
    JsonArray results = new JsonArray();
    for (Row bag : bags) {
      String tag = bag.getString("tag");
      String[] name = bag.getString("passenger_name").split("/");
      String surname = name[0];
      List<String> given = name.length > 1 ? Arrays.asList(name).subList(1, name.length) : List.of();
      List<String> exceptions = new ArrayList<>(new LinkedHashSet<>(List.of(bag.getArrayOfStrings("exceptions"))));
      Integer pieces = bag.getInteger("pieces");
      Integer weight = bag.getInteger("weight_kg");
      FlightLeg old = oldFlight == null ? null
          : new FlightLeg(oldFlight, LocalDate.parse(oldDate), location.getString("destination"), null);
      // The old routing is withdrawn: for a bag in the air, only what was to happen after it lands.
      String delStation = inTheAir ? location.getString("destination") : oldOrigin;
      BsmMessage delete = new BsmMessage(BsmMessage.Action.DEL, null, delStation, inTheAir ? 'T' : 'L', null,
          inTheAir ? null : old, List.of(), List.of(tag), null, null, surname, given, file.pnr(), List.of(),
          offload ? List.of("OFF") : List.of(), null, 0);
      writes.add(outbound(file, tag, "DEL", BsmWriter.write(delete)));
      if (offload) {
        offloaded.add(tag);
      }
      JsonObject result = new JsonObject().put("tag", tag).put("offloaded", offload);
      if (!itinerary.isEmpty()) {
        JsonObject first = itinerary.getJsonObject(0);
        if (inTheAir && !exceptions.contains("RUSH")) {
          exceptions.add("RUSH");
        }
        if (!exceptions.contains("PRIO")) {
          exceptions.add("PRIO");
        }
        List<FlightLeg> onward = new ArrayList<>();
        for (int i = 1; i < itinerary.size(); i++) {
          onward.add(leg(itinerary.getJsonObject(i)));
        }
        FlightLeg inbound = inTheAir && old != null
            ? new FlightLeg(oldFlight, LocalDate.parse(oldDate), oldOrigin, null) : null;
        BsmMessage routed = new BsmMessage(BsmMessage.Action.ADD, null, first.getString("origin"),
            inTheAir ? 'T' : 'L', inbound, leg(first), onward, List.of(tag), pieces, weight, surname, given,
            file.pnr(), exceptions, List.of(), null, 0);
        writes.add(outbound(file, tag, "ADD", BsmWriter.write(routed)));
        writes.addAll(newRouting(tag, itinerary, exceptions, offload));
        result.put("route", itinerary.stream().map(l -> ((JsonObject) l).getString("flight")).toList())
            .put("exceptions", new JsonArray(exceptions));
      } else {
        writes.add(new Write(FORGET_ROUTE, "tag", tag));
        if (offload) {
          writes.add(new Write(MARK_OFFLOADED, "tag", tag));
        }
      }
      results.add(result);
    }
    Future<Void> chain = Future.succeededFuture();
    for (Write write : writes) {
      chain = chain.compose(v -> write.statement().run(context.tx(), write.values()).mapEmpty());
    }
    if (!offloaded.isEmpty()) {
      chain = chain.compose(v -> tellGateAndCrew(context, offloaded, phase));
    }
    return chain.map(v -> new JsonObject().put("bags", results).put("offloaded", new JsonArray(offloaded))
        .put("bsmSent", writes.stream().filter(w -> w.statement() == OUTBOUND).count()));
  }

  private static FlightLeg leg(JsonObject leg) {
    String cabin = leg.getString("cabin");
    return new FlightLeg(leg.getString("flight"), LocalDate.parse(leg.getString("date")),
        leg.getString("destination"), cabin == null ? null : cabin.charAt(0));
  }

  /** One write of this step: a statement rendered once, and its values. */
  private record Write(Sql.Prepared statement, Object... values) {
  }

  private static final Sql.Prepared OUTBOUND = Sql.Prepared.of(Sql.dsl().insertInto(BSM_OUTBOUND)
      .set(BSM_OUTBOUND.CASE_ID, DSL.param("caseId", BSM_OUTBOUND.CASE_ID))
      .set(BSM_OUTBOUND.TAG, DSL.param("tag", BSM_OUTBOUND.TAG))
      .set(BSM_OUTBOUND.ACTION, DSL.param("action", BSM_OUTBOUND.ACTION))
      .set(BSM_OUTBOUND.TEXT, DSL.param("text", BSM_OUTBOUND.TEXT)));
  private static final Sql.Prepared FORGET_ROUTE = Sql.Prepared.of(Sql.dsl().deleteFrom(BAG_LEG)
      .where(BAG_LEG.TAG.eq(DSL.param("tag", BAG_LEG.TAG))));
  private static final Sql.Prepared ROUTE_LEG = Sql.Prepared.of(Sql.dsl().insertInto(BAG_LEG)
      .set(BAG_LEG.TAG, DSL.param("tag", BAG_LEG.TAG))
      .set(BAG_LEG.POSITION, DSL.param("position", BAG_LEG.POSITION))
      .set(BAG_LEG.KIND, DSL.param("kind", BAG_LEG.KIND))
      .set(BAG_LEG.FLIGHT_NO, DSL.param("flight", BAG_LEG.FLIGHT_NO))
      .set(BAG_LEG.FLIGHT_DATE, DSL.param("date", BAG_LEG.FLIGHT_DATE))
      .set(BAG_LEG.ORIGIN, DSL.param("origin", BAG_LEG.ORIGIN))
      .set(BAG_LEG.DESTINATION, DSL.param("destination", BAG_LEG.DESTINATION))
      .set(BAG_LEG.CABIN, DSL.param("cabin", BAG_LEG.CABIN))
      // Linked to our flight row (the itinerary's flights are ours: they were just booked).
      .set(BAG_LEG.FLIGHT_ID, DSL.field(Sql.dsl().select(FLIGHT.ID).from(FLIGHT)
          .where(FLIGHT.FLIGHT_NO.eq(DSL.param("flight", FLIGHT.FLIGHT_NO)))
          .and(FLIGHT.FLIGHT_DATE.eq(DSL.param("date", FLIGHT.FLIGHT_DATE)))
          .and(FLIGHT.ORIGIN.eq(DSL.param("origin", FLIGHT.ORIGIN))))));
  private static final Sql.Prepared SET_EXCEPTIONS = Sql.Prepared.of(Sql.dsl().update(BAG)
      .set(BAG.EXCEPTIONS, DSL.param("exceptions", BAG.EXCEPTIONS))
      .set(BAG.UPDATED_AT, DSL.currentOffsetDateTime())
      .where(BAG.TAG.eq(DSL.param("tag", BAG.TAG))));
  private static final Sql.Prepared MARK_OFFLOADED = Sql.Prepared.of(Sql.dsl().update(BAG)
      .set(BAG.IRREGULARITIES, DSL.field("array_append(array_remove({0}, 'OFF'), 'OFF')", String[].class,
          BAG.IRREGULARITIES))
      .where(BAG.TAG.eq(DSL.param("tag", BAG.TAG))));

  private static Write outbound(CaseFile file, String tag, String action, String text) {
    return new Write(OUTBOUND, "caseId", file.id(), "tag", tag, "action", action, "text", text);
  }

  /** Our own copy of the bag's routing follows what we told the baggage system. */
  private static List<Write> newRouting(String tag, JsonArray itinerary, List<String> exceptions, boolean offload) {
    List<Write> writes = new ArrayList<>();
    writes.add(new Write(FORGET_ROUTE, "tag", tag));
    for (int i = 0; i < itinerary.size(); i++) {
      JsonObject leg = itinerary.getJsonObject(i);
      writes.add(new Write(ROUTE_LEG, "tag", tag, "position", i,
          "kind", i == 0 ? BagLegKind.OUTBOUND : BagLegKind.ONWARD, "flight", leg.getString("flight"),
          "date", LocalDate.parse(leg.getString("date")), "origin", leg.getString("origin"),
          "destination", leg.getString("destination"), "cabin", leg.getString("cabin")));
    }
    writes.add(new Write(SET_EXCEPTIONS, "exceptions", exceptions.toArray(String[]::new), "tag", tag));
    if (offload) {
      writes.add(new Write(MARK_OFFLOADED, "tag", tag));
    }
    return writes;
  }

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
    return gate.compose(v -> Sql.run(context.tx(), Sql.dsl().insertInto(CREW_MESSAGE)
            .set(CREW_MESSAGE.CASE_ID, file.id())
            .set(CREW_MESSAGE.FLIGHT_ID, DSL.field(Sql.dsl().select(FLIGHT.ID).from(FLIGHT)
                .where(FLIGHT.FLIGHT_NO.eq(location.getString("flight")))
                .and(FLIGHT.FLIGHT_DATE.eq(LocalDate.parse(location.getString("date"))))
                .and(FLIGHT.ORIGIN.eq(location.getString("origin")))))
            .set(CREW_MESSAGE.TEXT, text)
            .returning(CREW_MESSAGE.ID))
        .map(rows -> {
          context.publishAfterCommit(CrewMessages.address(location.getString("flight"), location.getString("date")),
              new JsonObject().put("id", rows.iterator().next().getLong("id")).put("text", text)
                  .put("caseId", file.id().toString()));
          return null;
        }));
  }
}
