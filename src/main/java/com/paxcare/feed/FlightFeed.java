package com.paxcare.feed;

import com.paxcare.db.Retry;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.FlightStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import org.jooq.Query;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.FLIGHT_CABIN;

/**
 * The flights feed: schedule, gate, seats by cabin, operational status. Upserts by (flight, date, origin),
 * so a sender may resend a batch at will; a batch is one transaction.
 */
public final class FlightFeed {
  private final Pool pool;

  public FlightFeed(Pool pool) {
    this.pool = pool;
  }

  /**
   * Stores the batch; answers how many flights were upserted. Two schedules upserting the same flights at once can
   * deadlock; PostgreSQL then rolls one back whole, and it is run again (as the bookings feed does).
   */
  public Future<Integer> upsert(List<FlightInput> flights) {
    return Retry.onTransientConflict(() -> pool.withTransaction(tx -> upsert(tx, flights)));
  }

  static Future<Integer> upsert(SqlClient tx, List<FlightInput> flights) {
    List<Query> upserts = new ArrayList<>(flights.size());
    for (FlightInput flight : flights) {
      upserts.add(Sql.dsl().insertInto(FLIGHT)
          .set(FLIGHT.FLIGHT_NO, flight.key().flight())
          .set(FLIGHT.FLIGHT_DATE, flight.key().date())
          .set(FLIGHT.ORIGIN, flight.key().origin())
          .set(FLIGHT.DESTINATION, flight.destination())
          .set(FLIGHT.DEPARTURE, flight.departure())
          .set(FLIGHT.DEPARTURE_OFFSET, flight.departure().getOffset().getTotalSeconds())
          .set(FLIGHT.ARRIVAL, flight.arrival())
          .set(FLIGHT.ARRIVAL_OFFSET, flight.arrival().getOffset().getTotalSeconds())
          .set(FLIGHT.GATE, flight.gate())
          .set(FLIGHT.STATUS, flight.status())
          .onConflict(FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN)
          .doUpdate()
          .set(FLIGHT.DESTINATION, DSL.excluded(FLIGHT.DESTINATION))
          .set(FLIGHT.DEPARTURE, DSL.excluded(FLIGHT.DEPARTURE))
          .set(FLIGHT.DEPARTURE_OFFSET, DSL.excluded(FLIGHT.DEPARTURE_OFFSET))
          .set(FLIGHT.ARRIVAL, DSL.excluded(FLIGHT.ARRIVAL))
          .set(FLIGHT.ARRIVAL_OFFSET, DSL.excluded(FLIGHT.ARRIVAL_OFFSET))
          .set(FLIGHT.GATE, DSL.excluded(FLIGHT.GATE))
          .set(FLIGHT.STATUS, DSL.excluded(FLIGHT.STATUS))
          .set(FLIGHT.UPDATED_AT, DSL.currentOffsetDateTime())
          .returning(FLIGHT.ID));
    }
    return Sql.batch(tx, upserts).compose(rows -> {
      List<Long> ids = ids(rows);
      List<Query> cabinUpserts = new ArrayList<>();
      List<Query> cabinsDropped = new ArrayList<>();
      for (int i = 0; i < flights.size(); i++) {
        long flightId = ids.get(i);
        var seats = flights.get(i).seats();
        seats.forEach((cabin, capacity) -> cabinUpserts.add(Sql.dsl().insertInto(FLIGHT_CABIN)
            .set(FLIGHT_CABIN.FLIGHT_ID, flightId)
            .set(FLIGHT_CABIN.CABIN, cabin)
            .set(FLIGHT_CABIN.CAPACITY, capacity)
            .onConflict(FLIGHT_CABIN.FLIGHT_ID, FLIGHT_CABIN.CABIN)
            .doUpdate()
            .set(FLIGHT_CABIN.CAPACITY, DSL.excluded(FLIGHT_CABIN.CAPACITY))));
        // A cabin the feed no longer lists keeps its row (coupons may point at it) with no seats to sell.
        cabinsDropped.add(Sql.dsl().update(FLIGHT_CABIN)
            .set(FLIGHT_CABIN.CAPACITY, 0)
            .where(FLIGHT_CABIN.FLIGHT_ID.eq(flightId))
            .and(FLIGHT_CABIN.CABIN.ne(DSL.all(DSL.val(seats.keySet().toArray(String[]::new))))));
      }
      return Sql.batch(tx, cabinUpserts).compose(v -> Sql.batch(tx, cabinsDropped));
    }).map(v -> flights.size());
  }

  /** Operational status from departure control; a new departure estimate moves the arrival by as much. */
  public Future<Optional<FlightKey>> updateStatus(FlightKey key, FlightStatus status, OffsetDateTime departure,
      String gate) {
    var update = Sql.dsl().update(FLIGHT).set(FLIGHT.STATUS, status);
    if (departure != null) {
      update = update
          .set(FLIGHT.ARRIVAL, DSL.field("{0} + ({1} - {2})", FLIGHT.ARRIVAL.getDataType(),
              FLIGHT.ARRIVAL, DSL.val(departure), FLIGHT.DEPARTURE))
          .set(FLIGHT.DEPARTURE, departure)
          .set(FLIGHT.DEPARTURE_OFFSET, departure.getOffset().getTotalSeconds());
    }
    if (gate != null) {
      update = update.set(FLIGHT.GATE, gate);
    }
    var query = update.set(FLIGHT.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(FLIGHT.FLIGHT_NO.eq(key.flight()))
        .and(FLIGHT.FLIGHT_DATE.eq(key.date()))
        .and(FLIGHT.ORIGIN.eq(key.origin()))
        .returning(FLIGHT.ID);
    return Sql.run(pool, query).map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(key));
  }

  private static List<Long> ids(RowSet<Row> rows) {
    List<Long> ids = new ArrayList<>();
    for (RowSet<Row> set = rows; set != null; set = set.next()) {
      for (Row row : set) {
        ids.add(row.getLong(0));
      }
    }
    return ids;
  }
}
