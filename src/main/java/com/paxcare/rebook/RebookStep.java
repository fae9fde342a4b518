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
    var cancel = Sql.dsl().update(SEGMENT)
        .set(SEGMENT.STATUS, SegmentStatus.CANCELLED)
        .set(SEGMENT.PRIORITY_BOARDING, false)
        .set(SEGMENT.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(SEGMENT.ID.eq(DSL.any(DSL.val(cancelled))));
    Future<String> ticket = Sql.run(tx, Sql.dsl().select(DSL.field("nextval('ticket_serial')", Long.class)))
        .map(rows -> prefix + String.format("%010d", rows.iterator().next().getLong(0)));
    return Sql.run(tx, cancel).compose(v -> ticket).compose(newTicket -> {
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
      var reissue = Sql.dsl().insertInto(REISSUE)
          .set(REISSUE.CASE_ID, file.id())
          .set(REISSUE.PNR, file.pnr())
          .set(REISSUE.PAX_ID, file.paxId())
          .set(REISSUE.OLD_TICKET, paidFor.ticket())
          .set(REISSUE.NEW_TICKET, newTicket)
          .set(REISSUE.WAIVER_CODE, waiver.code())
          .set(REISSUE.ENDORSEMENT, waiver.endorsement())
          .set(REISSUE.FARE_DIFFERENCE, BigDecimal.ZERO)
          .set(REISSUE.CHANGE_FEE, BigDecimal.ZERO)
          .set(REISSUE.CURRENCY, currency);
      return chain.compose(v -> Sql.run(tx, reissue)).map(v -> new JsonObject()
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

  /** Picks the first free seat label of the cabin and takes it with her new coupon. */
  private static Future<String> takeSeat(StepContext context, Leg leg, String ticket, Whereabouts.Coupon paidFor) {
    CaseFile file = context.caseFile();
    long flightId = leg.flight().flightId();
    var taken = Sql.dsl().select(SEGMENT.SEAT).from(SEGMENT)
        .where(SEGMENT.FLIGHT_ID.eq(flightId)).and(SEGMENT.SEAT.isNotNull())
        .and(SEGMENT.STATUS.ne(SegmentStatus.CANCELLED));
    var capacities = Sql.dsl().select(FLIGHT_CABIN.CABIN, FLIGHT_CABIN.CAPACITY).from(FLIGHT_CABIN)
        .where(FLIGHT_CABIN.FLIGHT_ID.eq(flightId));
    // Lock the cabin's seat count first: rebookings onto one flight pick their seat labels one at a time, so
    // two of them never choose the same seat (and never wait on each other in two orders).
    var cabinLock = Sql.dsl().select(FLIGHT_CABIN.SOLD).from(FLIGHT_CABIN)
        .where(FLIGHT_CABIN.FLIGHT_ID.eq(flightId)).and(FLIGHT_CABIN.CABIN.eq(leg.cabin())).forUpdate();
    return Sql.run(context.tx(), cabinLock).compose(locked -> Sql.run(context.tx(), taken))
        .compose(takenRows -> Sql.run(context.tx(), capacities).compose(capRows -> {
      Set<String> seats = new HashSet<>();
      takenRows.forEach(r -> seats.add(r.getString(0)));
      Map<String, Integer> capacity = new LinkedHashMap<>();
      capRows.forEach(r -> capacity.put(r.getString(0), r.getInteger(1)));
      String seat = SeatMap.firstFreeSeat(leg.cabin(), capacity, seats).orElse(null);
      BigDecimal fare = paidFor.fareAmount() == null ? null : new BigDecimal(paidFor.fareAmount());
      var coupon = Sql.dsl().insertInto(SEGMENT)
          .set(SEGMENT.PNR, file.pnr())
          .set(SEGMENT.PAX_ID, file.paxId())
          .set(SEGMENT.FLIGHT_ID, flightId)
          .set(SEGMENT.CABIN, leg.cabin())
          .set(SEGMENT.SEAT, seat)
          .set(SEGMENT.STATUS, SegmentStatus.CHECKED_IN)
          .set(SEGMENT.TICKET, ticket)
          .set(SEGMENT.FARE_AMOUNT, fare)
          .set(SEGMENT.FARE_CURRENCY, fare == null ? null : paidFor.fareCurrency())
          .set(SEGMENT.ISSUED_BY_PAXCARE, true)
          .set(SEGMENT.PRIORITY_BOARDING, true)
          .onConflict(SEGMENT.PNR, SEGMENT.PAX_ID, SEGMENT.FLIGHT_ID).doUpdate()
          .set(SEGMENT.CABIN, leg.cabin())
          .set(SEGMENT.SEAT, seat)
          .set(SEGMENT.STATUS, SegmentStatus.CHECKED_IN)
          .set(SEGMENT.TICKET, ticket)
          .set(SEGMENT.ISSUED_BY_PAXCARE, true)
          .set(SEGMENT.PRIORITY_BOARDING, true)
          .set(SEGMENT.UPDATED_AT, DSL.currentOffsetDateTime());
      return Sql.run(context.tx(), coupon).map(seat);
    }));
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
