package com.paxcare.lookup;

import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.paxcare.db.schema.Tables.BAG;
import static com.paxcare.db.schema.Tables.BAG_LEG;
import static com.paxcare.db.schema.Tables.BOOKING;
import static com.paxcare.db.schema.Tables.BOOKING_CONTACT;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.PASSENGER;
import static com.paxcare.db.schema.Tables.SEGMENT;

/** Reads a booking whole: passengers, contacts, segments with their flights' times and status, and bags. */
public final class BookingLookup {
  private final Pool pool;

  public BookingLookup(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<JsonObject>> booking(String pnr) {
    var bookingQuery = Sql.dsl().select(BOOKING.PNR, BOOKING.UPDATED_AT).from(BOOKING).where(BOOKING.PNR.eq(pnr));
    var passengersQuery = Sql.dsl().selectFrom(PASSENGER).where(PASSENGER.PNR.eq(pnr)).orderBy(PASSENGER.PAX_ID);
    var contactsQuery = Sql.dsl().selectFrom(BOOKING_CONTACT).where(BOOKING_CONTACT.PNR.eq(pnr))
        .orderBy(BOOKING_CONTACT.POSITION);
    var segmentsQuery = Sql.dsl()
        .select(SEGMENT.PAX_ID, SEGMENT.CABIN, SEGMENT.SEAT, SEGMENT.STATUS, SEGMENT.TICKET, SEGMENT.FARE_AMOUNT,
            SEGMENT.FARE_CURRENCY, FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN, FLIGHT.DESTINATION,
            FLIGHT.DEPARTURE, FLIGHT.DEPARTURE_OFFSET, FLIGHT.ARRIVAL, FLIGHT.ARRIVAL_OFFSET, FLIGHT.GATE,
            FLIGHT.STATUS.as("flight_status"))
        .from(SEGMENT).join(FLIGHT).on(FLIGHT.ID.eq(SEGMENT.FLIGHT_ID))
        .where(SEGMENT.PNR.eq(pnr))
        .orderBy(SEGMENT.PAX_ID, FLIGHT.DEPARTURE);
    var bagsQuery = Sql.dsl()
        .select(BAG.TAG, BAG.PAX_ID, BAG.PASSENGER_NAME, BAG.PIECES, BAG.WEIGHT_KG, BAG.EXCEPTIONS,
            BAG.IRREGULARITIES, BAG_LEG.POSITION, BAG_LEG.KIND, BAG_LEG.FLIGHT_NO, BAG_LEG.FLIGHT_DATE,
            BAG_LEG.ORIGIN, BAG_LEG.DESTINATION, BAG_LEG.FLIGHT_ID)
        .from(BAG).leftJoin(BAG_LEG).on(BAG_LEG.TAG.eq(BAG.TAG))
        .where(BAG.PNR.eq(pnr))
        .orderBy(BAG.TAG, BAG_LEG.POSITION);
    // Five small reads on one connection, pipelined: one round trip's worth of latency.
    return pool.withConnection(conn -> Sql.run(conn, bookingQuery).compose(bookingRows -> {
      if (bookingRows.size() == 0) {
        return Future.succeededFuture(Optional.<JsonObject>empty());
      }
      var passengers = Sql.run(conn, passengersQuery);
      var contacts = Sql.run(conn, contactsQuery);
      var segments = Sql.run(conn, segmentsQuery);
      var bags = Sql.run(conn, bagsQuery);
      return Future.all(passengers, contacts, segments, bags).map(all -> Optional.of(new JsonObject()
          .put("pnr", pnr)
          .put("updatedAt", bookingRows.iterator().next().getOffsetDateTime("updated_at").toString())
          .put("passengers", passengers(passengers.result()))
          .put("contacts", contacts(contacts.result()))
          .put("segments", segments(segments.result()))
          .put("bags", bags(bags.result()))));
    }));
  }

  private static JsonArray passengers(Iterable<Row> rows) {
    JsonArray passengers = new JsonArray();
    for (Row row : rows) {
      passengers.add(new JsonObject()
          .put("id", row.getString("pax_id"))
          .put("firstName", row.getString("first_name"))
          .put("lastName", row.getString("last_name"))
          .put("phone", row.getString("phone"))
          .put("email", row.getString("email"))
          .put("language", row.getString("language"))
          .put("ssr", new JsonArray(List.of(row.getArrayOfStrings("ssr"))))
          .put("tier", row.getString("tier")));
    }
    return passengers;
  }

  private static JsonArray contacts(Iterable<Row> rows) {
    JsonArray contacts = new JsonArray();
    for (Row row : rows) {
      contacts.add(new JsonObject()
          .put("name", row.getString("name"))
          .put("phone", row.getString("phone"))
          .put("email", row.getString("email"))
          .put("relation", row.getString("relation")));
    }
    return contacts;
  }

  private static JsonArray segments(Iterable<Row> rows) {
    JsonArray segments = new JsonArray();
    for (Row row : rows) {
      JsonObject segment = new JsonObject()
          .put("passengerId", row.getString("pax_id"))
          .put("flight", row.getString("flight_no"))
          .put("date", row.getLocalDate("flight_date").toString())
          .put("origin", row.getString("origin"))
          .put("destination", row.getString("destination"))
          .put("departure", FlightLookup.local(row.getOffsetDateTime("departure"), row.getInteger("departure_offset")))
          .put("arrival", FlightLookup.local(row.getOffsetDateTime("arrival"), row.getInteger("arrival_offset")))
          .put("gate", row.getString("gate"))
          .put("flightStatus", row.getString("flight_status"))
          .put("cabin", row.getString("cabin"))
          .put("seat", row.getString("seat"))
          .put("status", row.getString("status"))
          .put("ticket", row.getString("ticket"));
      if (row.getValue("fare_amount") != null) {
        segment.put("fare", new JsonObject()
            .put("amount", Sql.get(row, SEGMENT.FARE_AMOUNT).toPlainString())
            .put("currency", row.getString("fare_currency")));
      }
      segments.add(segment);
    }
    return segments;
  }

  private static JsonArray bags(Iterable<Row> rows) {
    Map<String, JsonObject> byTag = new HashMap<>();
    JsonArray bags = new JsonArray();
    for (Row row : rows) {
      String tag = row.getString("tag");
      JsonObject bag = byTag.get(tag);
      if (bag == null) {
        bag = new JsonObject()
            .put("tag", tag)
            .put("passengerId", row.getString("pax_id"))
            .put("passengerName", row.getString("passenger_name"))
            .put("pieces", row.getInteger("pieces"))
            .put("weightKg", row.getInteger("weight_kg"))
            .put("exceptions", new JsonArray(List.of(row.getArrayOfStrings("exceptions"))))
            .put("irregularities", new JsonArray(List.of(row.getArrayOfStrings("irregularities"))))
            .put("route", new JsonArray());
        byTag.put(tag, bag);
        bags.add(bag);
      }
      if (row.getValue("position") != null) {
        bag.getJsonArray("route").add(new JsonObject()
            .put("kind", row.getString("kind"))
            .put("flight", row.getString("flight_no"))
            .put("date", row.getLocalDate("flight_date").toString())
            .put("origin", row.getString("origin"))
            .put("destination", row.getString("destination"))
            .put("known", row.getValue("flight_id") != null));
      }
    }
    return bags;
  }
}
