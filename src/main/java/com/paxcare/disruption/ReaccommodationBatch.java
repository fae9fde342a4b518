package com.paxcare.disruption;

import com.paxcare.Config;
import com.paxcare.baggage.Rerouting;
import com.paxcare.care.CareStep;
import com.paxcare.cases.Timeline;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.CaseStatus;
import com.paxcare.db.schema.enums.DisruptionStatus;
import com.paxcare.db.schema.enums.FlightStatus;
import com.paxcare.db.schema.enums.ReaccommodationStatus;
import com.paxcare.db.schema.enums.SegmentStatus;
import com.paxcare.db.schema.enums.StepKind;
import com.paxcare.db.schema.enums.StepStatus;
import com.paxcare.locate.Whereabouts.Coupon;
import com.paxcare.notify.Channel;
import com.paxcare.notify.DisruptionNoticeFacts;
import com.paxcare.notify.DisruptionNotices;
import com.paxcare.notify.FlightLine;
import com.paxcare.notify.Message;
import com.paxcare.rebook.FlightOption;
import com.paxcare.rebook.Itinerary;
import com.paxcare.rebook.Leg;
import com.paxcare.rebook.MinimumConnectingTimes;
import com.paxcare.rebook.SeatMap;
import com.paxcare.rebook.Waivers;
import com.paxcare.rights.Entitlements;
import com.paxcare.rights.PassengerRights;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
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
import java.util.UUID;

import static com.paxcare.db.schema.Tables.BAG;
import static com.paxcare.db.schema.Tables.BSM_OUTBOUND;
import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.CARE_PROVISION;
import static com.paxcare.db.schema.Tables.CASE_STEP;
import static com.paxcare.db.schema.Tables.DISRUPTION;
import static com.paxcare.db.schema.Tables.DISRUPTION_PASSENGER;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.FLIGHT_CABIN;
import static com.paxcare.db.schema.Tables.FOLLOWUP;
import static com.paxcare.db.schema.Tables.NOTIFICATION;
import static com.paxcare.db.schema.Tables.REISSUE;
import static com.paxcare.db.schema.Tables.SEGMENT;

/**
 * One transaction of re-accommodation: the next passengers of a disruption, in priority order, get seats,
 * tickets, bags, care and a notice, all written in a few batched statements. The seats of every flight they
 * could be put on are locked first, in one order (flight, cabin) for every node: two disruptions competing for
 * the same seats take turns instead of deadlocking, and each sees what the other left. The database refuses
 * an oversold seat and a second reissue for the same case and disruption, whatever this code does.
 */
final class ReaccommodationBatch {
  private final Config.CareRules care;
  private final Config.DisruptionRules rules;
  private final PassengerRights rights;
  private final String node;

  ReaccommodationBatch(Config.CareRules care, Config.DisruptionRules rules, String node) {
    this.care = care;
    this.rules = rules;
    this.node = node;
    this.rights = new PassengerRights(new PassengerRights.AirlinePolicy(
        Duration.ofMinutes(rules.airlineMealsFromMinutes()), rules.airlineHotelWhenOvernight()));
  }

  /** What one batch did: how many passengers, and whether the disruption is now done. */
  record Outcome(int worked, boolean finished, List<UUID> plansToWake) {
  }

  /** A passenger of this batch, as recorded by the survey. */
  private record Waiting(DisruptionReads.PaxKey pax, UUID caseId, String caseType, String reference,
      String caseDestination, int rank, int group) {
  }

  /** What happens to one passenger in this batch. */
  private static final class Work {
    final Waiting waiting;
    DisruptionReads.PaxFacts facts;
    AffectedRule.Need need;
    ReaccommodationStatus status;
    Long urgentRebookStep;            // her urgent case's REBOOK step, locked by us: we do it for her plan
    boolean urgentRebookWasDue;       // ...and it was her plan's current step: the next one becomes due
    boolean rebookedForHerPlan;
    boolean fromWaitlist;             // a second try: her care was given the first time
    Itinerary itinerary;
    final List<String> seats = new ArrayList<>();
    String ticket;
    Integer waitlistPosition;
    Entitlements entitlements = Entitlements.NONE;
    String voucherCode;
    final List<String> bagTags = new ArrayList<>();
    int bsmSent;
    boolean notified;
    final JsonArray queued = new JsonArray();

    Work(Waiting waiting) {
      this.waiting = waiting;
    }

    boolean urgentPlanCarriesOn() {
      return urgentRebookStep != null;
    }
  }

  Future<Outcome> run(SqlConnection tx, DisruptionReads.Facts facts, OffsetDateTime now) {
    return nextWaiting(tx, facts, ReaccommodationStatus.WAITING).compose(waiting -> {
      if (waiting.isEmpty()) {
        return finish(tx, facts, now).map(new Outcome(0, true, List.of()));
      }
      Map<DisruptionReads.PaxKey, Work> work = new LinkedHashMap<>();
      waiting.forEach(w -> work.put(w.pax(), new Work(w)));
      return urgentRebookSteps(tx, work)
          .compose(v -> seatAll(tx, facts, work, now))
          .compose(v -> write(tx, facts, work, now))
          .compose(v -> finish(tx, facts, now))
          .map(finished -> new Outcome(work.size(), finished, work.values().stream()
              .filter(w -> w.urgentRebookWasDue && w.rebookedForHerPlan).map(w -> w.waiting.caseId()).toList()));
    });
  }

  /**
   * The waitlist of a finished disruption tries again for seats freed since (a refund, a flight added, a
   * booking cancelled). Those who now get a seat are rebooked and told at once, as promised, and their call back
   * is no longer needed; the others keep their place, and nothing is written for them.
   */
  Future<Integer> retryWaitlist(SqlConnection tx, DisruptionReads.Facts facts, OffsetDateTime now) {
    return nextWaiting(tx, facts, ReaccommodationStatus.WAITLISTED).compose(waitlisted -> {
      Map<DisruptionReads.PaxKey, Work> work = new LinkedHashMap<>();
      // Urgent cases' waitlisted passengers are their own plan's (and the care desk's) to place.
      waitlisted.stream().filter(w -> !Survey.URGENT.contains(w.caseType())).forEach(w -> {
        Work again = new Work(w);
        again.fromWaitlist = true;
        work.put(w.pax(), again);
      });
      if (work.isEmpty()) {
        return Future.succeededFuture(0);
      }
      return seatAll(tx, facts, work, now).compose(v -> {
        Map<DisruptionReads.PaxKey, Work> seated = new LinkedHashMap<>();
        work.forEach((key, w) -> {
          if (w.status == ReaccommodationStatus.REACCOMMODATED) {
            w.waitlistPosition = null;
            seated.put(key, w);
          }
        });
        if (seated.isEmpty()) {
          return Future.succeededFuture(0);
        }
        var callsDone = Sql.dsl().update(FOLLOWUP).set(FOLLOWUP.STATUS, "DONE")
            .set(FOLLOWUP.OUTCOME, "No call needed: a seat was found from the waitlist and she was told")
            .set(FOLLOWUP.COMPLETED_BY, "paxcare@" + node).set(FOLLOWUP.COMPLETED_AT, now)
            .where(FOLLOWUP.CASE_ID.eq(DSL.any(seated.values().stream().map(w -> w.waiting.caseId())
                .toArray(UUID[]::new)))).and(FOLLOWUP.STATUS.eq("DUE"));
        return write(tx, facts, seated, now).compose(w -> Sql.run(tx, callsDone)).map(seated.size());
      });
    });
  }

