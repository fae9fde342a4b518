package com.paxcare.rebook;

import com.paxcare.cases.CaseFile;
import com.paxcare.cases.Step;
import com.paxcare.cases.StepContext;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.FlightStatus;
import com.paxcare.db.schema.enums.SegmentStatus;
import com.paxcare.locate.Locator;
import com.paxcare.locate.Whereabouts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.paxcare.db.schema.Tables.CASE_STEP;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.FLIGHT_CABIN;
import static com.paxcare.db.schema.Tables.REISSUE;
import static com.paxcare.db.schema.Tables.SEGMENT;

/**
 * Rebooks the passenger free of charge on the itinerary arriving earliest where she needs to be. The seats are
 * taken by inserting her new coupons: the seats-sold trigger refuses a full cabin and the exclusion constraint
 * a taken seat, so two rebookings racing for the last seat cannot both win (the loser's step is retried
 * with fresh availability). Old coupons are cancelled, releasing their seats; the reissue records the waiver,
 * and the database refuses any charge on it.
 */
public final class RebookStep implements Step {
  private static final int MAX_LEGS = 2;

  @Override
  public Future<JsonObject> apply(StepContext context) {
    CaseFile file = context.caseFile();
    SqlConnection tx = context.tx();
    return Locator.locate(tx, file.pnr(), file.paxId()).compose(where -> {
      if (where.current() == null) {
        return noRoute(context, "no live flight to rebook from", null, null);
      }
      String from = where.station();
      String to = file.destination();
      if (from.equals(to)) {
        return Future.succeededFuture(new JsonObject().put("skipped", true)
            .put("why", "passenger is at or flying to " + to + " already"));
      }
      MinimumConnectingTimes mct = MinimumConnectingTimes.parse(context.rules().minimumConnectingTimes(),
          Duration.ofMinutes(context.rules().defaultMctMinutes()));
      OffsetDateTime readyAt = readyAt(where, context, mct);
      Duration horizon = Duration.ofHours(context.rules().horizonHours());
      List<Whereabouts.Coupon> replaced = where.phase().atArrivalEnd()
          ? where.remaining().subList(1, where.remaining().size()) : where.remaining();
      Set<Long> alreadyOn = new HashSet<>();
      where.remaining().forEach(c -> alreadyOn.add(c.flightId()));
      return candidates(tx, from, to, readyAt, horizon, alreadyOn).compose(candidates -> {
        Optional<Itinerary> best = RouteFinder.earliestArrival(from, to, readyAt, where.current().cabin(), candidates,
            mct, horizon, MAX_LEGS);
        if (best.isEmpty()) {
          return noRoute(context, "no seat to " + to + " within " + horizon.toHours() + " h", from, readyAt);
        }
        return book(context, where, replaced, best.get());
      });
    });
  }

  /** When she can make a departure: after deplaning and walking, or after landing and connecting. */
  static OffsetDateTime readyAt(Whereabouts where, StepContext context, MinimumConnectingTimes mct) {
    OffsetDateTime soonest = context.now().plusMinutes(context.rules().readyMinutes());
    if (where.phase().atArrivalEnd()) {
      OffsetDateTime afterLanding = where.current().arrival().plus(mct.at(where.station()));
      return afterLanding.isAfter(soonest) ? afterLanding : soonest;
    }
    return soonest;
  }

  /** Flights with a free seat that can start or end her journey (two legs at most: via any hub). */
  private static final Sql.Prepared CANDIDATES = Sql.Prepared.of(Sql.dsl()
        .select(FLIGHT.ID, FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN, FLIGHT.DESTINATION, FLIGHT.DEPARTURE,
            FLIGHT.DEPARTURE_OFFSET, FLIGHT.ARRIVAL, FLIGHT.ARRIVAL_OFFSET, FLIGHT_CABIN.CABIN,
            FLIGHT_CABIN.CAPACITY.minus(FLIGHT_CABIN.SOLD).as("free"))
        .from(FLIGHT).join(FLIGHT_CABIN).on(FLIGHT_CABIN.FLIGHT_ID.eq(FLIGHT.ID))
        .where(FLIGHT.DEPARTURE.between(DSL.param("readyAt", FLIGHT.DEPARTURE), DSL.param("until", FLIGHT.DEPARTURE)))
        .and(FLIGHT.STATUS.in(DSL.inline(FlightStatus.SCHEDULED), DSL.inline(FlightStatus.BOARDING)))
        .and(FLIGHT.ORIGIN.eq(DSL.param("from", FLIGHT.ORIGIN)).or(FLIGHT.DESTINATION.eq(DSL.param("to", FLIGHT.DESTINATION))))
        .and(FLIGHT_CABIN.CAPACITY.gt(FLIGHT_CABIN.SOLD)));

