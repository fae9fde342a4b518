package com.paxcare.lookup;

import com.paxcare.db.Sql;
import com.paxcare.feed.FlightKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.FLIGHT_CABIN;

/** Reads flights as gate agents and ops controllers see them: local times, seats sold and free by cabin. */
public final class FlightLookup {
  private final Pool pool;

  public FlightLookup(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<JsonObject>> flight(FlightKey key) {
    return flights(FLIGHT.FLIGHT_NO.eq(key.flight()).and(FLIGHT.FLIGHT_DATE.eq(key.date()))
        .and(FLIGHT.ORIGIN.eq(key.origin())), 1)
        .map(list -> list.isEmpty() ? Optional.empty() : Optional.of(list.getJsonObject(0)));
  }

  /** Flights of a day, optionally from one origin and to one destination, in departure order. */
  public Future<JsonArray> search(LocalDate date, String origin, String destination, int limit) {
    Condition where = FLIGHT.FLIGHT_DATE.eq(date);
    if (origin != null) {
      where = where.and(FLIGHT.ORIGIN.eq(origin));
    }
    if (destination != null) {
      where = where.and(FLIGHT.DESTINATION.eq(destination));
    }
    return flights(where, limit);
  }

  private Future<JsonArray> flights(Condition where, int limit) {
    var cabins = DSL.jsonbObjectAgg(FLIGHT_CABIN.CABIN, DSL.jsonbObject(
        DSL.key("capacity").value(FLIGHT_CABIN.CAPACITY),
        DSL.key("sold").value(FLIGHT_CABIN.SOLD),
        DSL.key("free").value(DSL.greatest(FLIGHT_CABIN.CAPACITY.minus(FLIGHT_CABIN.SOLD), DSL.inline(0)))));
    var query = Sql.dsl()
        .select(FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN, FLIGHT.DESTINATION, FLIGHT.DEPARTURE,
            FLIGHT.DEPARTURE_OFFSET, FLIGHT.ARRIVAL, FLIGHT.ARRIVAL_OFFSET, FLIGHT.GATE, FLIGHT.STATUS,
            cabins.as("seats"))
        .from(FLIGHT).leftJoin(FLIGHT_CABIN).on(FLIGHT_CABIN.FLIGHT_ID.eq(FLIGHT.ID))
        .where(where)
        .groupBy(FLIGHT.ID)
        .orderBy(FLIGHT.DEPARTURE, FLIGHT.FLIGHT_NO)
        .limit(limit);
    return Sql.run(pool, query).map(rows -> {
      JsonArray flights = new JsonArray();
      for (Row row : rows) {
        flights.add(toJson(row));
      }
      return flights;
    });
  }

  static JsonObject toJson(Row row) {
    Object seats = row.getValue("seats");
    return new JsonObject()
        .put("flight", row.getString("flight_no"))
        .put("date", row.getLocalDate("flight_date").toString())
        .put("origin", row.getString("origin"))
        .put("destination", row.getString("destination"))
        .put("departure", local(row.getOffsetDateTime("departure"), row.getInteger("departure_offset")))
        .put("arrival", local(row.getOffsetDateTime("arrival"), row.getInteger("arrival_offset")))
        .put("gate", row.getString("gate"))
        .put("status", row.getString("status"))
        .put("seats", seats instanceof JsonObject json ? json : new JsonObject());
  }

  /** A time as the airport's clock shows it, with its offset, as the feed sent it. */
  static String local(OffsetDateTime time, int offsetSeconds) {
    return time.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offsetSeconds)).toString();
  }
}
