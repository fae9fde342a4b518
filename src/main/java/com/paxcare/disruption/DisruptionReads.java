package com.paxcare.disruption;

import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.DisruptionStatus;
import com.paxcare.db.schema.enums.ReaccommodationStatus;
import com.paxcare.db.schema.enums.SegmentStatus;
import com.paxcare.locate.Locator;
import com.paxcare.locate.Whereabouts;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.BOOKING;
import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.CASE_STEP;
import static com.paxcare.db.schema.Tables.DISRUPTION;
import static com.paxcare.db.schema.Tables.DISRUPTION_PASSENGER;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.PASSENGER;
import static com.paxcare.db.schema.Tables.SEGMENT;

/** What the disruption work reads: the disruption it claims, its passengers and their live coupons. */
final class DisruptionReads {
  private DisruptionReads() {
  }

  /** A passenger, by booking and id in it. */
  record PaxKey(String pnr, String paxId) {
  }

  /** A claimed disruption and its flight, with the times as scheduled before the event. */
  record Facts(UUID id, DisruptionKind kind, DisruptionStatus status, long flightId, String flightNo, LocalDate date,
      String origin, String destination, OffsetDateTime departure, OffsetDateTime arrival, Duration delay,
      String divertedTo, PaxKey passenger, boolean extraordinary) {

    AffectedRule.Disrupted disrupted() {
      return new AffectedRule.Disrupted(kind, flightId, origin, destination, departure, arrival, delay, divertedTo);
    }

    OffsetDateTime newDeparture() {
      return delay == null ? departure : departure.plus(delay);
    }

    String describe() {
      return switch (kind) {
        case FLIGHT_CANCELLED -> flightNo + " " + date + " " + origin + "-" + destination + " cancelled";
        case FLIGHT_DELAYED -> flightNo + " " + date + " " + origin + "-" + destination + " delayed "
            + delay.toMinutes() + " min";
        case FLIGHT_DIVERTED -> flightNo + " " + date + " " + origin + "-" + destination + " diverted to "
            + divertedTo;
        case MISSED_CONNECTION -> "connection to " + flightNo + " " + date + " " + origin + "-" + destination
            + " missed";
      };
    }
  }

  /** What the notices and priority order need of a passenger. */
  record PaxFacts(String firstName, String lastName, String language, String phone, String email, Set<String> ssr,
      String tier, long bookedOrder) {
  }

  /**
   * Whether any urgent personal case (family emergency, medical emergency, bereavement) has a step due by
   * {@code now}, on any node: a plan under way always has one. Bulk disruption work gives way while it does (see
   * DisruptionWorker).
   */
  static Future<Boolean> urgentWorkDue(io.vertx.sqlclient.SqlClient client, OffsetDateTime now) {
    var query = Sql.dsl().select(DSL.field(DSL.exists(DSL.selectOne().from(CASE_STEP)
        .join(CARE_CASE).on(CARE_CASE.ID.eq(CASE_STEP.CASE_ID))
        .where(CASE_STEP.STATUS.eq(com.paxcare.db.schema.enums.StepStatus.PENDING))
        .and(CASE_STEP.DUE_AT.le(now))
        .and(CARE_CASE.TYPE.in(com.paxcare.db.schema.enums.CaseType.FAMILY_EMERGENCY,
            com.paxcare.db.schema.enums.CaseType.MEDICAL_EMERGENCY, com.paxcare.db.schema.enums.CaseType.BEREAVEMENT)))));
    return Sql.run(client, query).map(rows -> rows.iterator().next().getBoolean(0));
  }

  /**
   * Claims the oldest unfinished disruption (or the preferred one) for this transaction: its row stays locked
   * until commit, so exactly one node works a disruption at a time, and another picks it up if that node dies.
   */
  static Future<Optional<Facts>> claim(SqlConnection tx, UUID preferred) {
    return claim(tx, preferred == null ? DSL.noCondition() : DISRUPTION.ID.eq(preferred),
        DISRUPTION.STATUS.ne(DisruptionStatus.DONE));
  }