  private static Future<List<FlightOption>> candidates(SqlConnection tx, String from, String to,
      OffsetDateTime readyAt, Duration horizon, Set<Long> alreadyOn) {
    return CANDIDATES.run(tx, "readyAt", readyAt, "until", readyAt.plus(horizon), "from", from, "to", to).map(rows -> {
      Map<Long, FlightOption> byId = new LinkedHashMap<>();
      Map<Long, Map<String, Integer>> free = new HashMap<>();
      for (Row row : rows) {
        long id = row.getLong("id");
        if (alreadyOn.contains(id)) {
          continue;
        }
        free.computeIfAbsent(id, k -> new HashMap<>()).put(row.getString("cabin"), row.getInteger("free"));
        byId.computeIfAbsent(id, k -> new FlightOption(id, row.getString("flight_no"),
            row.getLocalDate("flight_date"), row.getString("origin"), row.getString("destination"),
            row.getOffsetDateTime("departure").withOffsetSameInstant(
                ZoneOffset.ofTotalSeconds(row.getInteger("departure_offset"))),
            row.getOffsetDateTime("arrival").withOffsetSameInstant(
                ZoneOffset.ofTotalSeconds(row.getInteger("arrival_offset"))),
            free.get(id)));
      }
      return new ArrayList<>(byId.values());
    });
  }

  private static Future<JsonObject> book(StepContext context, Whereabouts where, List<Whereabouts.Coupon> replaced,
      Itinerary itinerary) {
    CaseFile file = context.caseFile();
    SqlConnection tx = context.tx();
    Waivers.Waiver waiver = Waivers.forCaseType(file.type());
    Whereabouts.Coupon paidFor = replaced.isEmpty() ? where.current() : replaced.get(0);
    String currency = paidFor.fareCurrency() != null ? paidFor.fareCurrency() : "USD";
    String prefix = paidFor.ticket() != null ? paidFor.ticket().substring(0, 3) : context.rules().ticketPrefix();
    Long[] cancelled = replaced.stream().map(Whereabouts.Coupon::segmentId).toArray(Long[]::new);
    JsonArray legs = new JsonArray();
    Future<String> ticket = NEXT_TICKET.run(tx)
        .map(rows -> prefix + String.format("%010d", rows.iterator().next().getLong(0)));
    return ticket.compose(newTicket -> {
      Future<Void> chain = Future.succeededFuture();
      for (Leg leg : itinerary.legs()) {
        chain = chain.compose(v -> takeSeat(context, leg, newTicket, paidFor).map(seat -> {
          legs.add(new JsonObject().put("flight", leg.flight().flight()).put("date", leg.flight().date().toString())
              .put("origin", leg.flight().origin()).put("destination", leg.flight().destination())
              .put("departure", leg.flight().departure().toString())
              .put("arrival", leg.flight().arrival().toString())
              .put("cabin", leg.cabin()).put("seat", seat));
          return null;
        }));
      }
      // Her old coupons are cancelled last, with the reissue in the same round trip: cancelling gives a seat back
      // to her old flight, which locks that flight's seat count until commit. Done first, it made every rebooking
      // from one flight wait for the one before it to commit.
      return chain.compose(v -> Future.all(CANCEL.run(tx, "ids", cancelled), REISSUE_FREE.run(tx, "caseId", file.id(),
          "pnr", file.pnr(), "paxId", file.paxId(), "oldTicket", paidFor.ticket(), "newTicket", newTicket,
          "waiverCode", waiver.code(), "endorsement", waiver.endorsement(), "currency", currency)))
          .map(v -> new JsonObject()
          .put("found", true)
          .put("from", where.station())
          .put("itinerary", legs)
          .put("ticket", newTicket)
          .put("oldTicket", paidFor.ticket())
          .put("waiverCode", waiver.code())
          .put("endorsement", waiver.endorsement())
          .put("fareDifference", "0.00")
          .put("changeFee", "0.00")
          .put("currency", currency)
          .put("priorityBoarding", true)
          .put("upgraded", itinerary.upgraded(where.current().cabin()))
          .put("downgraded", itinerary.downgraded(where.current().cabin()))
          .put("cancelled", new JsonArray(replaced.stream().map(c -> c.flight() + " " + c.date()).toList())));
    });
  }

