package com.paxcare.access;

import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.CARE_PROVISION;
import static com.paxcare.db.schema.Tables.CREW_MESSAGE;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.GATE_ALERT;
import static com.paxcare.db.schema.Tables.PASSENGER;

/** Where a thing belongs, so that a scoped role can be told whether it is theirs. */
public final class Scopes {
  private final Pool pool;

  public Scopes(Pool pool) {
    this.pool = pool;
  }

  /** A flight's number and day. */
  public record FlightDay(String flight, LocalDate date) {
  }

  /** The stations whose gates work this case: where it raised alerts or gave care. */
  public Future<Set<String>> caseStations(UUID caseId) {
    return Sql.run(pool, Sql.dsl().select(GATE_ALERT.STATION).from(GATE_ALERT).where(GATE_ALERT.CASE_ID.eq(caseId))
            .union(Sql.dsl().select(CARE_PROVISION.STATION).from(CARE_PROVISION)
                .where(CARE_PROVISION.CASE_ID.eq(caseId))))
        .map(rows -> {
          Set<String> stations = new HashSet<>();
          rows.forEach(row -> stations.add(row.getString(0)));
          return stations;
        });
  }

  public Future<Optional<String>> alertStation(long alertId) {
    return Sql.run(pool, Sql.dsl().select(GATE_ALERT.STATION).from(GATE_ALERT).where(GATE_ALERT.ID.eq(alertId)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  public Future<Optional<FlightDay>> crewMessageFlight(long messageId) {
    return Sql.run(pool, Sql.dsl().select(FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE).from(CREW_MESSAGE)
            .join(FLIGHT).on(FLIGHT.ID.eq(CREW_MESSAGE.FLIGHT_ID)).where(CREW_MESSAGE.ID.eq(messageId)))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new FlightDay(row.getString(0), row.getLocalDate(1)));
        });
  }

  /** Whether a passenger of this booking has this surname (the airline's "manage my booking" check). */
  public Future<Boolean> passengerOnBooking(String pnr, String lastName) {
    return Sql.run(pool, Sql.dsl().selectOne().from(PASSENGER).where(PASSENGER.PNR.eq(pnr))
            .and(org.jooq.impl.DSL.upper(PASSENGER.LAST_NAME).eq(lastName.toUpperCase(java.util.Locale.ROOT))))
        .map(rows -> rows.size() > 0);
  }
}