  /** Where each passenger stands now (read under lock), then seats for those who need them, in order. */
  private Future<Void> seatAll(SqlConnection tx, DisruptionReads.Facts facts, Map<DisruptionReads.PaxKey, Work> work,
      OffsetDateTime now) {
    return DisruptionReads.liveCoupons(tx, DisruptionReads.among(movable(work)), true)
        .compose(coupons -> DisruptionReads.passengers(tx, work.keySet()).compose(pax -> {
          MinimumConnectingTimes mct = MinimumConnectingTimes.parse(care.minimumConnectingTimes(),
              Duration.ofMinutes(care.defaultMctMinutes()));
          for (Work w : work.values()) {
            w.facts = pax.get(w.waiting.pax());
            if (w.status != null) {
              continue; // her urgent case's plan is rebooking her right now
            }
            List<Coupon> held = coupons.getOrDefault(w.waiting.pax(), List.of());
            Optional<AffectedRule.Need> need = AffectedRule.of(facts.disrupted(), held, now,
                Duration.ofMinutes(care.readyMinutes()), mct);
            if (need.isEmpty()) {
              w.status = ReaccommodationStatus.ALREADY_MOVED;
            } else {
              w.need = need.get();
              if (Survey.URGENT.contains(w.waiting.caseType())
                  && !w.need.to().equals(w.waiting.caseDestination())) {
                // Her urgent case says where she must now go (her son's bedside, not her holiday).
                AffectedRule.Need n = w.need;
                w.need = new AffectedRule.Need(true, n.from(), w.waiting.caseDestination(), n.readyAt(),
                    n.replaced(), n.disruptedCoupon(), n.connectionSlackMinutes());
              }
              w.status = w.need.rebook() ? null : ReaccommodationStatus.KEPT_FLIGHT;
            }
          }
          return seat(tx, facts, work, mct);
        }));
  }

  // ---- who is next ----------------------------------------------------------------------------------------------

  private Future<List<Waiting>> nextWaiting(SqlConnection tx, DisruptionReads.Facts facts,
      ReaccommodationStatus status) {
    int batch = rules.passengersPerTransaction();
    var query = Sql.dsl().select(DISRUPTION_PASSENGER.PNR, DISRUPTION_PASSENGER.PAX_ID, DISRUPTION_PASSENGER.CASE_ID,
            DISRUPTION_PASSENGER.RANK, DISRUPTION_PASSENGER.PRIORITY_GROUP, CARE_CASE.TYPE, CARE_CASE.REFERENCE,
            CARE_CASE.DESTINATION)
        .from(DISRUPTION_PASSENGER).join(CARE_CASE).on(CARE_CASE.ID.eq(DISRUPTION_PASSENGER.CASE_ID))
        .where(DISRUPTION_PASSENGER.DISRUPTION_ID.eq(facts.id()))
        .and(DISRUPTION_PASSENGER.STATUS.eq(status))
        // The waitlist in its own order (its positions follow the ranks, with those seated in between).
        .orderBy(status == ReaccommodationStatus.WAITLISTED ? DISRUPTION_PASSENGER.WAITLIST_POSITION
            : DISRUPTION_PASSENGER.RANK).limit(batch + 10);
    return Sql.run(tx, query).map(rows -> {
      List<Waiting> list = new ArrayList<>();
      for (Row row : rows) {
        Waiting w = new Waiting(new DisruptionReads.PaxKey(row.getString("pnr"), row.getString("pax_id")),
            row.getUUID("case_id"), row.getString("type"), row.getString("reference"), row.getString("destination"),
            row.getInteger("rank"),
            row.getInteger("priority_group"));
        // A booking travelling together is never cut in two by the end of a batch.
        if (list.size() >= batch && !list.get(list.size() - 1).pax().pnr().equals(w.pax().pnr())) {
          break;
        }
        list.add(w);
      }
      return list;
    });
  }

  /**
   * A passenger with an urgent case whose own rebooking has not run yet: we lock that step and do it here, in
   * her priority place; her plan then carries on (bags, care, confirmation) from our result. When another node
   * is running that step right now, her plan rebooks her, and we leave her to it.
   */
  private static Future<Void> urgentRebookSteps(SqlConnection tx, Map<DisruptionReads.PaxKey, Work> work) {
    UUID[] urgentCases = work.values().stream().filter(w -> Survey.URGENT.contains(w.waiting.caseType()))
        .map(w -> w.waiting.caseId()).toArray(UUID[]::new);
    if (urgentCases.length == 0) {
      return Future.succeededFuture();
    }
    // Two statements, built apart (a jOOQ query is mutable: adding FOR UPDATE to one would change the other).
    var pending = pendingRebooks(urgentCases);
    var lockable = pendingRebooks(urgentCases).forUpdate().skipLocked();
    return Sql.run(tx, pending).compose(all -> Sql.run(tx, lockable).map(locked -> {
      Map<UUID, Long> ours = new HashMap<>();
      Set<UUID> due = new HashSet<>();
      locked.forEach(r -> {
        ours.put(r.getUUID("case_id"), r.getLong("id"));
        if (r.getValue("due_at") != null) {
          due.add(r.getUUID("case_id"));
        }
      });
      Set<UUID> busy = new HashSet<>();
      all.forEach(r -> {
        if (!ours.containsKey(r.getUUID("case_id"))) {
          busy.add(r.getUUID("case_id"));
        }
      });
      for (Work w : work.values()) {
        if (busy.contains(w.waiting.caseId())) {
          w.status = ReaccommodationStatus.WITH_URGENT_CASE;
        } else if (ours.containsKey(w.waiting.caseId())) {
          w.urgentRebookStep = ours.get(w.waiting.caseId());
          w.urgentRebookWasDue = due.contains(w.waiting.caseId());
        }
      }
      return null;
    }));
  }