  /** The rebooking step's result (her new itinerary), which the bags and the follow-up steps work from. */
  public static final Sql.Prepared RESULT = Sql.Prepared.of(Sql.dsl().select(CASE_STEP.RESULT).from(CASE_STEP)
      .where(CASE_STEP.CASE_ID.eq(DSL.param("caseId", CASE_STEP.CASE_ID)))
      .and(CASE_STEP.KIND.eq(DSL.inline(com.paxcare.db.schema.enums.StepKind.REBOOK))));

  // The rebooking's writes, rendered once.
  private static final Sql.Prepared CANCEL = Sql.Prepared.of(Sql.dsl().update(SEGMENT)
      .set(SEGMENT.STATUS, DSL.inline(SegmentStatus.CANCELLED))
      .set(SEGMENT.PRIORITY_BOARDING, DSL.inline(false))
      .set(SEGMENT.UPDATED_AT, DSL.currentOffsetDateTime())
      .where(SEGMENT.ID.eq(DSL.any(DSL.param("ids", SEGMENT.ID.getDataType().getArrayDataType())))));
  private static final Sql.Prepared NEXT_TICKET = Sql.Prepared.of(Sql.dsl()
      .select(DSL.field("nextval('ticket_serial')", Long.class)));
  /** The reissue: waived, so free (the database refuses anything else on a waived reissue). */
  private static final Sql.Prepared REISSUE_FREE = Sql.Prepared.of(Sql.dsl().insertInto(REISSUE)
      .set(REISSUE.CASE_ID, DSL.param("caseId", REISSUE.CASE_ID))
      .set(REISSUE.PNR, DSL.param("pnr", REISSUE.PNR))
      .set(REISSUE.PAX_ID, DSL.param("paxId", REISSUE.PAX_ID))
      .set(REISSUE.OLD_TICKET, DSL.param("oldTicket", REISSUE.OLD_TICKET))
      .set(REISSUE.NEW_TICKET, DSL.param("newTicket", REISSUE.NEW_TICKET))
      .set(REISSUE.WAIVER_CODE, DSL.param("waiverCode", REISSUE.WAIVER_CODE))
      .set(REISSUE.ENDORSEMENT, DSL.param("endorsement", REISSUE.ENDORSEMENT))
      .set(REISSUE.FARE_DIFFERENCE, DSL.inline(BigDecimal.ZERO))
      .set(REISSUE.CHANGE_FEE, DSL.inline(BigDecimal.ZERO))
      .set(REISSUE.CURRENCY, DSL.param("currency", REISSUE.CURRENCY)));
  private static final Sql.Prepared CABIN_LOCK = Sql.Prepared.of(Sql.dsl().select(FLIGHT_CABIN.SOLD).from(FLIGHT_CABIN)
      .where(FLIGHT_CABIN.FLIGHT_ID.eq(DSL.param("flightId", FLIGHT_CABIN.FLIGHT_ID)))
      .and(FLIGHT_CABIN.CABIN.eq(DSL.param("cabin", FLIGHT_CABIN.CABIN))).forUpdate());
  private static final Sql.Prepared TAKEN_SEATS = Sql.Prepared.of(Sql.dsl().select(SEGMENT.SEAT).from(SEGMENT)
      .where(SEGMENT.FLIGHT_ID.eq(DSL.param("flightId", SEGMENT.FLIGHT_ID))).and(SEGMENT.SEAT.isNotNull())
      .and(SEGMENT.STATUS.ne(DSL.inline(SegmentStatus.CANCELLED))));
  private static final Sql.Prepared CAPACITIES = Sql.Prepared.of(Sql.dsl()
      .select(FLIGHT_CABIN.CABIN, FLIGHT_CABIN.CAPACITY).from(FLIGHT_CABIN)
      .where(FLIGHT_CABIN.FLIGHT_ID.eq(DSL.param("flightId", FLIGHT_CABIN.FLIGHT_ID))));
  /** Her new coupon, checked in with priority boarding; the seat triggers refuse an oversold cabin or taken seat. */
  private static final Sql.Prepared NEW_COUPON = Sql.Prepared.of(Sql.dsl().insertInto(SEGMENT)
      .set(SEGMENT.PNR, DSL.param("pnr", SEGMENT.PNR))
      .set(SEGMENT.PAX_ID, DSL.param("paxId", SEGMENT.PAX_ID))
      .set(SEGMENT.FLIGHT_ID, DSL.param("flightId", SEGMENT.FLIGHT_ID))
      .set(SEGMENT.CABIN, DSL.param("cabin", SEGMENT.CABIN))
      .set(SEGMENT.SEAT, DSL.param("seat", SEGMENT.SEAT))
      .set(SEGMENT.STATUS, DSL.inline(SegmentStatus.CHECKED_IN))
      .set(SEGMENT.TICKET, DSL.param("ticket", SEGMENT.TICKET))
      .set(SEGMENT.FARE_AMOUNT, DSL.param("fare", SEGMENT.FARE_AMOUNT))
      .set(SEGMENT.FARE_CURRENCY, DSL.param("fareCurrency", SEGMENT.FARE_CURRENCY))
      .set(SEGMENT.ISSUED_BY_PAXCARE, DSL.inline(true))
      .set(SEGMENT.PRIORITY_BOARDING, DSL.inline(true))
      .onConflict(SEGMENT.PNR, SEGMENT.PAX_ID, SEGMENT.FLIGHT_ID).doUpdate()
      .set(SEGMENT.CABIN, DSL.param("cabin", SEGMENT.CABIN))
      .set(SEGMENT.SEAT, DSL.param("seat", SEGMENT.SEAT))
      .set(SEGMENT.STATUS, DSL.inline(SegmentStatus.CHECKED_IN))
      .set(SEGMENT.TICKET, DSL.param("ticket", SEGMENT.TICKET))
      .set(SEGMENT.ISSUED_BY_PAXCARE, DSL.inline(true))
      .set(SEGMENT.PRIORITY_BOARDING, DSL.inline(true))
      .set(SEGMENT.UPDATED_AT, DSL.currentOffsetDateTime()));

