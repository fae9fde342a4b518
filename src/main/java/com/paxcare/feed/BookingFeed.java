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
import com.paxcare.db.Retry;
import java.util.ArrayList;
import java.util.Comparator;
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
    return Retry.onTransientConflict(() -> pool.withTransaction(tx -> flightsOf(tx, bookings)
        .compose(flights -> {
          checkAgainstFlights(bookings, flights);
          return store(tx, bookings, flights);
        })))
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

  /** A coupon with the id of its flight, as stored. */
  private record Coupon(String pnr, BookingInput.Segment segment, long flightId) {
  }

  private record Traveller(String pnr, BookingInput.Passenger passenger) {
  }

  private record Contact(String pnr, int position, BookingInput.Contact contact) {
  }

  private static final int ROWS_PER_STATEMENT = 500;

  private static Future<Void> store(SqlClient tx, List<BookingInput> bookings, Map<FlightKey, KnownFlight> flights) {
    String[] pnrs = bookings.stream().map(BookingInput::pnr).toArray(String[]::new);
    List<Traveller> travellers = new ArrayList<>();
    List<Contact> contacts = new ArrayList<>();
    List<Coupon> coupons = new ArrayList<>();
    for (BookingInput booking : bookings) {
      booking.passengers().forEach(p -> travellers.add(new Traveller(booking.pnr(), p)));
      for (int i = 0; i < booking.contacts().size(); i++) {
        contacts.add(new Contact(booking.pnr(), i + 1, booking.contacts().get(i)));
      }
      booking.segments().forEach(s -> coupons.add(new Coupon(booking.pnr(), s, flights.get(s.flight()).id())));
    }
    // Coupons update their flight's seats-sold row: taking those row locks in one order everywhere keeps two
    // concurrent feeds from deadlocking.
    coupons.sort(Comparator.comparingLong(Coupon::flightId).thenComparing(c -> c.segment().cabin()));
    // Rows this transaction did not touch carry an older updated_at than now() (the transaction's start):
    // those are what the resent bookings no longer list.
    Query stalePassengers = Sql.dsl().deleteFrom(PASSENGER)
        .where(PASSENGER.PNR.eq(DSL.any(DSL.val(pnrs))))
        .and(PASSENGER.UPDATED_AT.lt(DSL.currentOffsetDateTime()));
    Query staleSegments = Sql.dsl().deleteFrom(SEGMENT)
        .where(SEGMENT.PNR.eq(DSL.any(DSL.val(pnrs))))
        .and(SEGMENT.UPDATED_AT.lt(DSL.currentOffsetDateTime()));
    Query oldContacts = Sql.dsl().deleteFrom(BOOKING_CONTACT).where(BOOKING_CONTACT.PNR.eq(DSL.any(DSL.val(pnrs))));
    return Sql.inChunks(tx, List.of(pnrs), ROWS_PER_STATEMENT, BookingFeed::upsertBookings)
        .compose(v -> Sql.inChunks(tx, travellers, ROWS_PER_STATEMENT, BookingFeed::upsertPassengers))
        .compose(v -> Sql.run(tx, stalePassengers))
        .compose(v -> Sql.run(tx, oldContacts))
        .compose(v -> Sql.inChunks(tx, contacts, ROWS_PER_STATEMENT, BookingFeed::insertContacts))
        .compose(v -> Sql.inChunks(tx, coupons, ROWS_PER_STATEMENT, BookingFeed::upsertSegments))
        .compose(v -> Sql.run(tx, staleSegments))
        .mapEmpty();
  }

  private static Query upsertBookings(List<String> pnrs) {
    var insert = Sql.dsl().insertInto(BOOKING, BOOKING.PNR);
    for (String pnr : pnrs) {
      insert = insert.values(pnr);
    }
    return insert.onConflict(BOOKING.PNR).doUpdate().set(BOOKING.UPDATED_AT, DSL.currentOffsetDateTime());
  }

  private static Query upsertPassengers(List<Traveller> travellers) {
    var insert = Sql.dsl().insertInto(PASSENGER, PASSENGER.PNR, PASSENGER.PAX_ID, PASSENGER.FIRST_NAME,
        PASSENGER.LAST_NAME, PASSENGER.PHONE, PASSENGER.EMAIL, PASSENGER.LANGUAGE, PASSENGER.SSR, PASSENGER.TIER);
    for (Traveller t : travellers) {
      BookingInput.Passenger p = t.passenger();
      insert = insert.values(t.pnr(), p.id(), p.firstName(), p.lastName(), p.phone(), p.email(), p.language(),
          p.ssr().toArray(String[]::new), p.tier());
    }
    return insert.onConflict(PASSENGER.PNR, PASSENGER.PAX_ID).doUpdate()
        .set(PASSENGER.FIRST_NAME, DSL.excluded(PASSENGER.FIRST_NAME))
        .set(PASSENGER.LAST_NAME, DSL.excluded(PASSENGER.LAST_NAME))
        .set(PASSENGER.PHONE, DSL.excluded(PASSENGER.PHONE))
        .set(PASSENGER.EMAIL, DSL.excluded(PASSENGER.EMAIL))
        .set(PASSENGER.LANGUAGE, DSL.excluded(PASSENGER.LANGUAGE))
        .set(PASSENGER.SSR, DSL.excluded(PASSENGER.SSR))
        .set(PASSENGER.TIER, DSL.excluded(PASSENGER.TIER))
        .set(PASSENGER.UPDATED_AT, DSL.currentOffsetDateTime());
  }

  private static Query insertContacts(List<Contact> contacts) {
    var insert = Sql.dsl().insertInto(BOOKING_CONTACT, BOOKING_CONTACT.PNR, BOOKING_CONTACT.POSITION,
        BOOKING_CONTACT.NAME, BOOKING_CONTACT.PHONE, BOOKING_CONTACT.EMAIL, BOOKING_CONTACT.RELATION);
    for (Contact c : contacts) {
      insert = insert.values(c.pnr(), c.position(), c.contact().name(), c.contact().phone(), c.contact().email(),
          c.contact().relation());
    }
    return insert;
  }

  private static Query upsertSegments(List<Coupon> coupons) {
    var insert = Sql.dsl().insertInto(SEGMENT, SEGMENT.PNR, SEGMENT.PAX_ID, SEGMENT.FLIGHT_ID, SEGMENT.CABIN,
        SEGMENT.SEAT, SEGMENT.STATUS, SEGMENT.TICKET, SEGMENT.FARE_AMOUNT, SEGMENT.FARE_CURRENCY);
    for (Coupon c : coupons) {
      BookingInput.Segment s = c.segment();
      insert = insert.values(c.pnr(), s.passengerId(), c.flightId(), s.cabin(), s.seat(), s.status(), s.ticket(),
          s.fareAmount(), s.fareCurrency());
    }
    return insert.onConflict(SEGMENT.PNR, SEGMENT.PAX_ID, SEGMENT.FLIGHT_ID).doUpdate()
        .set(SEGMENT.CABIN, DSL.excluded(SEGMENT.CABIN))
        .set(SEGMENT.SEAT, DSL.excluded(SEGMENT.SEAT))
        .set(SEGMENT.STATUS, DSL.excluded(SEGMENT.STATUS))
        .set(SEGMENT.TICKET, DSL.excluded(SEGMENT.TICKET))
        .set(SEGMENT.FARE_AMOUNT, DSL.excluded(SEGMENT.FARE_AMOUNT))
        .set(SEGMENT.FARE_CURRENCY, DSL.excluded(SEGMENT.FARE_CURRENCY))
        .set(SEGMENT.UPDATED_AT, DSL.currentOffsetDateTime());
  }
}