  private static org.jooq.SelectConditionStep<org.jooq.Record3<Long, UUID, OffsetDateTime>> pendingRebooks(
      UUID[] cases) {
    return Sql.dsl().select(CASE_STEP.ID, CASE_STEP.CASE_ID, CASE_STEP.DUE_AT).from(CASE_STEP)
        .where(CASE_STEP.CASE_ID.eq(DSL.any(cases))).and(CASE_STEP.KIND.eq(StepKind.REBOOK))
        .and(CASE_STEP.STATUS.eq(StepStatus.PENDING));
  }

  private static List<DisruptionReads.PaxKey> movable(Map<DisruptionReads.PaxKey, Work> work) {
    return work.values().stream().filter(w -> w.status == null).map(w -> w.waiting.pax()).toList();
  }

  // ---- seats ----------------------------------------------------------------------------------------------------

  private Future<Void> seat(SqlConnection tx, DisruptionReads.Facts facts, Map<DisruptionReads.PaxKey, Work> work,
      MinimumConnectingTimes mct) {
    List<Work> toSeat = work.values().stream().filter(w -> w.status == null).toList();
    if (toSeat.isEmpty()) {
      return Future.succeededFuture();
    }
    Duration horizon = Duration.ofHours(care.horizonHours());
    OffsetDateTime earliest = toSeat.stream().map(w -> w.need.readyAt()).min(OffsetDateTime::compareTo).orElseThrow();
    OffsetDateTime latest = toSeat.stream().map(w -> w.need.readyAt()).max(OffsetDateTime::compareTo).orElseThrow();
    String[] froms = toSeat.stream().map(w -> w.need.from()).distinct().toArray(String[]::new);
    String[] tos = toSeat.stream().map(w -> w.need.to()).distinct().toArray(String[]::new);
    // Candidate flights and the disrupted one (whose seats the cancelled coupons give back), locked in one order.
    var inventory = Sql.dsl().select(FLIGHT.ID, FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN,
            FLIGHT.DESTINATION, FLIGHT.DEPARTURE, FLIGHT.DEPARTURE_OFFSET, FLIGHT.ARRIVAL, FLIGHT.ARRIVAL_OFFSET,
            FLIGHT_CABIN.CABIN, FLIGHT_CABIN.CAPACITY, FLIGHT_CABIN.SOLD)
        .from(FLIGHT_CABIN).join(FLIGHT).on(FLIGHT.ID.eq(FLIGHT_CABIN.FLIGHT_ID))
        .where(FLIGHT.DEPARTURE.between(earliest, latest.plus(horizon))
            .and(FLIGHT.STATUS.in(FlightStatus.SCHEDULED, FlightStatus.BOARDING))
            .and(FLIGHT.ORIGIN.eq(DSL.any(froms)).or(FLIGHT.DESTINATION.eq(DSL.any(tos)))))
        .or(FLIGHT.ID.eq(facts.flightId()))
        .orderBy(FLIGHT_CABIN.FLIGHT_ID, FLIGHT_CABIN.CABIN)
        .forUpdate().of(FLIGHT_CABIN);
    return Sql.run(tx, inventory).compose(rows -> {
      Map<Long, FlightOption> flights = new LinkedHashMap<>();
      Map<Long, Map<String, Integer>> free = new HashMap<>();
      Map<Long, Map<String, Integer>> capacity = new HashMap<>();
      for (Row row : rows) {
        long id = row.getLong("id");
        capacity.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(row.getString("cabin"), row.getInteger("capacity"));
        if (id == facts.flightId()) {
          continue;
        }
        free.computeIfAbsent(id, k -> new HashMap<>()).put(row.getString("cabin"),
            Math.max(0, row.getInteger("capacity") - row.getInteger("sold")));
        flights.computeIfAbsent(id, k -> new FlightOption(id, row.getString("flight_no"),
            row.getLocalDate("flight_date"), row.getString("origin"), row.getString("destination"),
            local(row, "departure"), local(row, "arrival"), free.get(id)));
      }
      List<FlightOption> options = flights.values().stream().map(f -> new FlightOption(f.flightId(), f.flight(),
          f.date(), f.origin(), f.destination(), f.departure(), f.arrival(), free.get(f.flightId()))).toList();
      SeatAllocator allocator = new SeatAllocator(options, mct, horizon);
      Map<SeatAllocator.Member, Work> byMember = new HashMap<>();
      List<SeatAllocator.Party> parties = new ArrayList<>();
      for (Work w : toSeat) {
        Coupon booked = w.need.disruptedCoupon();
        SeatAllocator.Member member = new SeatAllocator.Member(w.waiting.pax().pnr(), w.waiting.pax().paxId(),
            w.need.replaced().isEmpty() ? booked.cabin() : w.need.replaced().get(0).cabin(), w.facts.ssr());
        byMember.put(member, w);
        SeatAllocator.Party last = parties.isEmpty() ? null : parties.get(parties.size() - 1);
        if (last != null && last.members().get(0).pnr().equals(member.pnr()) && last.from().equals(w.need.from())
            && last.to().equals(w.need.to())) {
          List<SeatAllocator.Member> members = new ArrayList<>(last.members());
          members.add(member);
          OffsetDateTime ready = last.readyAt().isAfter(w.need.readyAt()) ? last.readyAt() : w.need.readyAt();
          parties.set(parties.size() - 1, new SeatAllocator.Party(members, last.from(), last.to(), ready));
        } else {
          parties.add(new SeatAllocator.Party(List.of(member), w.need.from(), w.need.to(), w.need.readyAt()));
        }
      }
      allocator.allocate(parties).forEach((member, itinerary) -> {
        Work w = byMember.get(member);
        w.itinerary = itinerary.orElse(null);
        w.status = itinerary.isPresent() ? ReaccommodationStatus.REACCOMMODATED : ReaccommodationStatus.WAITLISTED;
      });
      return seatLabels(tx, toSeat, capacity);
    });
  }

