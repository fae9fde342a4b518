package com.paxcare.baggage;

import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.BagLegKind;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.BAG;
import static com.paxcare.db.schema.Tables.BAG_LEG;
import static com.paxcare.db.schema.Tables.BSM_OUTBOUND;
import static com.paxcare.db.schema.Tables.FLIGHT;

/**
 * What the baggage system is told when a bag's passenger changes flights: a DEL withdrawing the old routing
 * (from where the bag is: the old origin, or, for a bag in the air, the airport it lands at) and a new BSM for
 * the new itinerary, marked PRIO, and RUSH when the bag arrives on another flight than the one that takes it on.
 * Plain rules here; the statements that record it are below, shared by the urgent case's bag step and by mass
 * re-accommodation.
 */
public final class Rerouting {
  private Rerouting() {
  }

  /** The bag as we hold it. {@code passengerName} is the BSM's SURNAME/GIVEN form. */
  public record Bag(String tag, String passengerName, Integer pieces, Integer weightKg, List<String> exceptions) {
  }

  /** The flight the bag was routed on. {@code inTheAir}: the bag is flying with the passenger now. */
  public record OldRoute(String flight, LocalDate date, String origin, String destination, boolean inTheAir,
      boolean offload) {
  }

  /** One leg of the passenger's new itinerary. */
  public record NewLeg(String flight, LocalDate date, String origin, String destination, String cabin) {
  }

  /** The messages: {@code addText} is null when there is no new itinerary (the bag is held). */
  public record Messages(String deleteText, String addText, List<String> exceptions) {
  }

  public static Messages of(Bag bag, String pnr, OldRoute old, List<NewLeg> itinerary) {
    String[] name = bag.passengerName().split("/");
    String surname = name[0];
    List<String> given = name.length > 1 ? Arrays.asList(name).subList(1, name.length) : List.of();
    List<String> exceptions = new ArrayList<>(new LinkedHashSet<>(bag.exceptions()));
    boolean inTheAir = old != null && old.inTheAir();
    boolean offload = old != null && old.offload();
    FlightLeg oldLeg = old == null ? null : new FlightLeg(old.flight(), old.date(), old.destination(), null);
    // The old routing is withdrawn: for a bag in the air, only what was to happen after it lands.
    String delStation = old == null ? null : inTheAir ? old.destination() : old.origin();
    BsmMessage delete = new BsmMessage(BsmMessage.Action.DEL, null, delStation, inTheAir ? 'T' : 'L', null,
        inTheAir ? null : oldLeg, List.of(), List.of(bag.tag()), null, null, surname, given, pnr, List.of(),
        offload ? List.of("OFF") : List.of(), null, 0);
    if (itinerary.isEmpty()) {
      return new Messages(BsmWriter.write(delete), null, List.copyOf(exceptions));
    }
    NewLeg first = itinerary.get(0);
    if (inTheAir && !exceptions.contains("RUSH")) {
      exceptions.add("RUSH");
    }
    if (!exceptions.contains("PRIO")) {
      exceptions.add("PRIO");
    }
    List<FlightLeg> onward = new ArrayList<>();
    for (int i = 1; i < itinerary.size(); i++) {
      onward.add(leg(itinerary.get(i)));
    }
    FlightLeg inbound = inTheAir ? new FlightLeg(old.flight(), old.date(), old.origin(), null) : null;
    BsmMessage routed = new BsmMessage(BsmMessage.Action.ADD, null, first.origin(), inTheAir ? 'T' : 'L', inbound,
        leg(first), onward, List.of(bag.tag()), bag.pieces(), bag.weightKg(), surname, given, pnr, exceptions,
        List.of(), null, 0);
    return new Messages(BsmWriter.write(delete), BsmWriter.write(routed), List.copyOf(exceptions));
  }

  private static FlightLeg leg(NewLeg leg) {
    return new FlightLeg(leg.flight(), leg.date(), leg.destination(),
        leg.cabin() == null ? null : leg.cabin().charAt(0));
  }

  /** One write: a statement rendered once, and its values (name, value...). */
  public record Write(Sql.Prepared statement, Object... values) {
  }

  public static final Sql.Prepared OUTBOUND = Sql.Prepared.of(Sql.dsl().insertInto(BSM_OUTBOUND)
      .set(BSM_OUTBOUND.CASE_ID, DSL.param("caseId", BSM_OUTBOUND.CASE_ID))
      .set(BSM_OUTBOUND.TAG, DSL.param("tag", BSM_OUTBOUND.TAG))
      .set(BSM_OUTBOUND.ACTION, DSL.param("action", BSM_OUTBOUND.ACTION))
      .set(BSM_OUTBOUND.TEXT, DSL.param("text", BSM_OUTBOUND.TEXT)));
  public static final Sql.Prepared FORGET_ROUTE = Sql.Prepared.of(Sql.dsl().deleteFrom(BAG_LEG)
      .where(BAG_LEG.TAG.eq(DSL.param("tag", BAG_LEG.TAG))));
  public static final Sql.Prepared ROUTE_LEG = Sql.Prepared.of(Sql.dsl().insertInto(BAG_LEG)
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
  public static final Sql.Prepared SET_EXCEPTIONS = Sql.Prepared.of(Sql.dsl().update(BAG)
      .set(BAG.EXCEPTIONS, DSL.param("exceptions", BAG.EXCEPTIONS))
      .set(BAG.UPDATED_AT, DSL.currentOffsetDateTime())
      .where(BAG.TAG.eq(DSL.param("tag", BAG.TAG))));
  public static final Sql.Prepared MARK_OFFLOADED = Sql.Prepared.of(Sql.dsl().update(BAG)
      .set(BAG.IRREGULARITIES, DSL.field("array_append(array_remove({0}, 'OFF'), 'OFF')", String[].class,
          BAG.IRREGULARITIES))
      .where(BAG.TAG.eq(DSL.param("tag", BAG.TAG))));

  /**
   * The writes that record the change, in the order they must run: the messages for the baggage system, then
   * our own copy of the bag's routing (forgotten, then the new legs), its exceptions, and the offload.
   */
  public static List<Write> writes(UUID caseId, String tag, Messages messages, List<NewLeg> itinerary,
      boolean offload) {
    List<Write> writes = new ArrayList<>();
    writes.add(new Write(OUTBOUND, "caseId", caseId, "tag", tag, "action", "DEL", "text", messages.deleteText()));
    if (messages.addText() != null) {
      writes.add(new Write(OUTBOUND, "caseId", caseId, "tag", tag, "action", "ADD", "text", messages.addText()));
    }
    writes.add(new Write(FORGET_ROUTE, "tag", tag));
    if (messages.addText() != null) {
      for (int i = 0; i < itinerary.size(); i++) {
        NewLeg leg = itinerary.get(i);
        writes.add(new Write(ROUTE_LEG, "tag", tag, "position", i,
            "kind", i == 0 ? BagLegKind.OUTBOUND : BagLegKind.ONWARD, "flight", leg.flight(), "date", leg.date(),
            "origin", leg.origin(), "destination", leg.destination(), "cabin", leg.cabin()));
      }
      writes.add(new Write(SET_EXCEPTIONS, "exceptions", messages.exceptions().toArray(String[]::new), "tag", tag));
    }
    if (offload) {
      writes.add(new Write(MARK_OFFLOADED, "tag", tag));
    }
    return writes;
  }
}
