package com.paxcare.feed;

import com.paxcare.db.Sql;
import com.paxcare.validation.FieldError;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import org.jooq.Query;
import org.jooq.Row3;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.paxcare.db.schema.Tables.BOOKING;
import static com.paxcare.db.schema.Tables.BOOKING_CONTACT;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.FLIGHT_CABIN;
import static com.paxcare.db.schema.Tables.PASSENGER;
import static com.paxcare.db.schema.Tables.SEGMENT;

/**
 * The bookings feed: a PNR with its passengers, contacts and segments, upserted by PNR. A resent booking
 * replaces what we knew of it: rows it no longer lists are removed (seats sold follow, by trigger). The rows
 * it still lists keep their identity, so cases pointing at a passenger or a coupon survive a resend.
 */
public final class BookingFeed {
  private final Pool pool;

  public BookingFeed(Pool pool) {
    this.pool = pool;
  }

  public Future<Integer> upsert(List<BookingInput> bookings) {
    return pool.withTransaction(tx -> flightsOf(tx, bookings)
        .compose(flights -> {
          checkAgainstFlights(bookings, flights);
          return store(tx, bookings, flights);
        }))
        .map(v -> bookings.size());
  }

  /** What we know of a fed flight that a segment must agree with. */
  record KnownFlight(long id, String destination, Set<String> cabins) {
  }

  private static Future<Map<FlightKey, KnownFlight>> flightsOf(SqlClient tx, List<BookingInput> bookings) {
    Set<FlightKey> keys = new LinkedHashSet<>();
    bookings.forEach(b -> b.segments().forEach(s -> keys.add(s.flight())));
    List<FlightKey> all = new ArrayList<>(keys);
    Map<FlightKey, KnownFlight> known = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    // Bounded chunks keep each statement well under PostgreSQL's parameter limit.
    for (int from = 0; from < all.size(); from += 500) {
      List<FlightKey> chunk = all.subList(from, Math.min(all.size(), from + 500));
      chain = chain.compose(v -> {
        List<Row3<String, LocalDate, String>> wanted = new ArrayList<>();
        chunk.forEach(k -> wanted.add(DSL.row(k.flight(), k.date(), k.origin())));
        var query = Sql.dsl()
            .select(FLIGHT.ID, FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN, FLIGHT.DESTINATION,
                DSL.arrayAgg(FLIGHT_CABIN.CABIN).as("cabins"))
            .from(FLIGHT).join(FLIGHT_CABIN).on(FLIGHT_CABIN.FLIGHT_ID.eq(FLIGHT.ID))
            .where(DSL.row(FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN).in(wanted))
            .groupBy(FLIGHT.ID);
        return Sql.run(tx, query).map(rows -> {
          for (Row row : rows) {
            FlightKey key = new FlightKey(row.getString("flight_no"), row.getLocalDate("flight_date"),
                row.getString("origin"));
            known.put(key, new KnownFlight(row.getLong("id"), row.getString("destination"),
                Set.of(row.getArrayOfStrings("cabins"))));
          }
          return null;
        });
      });
    }
    return chain.map(v -> known);
  }