  /** Seat labels, the first free of each cabin in turn: a family placed together gets neighbouring seats. */
  private static Future<Void> seatLabels(SqlConnection tx, List<Work> seated, Map<Long, Map<String, Integer>> capacity) {
    Long[] flights = seated.stream().filter(w -> w.itinerary != null).flatMap(w -> w.itinerary.legs().stream())
        .map(l -> l.flight().flightId()).distinct().toArray(Long[]::new);
    if (flights.length == 0) {
      return Future.succeededFuture();
    }
    var taken = Sql.dsl().select(SEGMENT.FLIGHT_ID, SEGMENT.SEAT).from(SEGMENT)
        .where(SEGMENT.FLIGHT_ID.eq(DSL.any(flights))).and(SEGMENT.SEAT.isNotNull())
        .and(SEGMENT.STATUS.ne(SegmentStatus.CANCELLED));
    return Sql.run(tx, taken).map(rows -> {
      Map<Long, Set<String>> takenSeats = new HashMap<>();
      rows.forEach(r -> takenSeats.computeIfAbsent(r.getLong(0), k -> new HashSet<>()).add(r.getString(1)));
      for (Work w : seated) {
        if (w.itinerary == null) {
          continue;
        }
        for (Leg leg : w.itinerary.legs()) {
          long id = leg.flight().flightId();
          Set<String> used = takenSeats.computeIfAbsent(id, k -> new HashSet<>());
          String seat = SeatMap.firstFreeSeat(leg.cabin(), capacity.get(id), used).orElse(null);
          if (seat != null) {
            used.add(seat);
          }
          w.seats.add(seat);
        }
      }
      return null;
    });
  }

  private static OffsetDateTime local(Row row, String column) {
    return row.getOffsetDateTime(column).withOffsetSameInstant(ZoneOffset.ofTotalSeconds(
        row.getInteger(column + "_offset")));
  }

  // ---- writes ---------------------------------------------------------------------------------------------------

  private static final Sql.Prepared CANCEL = Sql.Prepared.of(Sql.dsl().update(SEGMENT)
      .set(SEGMENT.STATUS, DSL.inline(SegmentStatus.CANCELLED))
      .set(SEGMENT.PRIORITY_BOARDING, DSL.inline(false))
      .set(SEGMENT.UPDATED_AT, DSL.currentOffsetDateTime())
      .where(SEGMENT.ID.eq(DSL.any(DSL.param("ids", Long[].class)))));
  private static final Sql.Prepared TICKETS = Sql.Prepared.of(Sql.dsl()
      .select(DSL.field("nextval('ticket_serial')", Long.class))
      .from(DSL.table("generate_series(1, {0})", DSL.param("count", Integer.class))));
  private static final Sql.Prepared URGENT_REBOOK_DONE = Sql.Prepared.of(Sql.dsl().update(CASE_STEP)
      .set(CASE_STEP.STATUS, DSL.inline(StepStatus.DONE))
      .set(CASE_STEP.RESULT, DSL.param("result", CASE_STEP.RESULT))
      .set(CASE_STEP.DONE_AT, DSL.currentOffsetDateTime())
      .set(CASE_STEP.NODE, DSL.param("node", CASE_STEP.NODE))
      .where(CASE_STEP.ID.eq(DSL.param("id", CASE_STEP.ID))));
  private static final Sql.Prepared HANDLED = Sql.Prepared.of(Sql.dsl().update(DISRUPTION_PASSENGER)
      .set(DISRUPTION_PASSENGER.STATUS, DSL.param("status", DISRUPTION_PASSENGER.STATUS))
      .set(DISRUPTION_PASSENGER.WAITLIST_POSITION, DSL.param("position", DISRUPTION_PASSENGER.WAITLIST_POSITION))
      .set(DISRUPTION_PASSENGER.NEW_TICKET, DSL.param("ticket", DISRUPTION_PASSENGER.NEW_TICKET))
      .set(DISRUPTION_PASSENGER.BAGS_REROUTED, DSL.param("bags", DISRUPTION_PASSENGER.BAGS_REROUTED))
      .set(DISRUPTION_PASSENGER.NOTIFIED, DSL.param("notified", DISRUPTION_PASSENGER.NOTIFIED))
      .set(DISRUPTION_PASSENGER.RIGHTS, DSL.param("rights", DISRUPTION_PASSENGER.RIGHTS))
      .set(DISRUPTION_PASSENGER.HANDLED_AT, DSL.currentOffsetDateTime())
      .set(DISRUPTION_PASSENGER.NODE, DSL.param("node", DISRUPTION_PASSENGER.NODE))
      .where(DISRUPTION_PASSENGER.DISRUPTION_ID.eq(DSL.param("disruptionId", DISRUPTION_PASSENGER.DISRUPTION_ID)))
      .and(DISRUPTION_PASSENGER.PNR.eq(DSL.param("pnr", DISRUPTION_PASSENGER.PNR)))
      .and(DISRUPTION_PASSENGER.PAX_ID.eq(DSL.param("paxId", DISRUPTION_PASSENGER.PAX_ID))));

  private Future<Void> write(SqlConnection tx, DisruptionReads.Facts facts, Map<DisruptionReads.PaxKey, Work> work,
      OffsetDateTime now) {
    List<Work> all = new ArrayList<>(work.values());
    List<Work> seated = all.stream().filter(w -> w.status == ReaccommodationStatus.REACCOMMODATED).toList();
    Long[] cancelled = seated.stream().flatMap(w -> w.need.replaced().stream()).map(Coupon::segmentId)
        .toArray(Long[]::new);
    return CANCEL.run(tx, "ids", cancelled)
        .compose(v -> seated.isEmpty() ? Future.succeededFuture(List.<String>of())
            : TICKETS.run(tx, "count", seated.size()).map(rows -> {
              List<String> serials = new ArrayList<>();
              rows.forEach(r -> serials.add(String.format("%010d", r.getLong(0))));
              return serials;
            }))
        .compose(serials -> {
          for (int i = 0; i < seated.size(); i++) {
            Work w = seated.get(i);
            Coupon paidFor = paidFor(w);
            String prefix = paidFor.ticket() != null ? paidFor.ticket().substring(0, 3) : care.ticketPrefix();
            w.ticket = prefix + serials.get(i);
          }
          return coupons(tx, facts, seated);
        })
        .compose(v -> waitlist(tx, facts, all))
        .compose(v -> bags(tx, facts, all))
        .compose(v -> {
          rightsAndCare(facts, all, now);
          return careProvisions(tx, all);
        })
        .compose(v -> notices(tx, facts, all, now))
        .compose(v -> steps(tx, facts, all, now))
        .compose(v -> HANDLED.batch(tx, all.stream().map(w -> new Object[] {"status", w.status,
            "position", w.waitlistPosition, "ticket", w.ticket, "bags", w.bsmSent > 0 ? w.bagTags.size() : 0,
            "notified", w.notified, "rights", rightsJson(w.entitlements), "node", node,
            "disruptionId", facts.id(), "pnr", w.waiting.pax().pnr(), "paxId", w.waiting.pax().paxId()}).toList()))
        .compose(v -> closeAndFollowUp(tx, facts, all, now));
  }