  /** Finished disruptions raised since {@code since} with passengers still on their waitlist, oldest first. */
  static Future<List<UUID>> withWaitlist(io.vertx.sqlclient.SqlClient client, OffsetDateTime since) {
    var query = Sql.dsl().select(DISRUPTION.ID).from(DISRUPTION)
        .where(DISRUPTION.STATUS.eq(DisruptionStatus.DONE)).and(DISRUPTION.CREATED_AT.gt(since))
        .andExists(Sql.dsl().selectOne().from(DISRUPTION_PASSENGER)
            .where(DISRUPTION_PASSENGER.DISRUPTION_ID.eq(DISRUPTION.ID))
            .and(DISRUPTION_PASSENGER.STATUS.eq(ReaccommodationStatus.WAITLISTED)))
        .orderBy(DISRUPTION.CREATED_AT);
    return Sql.run(client, query).map(rows -> {
      List<UUID> ids = new ArrayList<>();
      rows.forEach(r -> ids.add(r.getUUID(0)));
      return ids;
    });
  }

  /** A finished disruption, for its waitlist to try again; skipped while another node holds it. */
  static Future<Optional<Facts>> claimFinished(SqlConnection tx, UUID id) {
    return claim(tx, DISRUPTION.ID.eq(id), DISRUPTION.STATUS.eq(DisruptionStatus.DONE));
  }