  private static void checkAgainstFlights(List<BookingInput> bookings, Map<FlightKey, KnownFlight> flights) {
    List<FieldError> errors = new ArrayList<>();
    for (BookingInput booking : bookings) {
      for (BookingInput.Segment segment : booking.segments()) {
        KnownFlight flight = flights.get(segment.flight());
        if (flight == null) {
          errors.add(new FieldError(segment.path() + ".flight", "no flight " + segment.flight().flight() + " on "
              + segment.flight().date() + " from " + segment.flight().origin() + " has been fed"));
        } else if (!flight.destination().equals(segment.destination())) {
          errors.add(new FieldError(segment.path() + ".destination", "flight " + segment.flight()
              + " goes to " + flight.destination() + ", not " + segment.destination()));
        } else if (!flight.cabins().contains(segment.cabin())) {
          errors.add(new FieldError(segment.path() + ".cabin", "flight " + segment.flight()
              + " has no cabin " + segment.cabin() + " (it has " + flight.cabins() + ")"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  private static Future<Void> store(SqlClient tx, List<BookingInput> bookings, Map<FlightKey, KnownFlight> flights) {
    String[] pnrs = bookings.stream().map(BookingInput::pnr).toArray(String[]::new);
    List<Query> bookingUpserts = new ArrayList<>();
    List<Query> passengerUpserts = new ArrayList<>();
    List<Query> contactInserts = new ArrayList<>();
    List<Query> segmentUpserts = new ArrayList<>();
    for (BookingInput booking : bookings) {
      bookingUpserts.add(Sql.dsl().insertInto(BOOKING).set(BOOKING.PNR, booking.pnr())
          .onConflict(BOOKING.PNR).doUpdate().set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime()));
      for (BookingInput.Passenger p : booking.passengers()) {
        passengerUpserts.add(Sql.dsl().insertInto(PASSENGER)
            .set(PASSENGER.PNR, booking.pnr())
            .set(PASSENGER.PAX_ID, p.id())
            .set(PASSENGER.FIRST_NAME, p.firstName())
            .set(PASSENGER.LAST_NAME, p.lastName())
            .set(PASSENGER.PHONE, p.phone())
            .set(PASSENGER.EMAIL, p.email())
            .set(PASSENGER.LANGUAGE, p.language())
            .set(PASSENGER.SSR, p.ssr().toArray(String[]::new))
            .set(PASSENGER.TIER, p.tier())
            .onConflict(PASSENGER.PNR, PASSENGER.PAX_ID).doUpdate()
            .set(PASSENGER.FIRST_NAME, DSL.excluded(PASSENGER.FIRST_NAME))
            .set(PASSENGER.LAST_NAME, DSL.excluded(PASSENGER.LAST_NAME))
            .set(PASSENGER.PHONE, DSL.excluded(PASSENGER.PHONE))
            .set(PASSENGER.EMAIL, DSL.excluded(PASSENGER.EMAIL))
            .set(PASSENGER.LANGUAGE, DSL.excluded(PASSENGER.LANGUAGE))
            .set(PASSENGER.SSR, DSL.excluded(PASSENGER.SSR))
            .set(PASSENGER.TIER, DSL.excluded(PASSENGER.TIER))
            .set(PASSENGER.UPDATED_AT, DSL.currentOffsetDateTime()));
      }
      for (int i = 0; i < booking.contacts().size(); i++) {
        BookingInput.Contact c = booking.contacts().get(i);
        contactInserts.add(Sql.dsl().insertInto(BOOKING_CONTACT)
            .set(BOOKING_CONTACT.PNR, booking.pnr())
            .set(BOOKING_CONTACT.POSITION, i + 1)
            .set(BOOKING_CONTACT.NAME, c.name())
            .set(BOOKING_CONTACT.PHONE, c.phone())
            .set(BOOKING_CONTACT.EMAIL, c.email())
            .set(BOOKING_CONTACT.RELATION, c.relation()));
      }
      for (BookingInput.Segment s : booking.segments()) {
        segmentUpserts.add(Sql.dsl().insertInto(SEGMENT)
            .set(SEGMENT.PNR, booking.pnr())
            .set(SEGMENT.PAX_ID, s.passengerId())
            .set(SEGMENT.FLIGHT_ID, flights.get(s.flight()).id())
            .set(SEGMENT.CABIN, s.cabin())
            .set(SEGMENT.SEAT, s.seat())
            .set(SEGMENT.STATUS, s.status())
            .set(SEGMENT.TICKET, s.ticket())
            .set(SEGMENT.FARE_AMOUNT, s.fareAmount())
            .set(SEGMENT.FARE_CURRENCY, s.fareCurrency())
            .onConflict(SEGMENT.PNR, SEGMENT.PAX_ID, SEGMENT.FLIGHT_ID).doUpdate()
            .set(SEGMENT.CABIN, DSL.excluded(SEGMENT.CABIN))
            .set(SEGMENT.SEAT, DSL.excluded(SEGMENT.SEAT))
            .set(SEGMENT.STATUS, DSL.excluded(SEGMENT.STATUS))
            .set(SEGMENT.TICKET, DSL.excluded(SEGMENT.TICKET))
            .set(SEGMENT.FARE_AMOUNT, DSL.excluded(SEGMENT.FARE_AMOUNT))
            .set(SEGMENT.FARE_CURRENCY, DSL.excluded(SEGMENT.FARE_CURRENCY))
            .set(SEGMENT.UPDATED_AT, DSL.currentOffsetDateTime()));
      }
    }
    // Rows this transaction did not touch carry an older updated_at than now() (the transaction's start):
    // those are what the resent bookings no longer list.
    Query stalePassengers = Sql.dsl().deleteFrom(PASSENGER)
        .where(PASSENGER.PNR.eq(DSL.any(DSL.val(pnrs))))
        .and(PASSENGER.UPDATED_AT.lt(DSL.currentOffsetDateTime()));
    Query staleSegments = Sql.dsl().deleteFrom(SEGMENT)
        .where(SEGMENT.PNR.eq(DSL.any(DSL.val(pnrs))))
        .and(SEGMENT.UPDATED_AT.lt(DSL.currentOffsetDateTime()));
    Query oldContacts = Sql.dsl().deleteFrom(BOOKING_CONTACT).where(BOOKING_CONTACT.PNR.eq(DSL.any(DSL.val(pnrs))));
    return Sql.batch(tx, bookingUpserts)
        .compose(v -> Sql.batch(tx, passengerUpserts))
        .compose(v -> Sql.run(tx, stalePassengers))
        .compose(v -> Sql.run(tx, oldContacts))
        .compose(v -> Sql.batch(tx, contactInserts))
        .compose(v -> Sql.batch(tx, segmentUpserts))
        .compose(v -> Sql.run(tx, staleSegments))
        .mapEmpty();
  }

}