  private static Coupon paidFor(Work w) {
    return w.need.replaced().isEmpty() ? w.need.disruptedCoupon() : w.need.replaced().get(0);
  }

  private Future<Void> coupons(SqlConnection tx, DisruptionReads.Facts facts, List<Work> seated) {
    List<Object[]> coupons = new ArrayList<>();
    List<Object[]> reissues = new ArrayList<>();
    for (Work w : seated) {
      Coupon paidFor = paidFor(w);
      String status = paidFor.status().equals(SegmentStatus.CONFIRMED.getLiteral()) ? "CONFIRMED" : "CHECKED_IN";
      BigDecimal fare = paidFor.fareAmount() == null ? null : new BigDecimal(paidFor.fareAmount());
      for (int i = 0; i < w.itinerary.legs().size(); i++) {
        Leg leg = w.itinerary.legs().get(i);
        coupons.add(new Object[] {w.waiting.pax().pnr(), w.waiting.pax().paxId(), leg.flight().flightId(),
            leg.cabin(), w.seats.get(i), SegmentStatus.valueOf(status), w.ticket, fare,
            fare == null ? null : paidFor.fareCurrency(), true,
            // Priority boarding for those who most need it; on a full flight it means nothing for everyone.
            w.waiting.group() <= 2});
      }
      Waivers.Waiver waiver = Waivers.forCaseType(w.waiting.caseType());
      reissues.add(new Object[] {w.waiting.caseId(), facts.id(), w.waiting.pax().pnr(), w.waiting.pax().paxId(),
          paidFor.ticket(), w.ticket, waiver.code(), waiver.endorsement(), BigDecimal.ZERO, BigDecimal.ZERO,
          paidFor.fareCurrency() != null ? paidFor.fareCurrency() : "USD"});
    }
    // Her old coupon on the same flight (an onward leg she keeps in the new itinerary) comes back to life.
    return Sql.insertRows(tx, SEGMENT, List.of(SEGMENT.PNR, SEGMENT.PAX_ID, SEGMENT.FLIGHT_ID, SEGMENT.CABIN,
            SEGMENT.SEAT, SEGMENT.STATUS, SEGMENT.TICKET, SEGMENT.FARE_AMOUNT, SEGMENT.FARE_CURRENCY,
            SEGMENT.ISSUED_BY_PAXCARE, SEGMENT.PRIORITY_BOARDING), coupons,
            insert -> insert.onConflict(SEGMENT.PNR, SEGMENT.PAX_ID, SEGMENT.FLIGHT_ID).doUpdate()
                .set(SEGMENT.CABIN, DSL.excluded(SEGMENT.CABIN))
                .set(SEGMENT.SEAT, DSL.excluded(SEGMENT.SEAT))
                .set(SEGMENT.STATUS, DSL.excluded(SEGMENT.STATUS))
                .set(SEGMENT.TICKET, DSL.excluded(SEGMENT.TICKET))
                .set(SEGMENT.ISSUED_BY_PAXCARE, DSL.excluded(SEGMENT.ISSUED_BY_PAXCARE))
                .set(SEGMENT.PRIORITY_BOARDING, DSL.excluded(SEGMENT.PRIORITY_BOARDING))
                .set(SEGMENT.UPDATED_AT, DSL.currentOffsetDateTime()))
        .compose(v -> Sql.insertRows(tx, REISSUE, List.of(REISSUE.CASE_ID, REISSUE.DISRUPTION_ID, REISSUE.PNR,
            REISSUE.PAX_ID, REISSUE.OLD_TICKET, REISSUE.NEW_TICKET, REISSUE.WAIVER_CODE, REISSUE.ENDORSEMENT,
            REISSUE.FARE_DIFFERENCE, REISSUE.CHANGE_FEE, REISSUE.CURRENCY), reissues, insert -> insert));
  }

  /** Waitlist places follow the priority order, after those already waiting for this disruption. */
  private static Future<Void> waitlist(SqlConnection tx, DisruptionReads.Facts facts, List<Work> all) {
    if (all.stream().noneMatch(w -> w.status == ReaccommodationStatus.WAITLISTED)) {
      return Future.succeededFuture();
    }
    var last = Sql.dsl().select(DSL.coalesce(DSL.max(DISRUPTION_PASSENGER.WAITLIST_POSITION), DSL.inline(0)))
        .from(DISRUPTION_PASSENGER).where(DISRUPTION_PASSENGER.DISRUPTION_ID.eq(facts.id()));
    return Sql.run(tx, last).map(rows -> {
      int position = rows.iterator().next().getInteger(0);
      for (Work w : all) {
        if (w.status == ReaccommodationStatus.WAITLISTED) {
          w.waitlistPosition = ++position;
        }
      }
      return null;
    });
  }