  private static Future<Optional<Facts>> claim(SqlConnection tx, Condition which, Condition status) {
    var query = Sql.dsl().select(DISRUPTION.ID, DISRUPTION.KIND, DISRUPTION.STATUS, DISRUPTION.DELAY_MINUTES,
            DISRUPTION.DIVERTED_TO, DISRUPTION.PNR, DISRUPTION.PAX_ID, DISRUPTION.EXTRAORDINARY, FLIGHT.ID.as("flight_id"),
            FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN, FLIGHT.DESTINATION, FLIGHT.DEPARTURE,
            FLIGHT.DEPARTURE_OFFSET, FLIGHT.ARRIVAL, FLIGHT.ARRIVAL_OFFSET)
        .from(DISRUPTION).join(FLIGHT).on(FLIGHT.ID.eq(DISRUPTION.FLIGHT_ID))
        .where(status).and(which)
        .orderBy(DISRUPTION.CREATED_AT).limit(1)
        .forUpdate().of(DISRUPTION).skipLocked();
    return Sql.run(tx, query).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      Integer delayMinutes = row.getInteger("delay_minutes");
      Duration delay = delayMinutes == null ? null : Duration.ofMinutes(delayMinutes);
      // A delay has already moved the flight's times: the schedule is what they were before it.
      OffsetDateTime departure = local(row, "departure").minus(delay == null ? Duration.ZERO : delay);
      OffsetDateTime arrival = local(row, "arrival").minus(delay == null ? Duration.ZERO : delay);
      String pnr = row.getString("pnr");
      return Optional.of(new Facts(row.getUUID("id"), DisruptionKind.valueOf(row.getString("kind")),
          DisruptionStatus.valueOf(row.getString("status")), row.getLong("flight_id"), row.getString("flight_no"),
          row.getLocalDate("flight_date"), row.getString("origin"), row.getString("destination"), departure, arrival,
          delay, row.getString("diverted_to"), pnr == null ? null : new PaxKey(pnr, row.getString("pax_id")),
          row.getBoolean("extraordinary")));
    });
  }

  private static OffsetDateTime local(Row row, String column) {
    return row.getOffsetDateTime(column).withOffsetSameInstant(ZoneOffset.ofTotalSeconds(
        row.getInteger(column + "_offset")));
  }

  /** The passengers holding a live coupon on the disrupted flight (for a missed connection: hers only). */
  static Condition onTheFlight(Facts facts) {
    var onFlight = Sql.dsl().select(SEGMENT.PNR, SEGMENT.PAX_ID).from(SEGMENT)
        .where(SEGMENT.FLIGHT_ID.eq(facts.flightId())).and(SEGMENT.STATUS.ne(SegmentStatus.CANCELLED))
        .and(facts.passenger() == null ? DSL.noCondition()
            : SEGMENT.PNR.eq(facts.passenger().pnr()).and(SEGMENT.PAX_ID.eq(facts.passenger().paxId())));
    return DSL.row(SEGMENT.PNR, SEGMENT.PAX_ID).in(onFlight);
  }

  /** The passengers named. */
  static Condition among(Collection<PaxKey> passengers) {
    return DSL.condition("(segment.pnr, segment.pax_id) IN (SELECT * FROM unnest({0}::text[], {1}::text[]))",
        DSL.val(passengers.stream().map(PaxKey::pnr).toArray(String[]::new)),
        DSL.val(passengers.stream().map(PaxKey::paxId).toArray(String[]::new)));
  }

  /**
   * Each passenger's live coupons, in order of departure. With {@code lock}, her coupons stay locked until
   * commit: an urgent case's rebooking of the same passenger waits for this one, and then finds her moved.
   */
  static Future<Map<PaxKey, List<Whereabouts.Coupon>>> liveCoupons(SqlConnection tx, Condition whose, boolean lock) {
    var select = Sql.dsl()
        .select(SEGMENT.ID, SEGMENT.PNR, SEGMENT.PAX_ID, SEGMENT.CABIN, SEGMENT.SEAT, SEGMENT.STATUS, SEGMENT.TICKET,
            SEGMENT.FARE_AMOUNT, SEGMENT.FARE_CURRENCY, FLIGHT.ID.as("flight_id"), FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE,
            FLIGHT.ORIGIN, FLIGHT.DESTINATION, FLIGHT.DEPARTURE, FLIGHT.DEPARTURE_OFFSET, FLIGHT.ARRIVAL,
            FLIGHT.ARRIVAL_OFFSET, FLIGHT.GATE, FLIGHT.STATUS.as("flight_status"))
        .from(SEGMENT).join(FLIGHT).on(FLIGHT.ID.eq(SEGMENT.FLIGHT_ID))
        .where(whose).and(SEGMENT.STATUS.ne(SegmentStatus.CANCELLED));
    var query = lock ? select.orderBy(SEGMENT.ID).forUpdate().of(SEGMENT) : select.orderBy(SEGMENT.ID);
    return Sql.run(tx, query).map(rows -> {
      Map<PaxKey, List<Whereabouts.Coupon>> coupons = new LinkedHashMap<>();
      for (Row row : rows) {
        coupons.computeIfAbsent(new PaxKey(row.getString("pnr"), row.getString("pax_id")), k -> new ArrayList<>())
            .add(Locator.coupon(row));
      }
      coupons.values().forEach(list -> list.sort(java.util.Comparator.comparing(Whereabouts.Coupon::departure)));
      return coupons;
    });
  }

  static Future<Map<PaxKey, PaxFacts>> passengers(SqlConnection tx, Collection<PaxKey> keys) {
    var query = Sql.dsl().select(PASSENGER.PNR, PASSENGER.PAX_ID, PASSENGER.FIRST_NAME, PASSENGER.LAST_NAME,
            PASSENGER.LANGUAGE, PASSENGER.PHONE, PASSENGER.EMAIL, PASSENGER.SSR, PASSENGER.TIER, BOOKING.CREATED_AT)
        .from(PASSENGER).join(BOOKING).on(BOOKING.PNR.eq(PASSENGER.PNR))
        .where(DSL.condition("(passenger.pnr, passenger.pax_id) IN (SELECT * FROM unnest({0}::text[], {1}::text[]))",
            DSL.val(keys.stream().map(PaxKey::pnr).toArray(String[]::new)),
            DSL.val(keys.stream().map(PaxKey::paxId).toArray(String[]::new))));
    return Sql.run(tx, query).map(rows -> {
      Map<PaxKey, PaxFacts> facts = new LinkedHashMap<>();
      for (Row row : rows) {
        OffsetDateTime booked = row.getOffsetDateTime("created_at");
        facts.put(new PaxKey(row.getString("pnr"), row.getString("pax_id")), new PaxFacts(row.getString("first_name"),
            row.getString("last_name"), row.getString("language"), row.getString("phone"), row.getString("email"),
            Set.of(row.getArrayOfStrings("ssr")), row.getString("tier"),
            booked.toInstant().getEpochSecond() * 1_000_000L + booked.getNano() / 1_000));
      }
      return facts;
    });
  }
}