  /** Picks the first free seat label of the cabin and takes it with her new coupon. */
  private static Future<String> takeSeat(StepContext context, Leg leg, String ticket, Whereabouts.Coupon paidFor) {
    CaseFile file = context.caseFile();
    long flightId = leg.flight().flightId();
    // Lock the cabin's seat count first: rebookings onto one flight pick their seat labels one at a time, so
    // two of them never choose the same seat (and never wait on each other in two orders). The seats taken and
    // the cabins' sizes are read in the same round trip (statements pipelined on the transaction's connection).
    Future<?> locked = CABIN_LOCK.run(context.tx(), "flightId", flightId, "cabin", leg.cabin());
    Future<io.vertx.sqlclient.RowSet<Row>> taken = TAKEN_SEATS.run(context.tx(), "flightId", flightId);
    Future<io.vertx.sqlclient.RowSet<Row>> capacities = CAPACITIES.run(context.tx(), "flightId", flightId);
    return Future.all(locked, taken, capacities).compose(all -> {
      RowSet<Row> takenRows = taken.result();
      RowSet<Row> capRows = capacities.result();
      Set<String> seats = new HashSet<>();
      takenRows.forEach(r -> seats.add(r.getString(0)));
      Map<String, Integer> capacity = new LinkedHashMap<>();
      capRows.forEach(r -> capacity.put(r.getString(0), r.getInteger(1)));
      String seat = SeatMap.firstFreeSeat(leg.cabin(), capacity, seats).orElse(null);
      BigDecimal fare = paidFor.fareAmount() == null ? null : new BigDecimal(paidFor.fareAmount());
      return NEW_COUPON.run(context.tx(), "pnr", file.pnr(), "paxId", file.paxId(), "flightId", flightId,
          "cabin", leg.cabin(), "seat", seat, "ticket", ticket, "fare", fare,
          "fareCurrency", fare == null ? null : paidFor.fareCurrency()).map(seat);
    });
  }

  /** Nothing within the horizon: the case says so, and the care desk is alerted — never silence. */
  private static Future<JsonObject> noRoute(StepContext context, String why, String from, OffsetDateTime readyAt) {
    CaseFile file = context.caseFile();
    JsonObject detail = new JsonObject().put("why", why).put("from", from).put("to", file.destination())
        .put("readyAt", readyAt == null ? null : readyAt.toString());
    return context.escalate("NO_REBOOKING", "care desk alerted: no rebooking", detail, true)
        .map(v -> detail.copy().put("found", false));
  }
}