  /** Bags follow every passenger given a new itinerary: a DEL and a new BSM each, and our own routing copy. */
  private Future<Void> bags(SqlConnection tx, DisruptionReads.Facts facts, List<Work> all) {
    Map<DisruptionReads.PaxKey, Work> moving = new HashMap<>();
    all.stream().filter(w -> w.status == ReaccommodationStatus.REACCOMMODATED && !w.urgentPlanCarriesOn())
        .forEach(w -> moving.put(w.waiting.pax(), w));
    if (moving.isEmpty()) {
      return Future.succeededFuture();
    }
    var query = Sql.dsl().select(BAG.TAG, BAG.PNR, BAG.PAX_ID, BAG.PASSENGER_NAME, BAG.PIECES, BAG.WEIGHT_KG,
            BAG.EXCEPTIONS).from(BAG)
        .where(DSL.condition("(bag.pnr, bag.pax_id) IN (SELECT * FROM unnest({0}::text[], {1}::text[]))",
            DSL.val(moving.keySet().stream().map(DisruptionReads.PaxKey::pnr).toArray(String[]::new)),
            DSL.val(moving.keySet().stream().map(DisruptionReads.PaxKey::paxId).toArray(String[]::new))))
        .orderBy(BAG.TAG);
    return Sql.run(tx, query).compose(rows -> {
      Map<Sql.Prepared, List<Object[]>> byStatement = new LinkedHashMap<>();
      for (Sql.Prepared statement : List.of(Rerouting.OUTBOUND, Rerouting.FORGET_ROUTE, Rerouting.ROUTE_LEG,
          Rerouting.SET_EXCEPTIONS, Rerouting.MARK_OFFLOADED)) {
        byStatement.put(statement, new ArrayList<>());
      }
      for (Row row : rows) {
        Work w = moving.get(new DisruptionReads.PaxKey(row.getString("pnr"), row.getString("pax_id")));
        Coupon from = w.need.disruptedCoupon();
        boolean inTheAir = facts.kind() == DisruptionKind.FLIGHT_DIVERTED;
        // A delayed flight still carries the bag to the connecting airport; a diverted one lands it elsewhere.
        List<Rerouting.NewLeg> legs = new ArrayList<>();
        if (facts.kind() == DisruptionKind.FLIGHT_DELAYED) {
          legs.add(new Rerouting.NewLeg(from.flight(), LocalDate.parse(from.date()), from.origin(),
              from.destination(), from.cabin()));
        }
        for (Leg leg : w.itinerary.legs()) {
          legs.add(new Rerouting.NewLeg(leg.flight().flight(), leg.flight().date(), leg.flight().origin(),
              leg.flight().destination(), leg.cabin()));
        }
        Rerouting.OldRoute old = new Rerouting.OldRoute(from.flight(), LocalDate.parse(from.date()), from.origin(),
            inTheAir ? facts.divertedTo() : from.destination(), inTheAir, false);
        String tag = row.getString("tag");
        Rerouting.Messages messages = Rerouting.of(new Rerouting.Bag(tag, row.getString("passenger_name"),
            row.getInteger("pieces"), row.getInteger("weight_kg"), List.of(row.getArrayOfStrings("exceptions"))),
            w.waiting.pax().pnr(), old, legs);
        for (Rerouting.Write write : Rerouting.writes(w.waiting.caseId(), tag, messages, legs, false)) {
          byStatement.get(write.statement()).add(write.values());
        }
        w.bagTags.add(tag);
        w.bsmSent += messages.addText() == null ? 1 : 2;
      }
      // The messages for the baggage system in one statement; our routing copy statement by statement.
      List<Object[]> messages = byStatement.remove(Rerouting.OUTBOUND).stream()
          .map(named -> new Object[] {named[1], named[3], named[5], named[7]}).toList();
      Future<Void> chain = Sql.insertRows(tx, BSM_OUTBOUND, List.of(BSM_OUTBOUND.CASE_ID, BSM_OUTBOUND.TAG,
          BSM_OUTBOUND.ACTION, BSM_OUTBOUND.TEXT), messages, insert -> insert);
      for (var entry : byStatement.entrySet()) {
        chain = chain.compose(v -> entry.getKey().batch(tx, entry.getValue()).mapEmpty());
      }
      return chain;
    });
  }

  /** What each passenger is owed, by the rules that apply to her journey, and the care that follows from it. */
  private void rightsAndCare(DisruptionReads.Facts facts, List<Work> all, OffsetDateTime now) {
    for (Work w : all) {
      if (w.need == null || w.urgentPlanCarriesOn()) {
        continue;
      }
      Coupon last = w.need.replaced().isEmpty() ? w.need.disruptedCoupon()
          : w.need.replaced().get(w.need.replaced().size() - 1);
      OffsetDateTime newDeparture = w.itinerary != null ? w.itinerary.departure()
          : w.status == ReaccommodationStatus.KEPT_FLIGHT ? facts.newDeparture() : null;
      OffsetDateTime newArrival = w.itinerary != null ? w.itinerary.arrival()
          : w.status == ReaccommodationStatus.KEPT_FLIGHT ? keptArrival(facts, w) : null;
      int legsBefore = Math.max(1, w.need.replaced().size());
      w.entitlements = DisruptionRights.of(rights, new DisruptionRights.Facts(facts.kind(), facts.origin(),
          w.need.to(), rules.carrierCountry(), facts.extraordinary(), facts.departure(), newDeparture,
          last.arrival(), newArrival, legsBefore, w.itinerary == null ? legsBefore : w.itinerary.legs().size(),
          w.itinerary != null && w.itinerary.downgraded(w.need.disruptedCoupon().cabin()), facts.delay()));
      if (w.entitlements.meals() && !w.fromWaitlist) {
        w.voucherCode = CareStep.voucherCode();
      }
    }
  }

  /** A passenger keeping her delayed flight arrives that much later, unless her onward flight is on time. */
  private static OffsetDateTime keptArrival(DisruptionReads.Facts facts, Work w) {
    return w.need.connectionSlackMinutes() != null ? w.need.disruptedCoupon().arrival() : facts.disrupted().newArrival();
  }

  private Future<Void> careProvisions(SqlConnection tx, List<Work> all) {
    List<Object[]> rows = new ArrayList<>();
    for (Work w : all) {
      if (w.voucherCode != null) {
        rows.add(new Object[] {w.waiting.caseId(), "MEAL_VOUCHER", w.need.from(), w.voucherCode,
            new BigDecimal(care.mealVoucherAmount()), care.mealVoucherCurrency()});
      }
      if (w.entitlements.hotel()) {
        rows.add(new Object[] {w.waiting.caseId(), "HOTEL", w.need.from(), null, null, null});
      }
    }
    return Sql.insertRows(tx, CARE_PROVISION, List.of(CARE_PROVISION.CASE_ID, CARE_PROVISION.KIND,
        CARE_PROVISION.STATION, CARE_PROVISION.CODE, CARE_PROVISION.AMOUNT, CARE_PROVISION.CURRENCY), rows,
        insert -> insert.onConflictDoNothing());
  }

  /** Told before she has to ask: what happened, what we did, what she is owed, in her language. */
  private Future<Void> notices(SqlConnection tx, DisruptionReads.Facts facts, List<Work> all, OffsetDateTime now) {
    List<Object[]> rows = new ArrayList<>();
    for (Work w : all) {
      if (w.need == null || w.urgentPlanCarriesOn() || w.facts == null) {
        continue;
      }
      DisruptionNoticeFacts notice = noticeFacts(facts, w, now);
      String language = w.facts.language() == null ? "en" : w.facts.language();
      for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
        String recipient = channel == Channel.SMS ? w.facts.phone() : w.facts.email();
        if (recipient == null || recipient.isBlank()) {
          continue;
        }
        Message message = DisruptionNotices.render(notice, channel, language);
        rows.add(new Object[] {w.waiting.caseId(), channel.name(), "PASSENGER", recipient, language,
            message.subject(), message.body()});
        w.queued.add(new JsonObject().put("channel", channel.name()).put("audience", "PASSENGER")
            .put("language", language));
        w.notified = true;
      }
    }
    return Sql.insertRows(tx, NOTIFICATION, List.of(NOTIFICATION.CASE_ID, NOTIFICATION.CHANNEL,
        NOTIFICATION.AUDIENCE, NOTIFICATION.RECIPIENT, NOTIFICATION.LANGUAGE, NOTIFICATION.SUBJECT,
        NOTIFICATION.BODY), rows, insert -> insert);
  }

  private DisruptionNoticeFacts noticeFacts(DisruptionReads.Facts facts, Work w, OffsetDateTime now) {
    List<FlightLine> flights = new ArrayList<>();
    if (w.itinerary != null) {
      for (Leg leg : w.itinerary.legs()) {
        flights.add(new FlightLine(leg.flight().flight(), leg.flight().origin(), leg.flight().destination(),
            leg.flight().departure(), leg.flight().arrival(), leg.cabin()));
      }
    }
    DisruptionNoticeFacts.Outcome outcome = switch (w.status) {
      case REACCOMMODATED -> DisruptionNoticeFacts.Outcome.REBOOKED;
      case WAITLISTED -> DisruptionNoticeFacts.Outcome.WAITLISTED;
      default -> DisruptionNoticeFacts.Outcome.KEPT_FLIGHT;
    };
    Entitlements e = w.entitlements;
    return new DisruptionNoticeFacts(facts.kind().name(), w.facts.firstName(), w.facts.lastName(), facts.flightNo(),
        facts.origin(), facts.destination(), facts.departure(),
        facts.kind() == DisruptionKind.FLIGHT_DELAYED ? facts.newDeparture() : null, facts.divertedTo(),
        w.need.to(), outcome, flights, w.seats.isEmpty() ? null : w.seats.get(0), w.waitlistPosition,
        w.waitlistPosition == null ? null : now.plusMinutes(rules.waitlistCallBackMinutes())
            .withOffsetSameInstant(facts.departure().getOffset()),
        w.bagTags, new DisruptionNoticeFacts.Rights(e.rule(), e.meals(), w.voucherCode,
            w.voucherCode == null ? null : care.mealVoucherAmount(),
            w.voucherCode == null ? null : care.mealVoucherCurrency(), e.hotel(), e.communication(), e.refund(),
            e.compensation(), e.currency()), w.waiting.reference());
  }

  /** The case's plan, as done: the same steps and results an urgent case's plan records. */
  private Future<Void> steps(SqlConnection tx, DisruptionReads.Facts facts, List<Work> all, OffsetDateTime now) {
    UUID[] caseIds = all.stream().map(w -> w.waiting.caseId()).toArray(UUID[]::new);
    var positions = Sql.dsl().select(CASE_STEP.CASE_ID, DSL.max(CASE_STEP.POSITION)).from(CASE_STEP)
        .where(CASE_STEP.CASE_ID.eq(DSL.any(caseIds))).and(CASE_STEP.POSITION.lt(100)).groupBy(CASE_STEP.CASE_ID);
    return Sql.run(tx, positions).compose(rows -> {
      Map<UUID, Integer> last = new HashMap<>();
      rows.forEach(r -> last.put(r.getUUID(0), r.getInteger(1)));
      List<Object[]> steps = new ArrayList<>();
      List<Object[]> urgentDone = new ArrayList<>();
      List<Timeline.Entry> timeline = new ArrayList<>();
      String actor = "paxcare@" + node;
      for (Work w : all) {
        UUID caseId = w.waiting.caseId();
        JsonObject rebook = rebookResult(facts, w);
        if (w.urgentPlanCarriesOn()) {
          if (w.status == ReaccommodationStatus.REACCOMMODATED || w.status == ReaccommodationStatus.WAITLISTED) {
            urgentDone.add(new Object[] {"result", rebook, "node", node, "id", w.urgentRebookStep});
            w.rebookedForHerPlan = true;
            timeline.add(new Timeline.Entry(caseId, actor, "REBOOK done", rebook));
          }
          continue;
        }
        if (w.status == ReaccommodationStatus.WITH_URGENT_CASE || w.status == ReaccommodationStatus.ALREADY_MOVED) {
          timeline.add(new Timeline.Entry(caseId, actor, "disruption: " + w.status.getLiteral().toLowerCase()
              .replace('_', ' '), new JsonObject().put("disruption", facts.id().toString())));
          continue;
        }
        int position = last.getOrDefault(caseId, 0);
        Map<StepKind, JsonObject> done = new LinkedHashMap<>();
        if (rebook != null) {
          done.put(StepKind.REBOOK, rebook);
        }
        if (!w.bagTags.isEmpty()) {
          done.put(StepKind.BAGS, new JsonObject().put("bags", new JsonArray(w.bagTags.stream().map(tag ->
              new JsonObject().put("tag", tag).put("offloaded", false)).toList())).put("offloaded", new JsonArray())
              .put("bsmSent", w.bsmSent));
        }
        done.put(StepKind.CARE, careResult(w));
        done.put(StepKind.CONFIRM, new JsonObject().put("queued", w.queued)
            .put("rebooked", w.status == ReaccommodationStatus.REACCOMMODATED));
        for (var step : done.entrySet()) {
          boolean skipped = step.getValue().getBoolean("skipped", false);
          steps.add(new Object[] {caseId, ++position, step.getKey(), skipped ? StepStatus.SKIPPED : StepStatus.DONE,
              now, step.getValue(), now, node});
          timeline.add(new Timeline.Entry(caseId, actor, step.getKey().getLiteral() + (skipped ? " skipped" : " done"),
              step.getValue()));
        }
      }
      UUID[] advancing = all.stream().filter(w -> w.rebookedForHerPlan && w.urgentRebookWasDue)
          .map(w -> w.waiting.caseId()).toArray(UUID[]::new);
      // Her plan was waiting on that step: its next step is due now, as if her plan had done it.
      var nextDue = Sql.dsl().update(CASE_STEP).set(CASE_STEP.DUE_AT, now)
          .where(CASE_STEP.ID.in(Sql.dsl().select(DSL.min(CASE_STEP.ID)).from(CASE_STEP)
              .where(CASE_STEP.CASE_ID.eq(DSL.any(advancing))).and(CASE_STEP.STATUS.eq(StepStatus.PENDING))
              .and(CASE_STEP.DUE_AT.isNull()).groupBy(CASE_STEP.CASE_ID)));
      return insertSteps(tx, steps).compose(v -> URGENT_REBOOK_DONE.batch(tx, urgentDone))
          .compose(v -> advancing.length == 0 ? Future.succeededFuture() : Sql.run(tx, nextDue))
          .compose(v -> Timeline.appendAll(tx, timeline));
    });
  }

  private static Future<Void> insertSteps(SqlConnection tx, List<Object[]> steps) {
    return Sql.insertRows(tx, CASE_STEP, List.of(CASE_STEP.CASE_ID, CASE_STEP.POSITION, CASE_STEP.KIND,
        CASE_STEP.STATUS, CASE_STEP.DUE_AT, CASE_STEP.RESULT, CASE_STEP.DONE_AT, CASE_STEP.NODE), steps, insert -> insert);
  }

  private static JsonObject rebookResult(DisruptionReads.Facts facts, Work w) {
    if (w.status == ReaccommodationStatus.WAITLISTED) {
      return new JsonObject().put("found", false).put("waitlisted", true).put("waitlistPosition", w.waitlistPosition)
          .put("why", "no seat to " + w.need.to() + " within reach").put("from", w.need.from())
          .put("to", w.need.to()).put("readyAt", w.need.readyAt().toString())
          .put("disruption", facts.id().toString());
    }
    if (w.status != ReaccommodationStatus.REACCOMMODATED) {
      return null;
    }
    Coupon paidFor = paidFor(w);
    Waivers.Waiver waiver = Waivers.forCaseType(w.waiting.caseType());
    JsonArray legs = new JsonArray();
    for (int i = 0; i < w.itinerary.legs().size(); i++) {
      Leg leg = w.itinerary.legs().get(i);
      legs.add(new JsonObject().put("flight", leg.flight().flight()).put("date", leg.flight().date().toString())
          .put("origin", leg.flight().origin()).put("destination", leg.flight().destination())
          .put("departure", leg.flight().departure().toString()).put("arrival", leg.flight().arrival().toString())
          .put("cabin", leg.cabin()).put("seat", w.seats.get(i)));
    }
    return new JsonObject().put("found", true).put("from", w.need.from()).put("itinerary", legs)
        .put("ticket", w.ticket).put("oldTicket", paidFor.ticket()).put("waiverCode", waiver.code())
        .put("endorsement", waiver.endorsement()).put("fareDifference", "0.00").put("changeFee", "0.00")
        .put("currency", paidFor.fareCurrency() != null ? paidFor.fareCurrency() : "USD")
        .put("priorityBoarding", w.waiting.group() <= 2)
        .put("upgraded", w.itinerary.upgraded(w.need.disruptedCoupon().cabin()))
        .put("downgraded", w.itinerary.downgraded(w.need.disruptedCoupon().cabin()))
        .put("cancelled", new JsonArray(w.need.replaced().stream().map(c -> c.flight() + " " + c.date()).toList()))
        .put("disruption", facts.id().toString());
  }

  private JsonObject careResult(Work w) {
    Entitlements e = w.entitlements;
    if (!e.any()) {
      return new JsonObject().put("skipped", true).put("why", "no rule gives care for this disruption");
    }
    JsonObject result = new JsonObject().put("station", w.need.from()).put("rights", rightsJson(e));
    if (w.voucherCode != null) {
      result.put("mealVoucher", new JsonObject().put("code", w.voucherCode).put("amount", care.mealVoucherAmount())
          .put("currency", care.mealVoucherCurrency()));
    }
    if (e.hotel()) {
      result.put("hotel", "Hotel night and transport at " + w.need.from());
    }
    return result;
  }

  private static JsonObject rightsJson(Entitlements e) {
    return new JsonObject().put("rule", e.rule()).put("meals", e.meals()).put("communication", e.communication())
        .put("hotel", e.hotel()).put("refund", e.refund()).put("compensation", e.compensation())
        .put("currency", e.currency());
  }

  /**
   * A disruption case is closed once she has her new flight (or keeps hers) and has been told; a waitlisted
   * passenger's stays open with a call back due, escalated when overdue, like every promise.
   */
  private Future<Void> closeAndFollowUp(SqlConnection tx, DisruptionReads.Facts facts, List<Work> all,
      OffsetDateTime now) {
    UUID[] closing = all.stream().filter(w -> !Survey.URGENT.contains(w.waiting.caseType()))
        .filter(w -> w.status == ReaccommodationStatus.REACCOMMODATED || w.status == ReaccommodationStatus.KEPT_FLIGHT
            || w.status == ReaccommodationStatus.ALREADY_MOVED)
        .map(w -> w.waiting.caseId()).toArray(UUID[]::new);
    List<Work> waitlisted = all.stream().filter(w -> w.status == ReaccommodationStatus.WAITLISTED
        && !w.urgentPlanCarriesOn()).toList();
    OffsetDateTime callBack = now.plusMinutes(rules.waitlistCallBackMinutes());
    var close = Sql.dsl().update(CARE_CASE).set(CARE_CASE.STATUS, CaseStatus.CLOSED)
        .set(CARE_CASE.CLOSED_AT, now)
        .where(CARE_CASE.ID.eq(DSL.any(closing))).and(CARE_CASE.STATUS.eq(CaseStatus.OPEN));
    List<Object[]> checks = waitlisted.stream().map(w -> new Object[] {w.waiting.caseId(), 10_000 + w.waiting.rank(),
        StepKind.FOLLOW_UP_CHECK, StepStatus.PENDING, callBack.plusMinutes(care.followUpGraceMinutes()), null, null,
        null}).toList();
    return (closing.length == 0 ? Future.succeededFuture() : Sql.run(tx, close))
        .compose(v -> Sql.insertRows(tx, FOLLOWUP, List.of(FOLLOWUP.CASE_ID, FOLLOWUP.DUE_AT),
            waitlisted.stream().map(w -> new Object[] {w.waiting.caseId(), callBack}).toList(),
            insert -> insert.onConflictDoNothing()))
        .compose(v -> insertSteps(tx, checks));
  }

  /** Done when nobody is left waiting for a turn. */
  private static Future<Boolean> finish(SqlConnection tx, DisruptionReads.Facts facts, OffsetDateTime now) {
    var done = Sql.dsl().update(DISRUPTION).set(DISRUPTION.STATUS, DisruptionStatus.DONE)
        .set(DISRUPTION.FINISHED_AT, now)
        .where(DISRUPTION.ID.eq(facts.id()))
        .andNotExists(Sql.dsl().selectOne().from(DISRUPTION_PASSENGER)
            .where(DISRUPTION_PASSENGER.DISRUPTION_ID.eq(facts.id()))
            .and(DISRUPTION_PASSENGER.STATUS.eq(ReaccommodationStatus.WAITING)));
    return Sql.run(tx, done).map(rows -> rows.rowCount() == 1);
  }
}
