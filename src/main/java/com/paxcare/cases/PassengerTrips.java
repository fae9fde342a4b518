package com.paxcare.cases;

import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.PASSENGER;

/**
 * A passenger's own view of what PaxCare did for them: new flights with gate and boarding time, seat, bags,
 * voucher, and what was charged (nothing). Only what is theirs: no timeline, no internal notes.
 */
public final class PassengerTrips {
  /** Boarding opens this long before departure, unless the airline's feed says otherwise. */
  static final int BOARDING_OPENS_MINUTES = 30;

  private final Pool pool;
  private final CaseQueries cases;

  public PassengerTrips(Pool pool, CaseQueries cases) {
    this.pool = pool;
    this.cases = cases;
  }

  public Future<JsonObject> trip(String pnr, String lastName) {
    var passenger = Sql.run(pool, Sql.dsl().select(PASSENGER.PAX_ID, PASSENGER.FIRST_NAME, PASSENGER.LAST_NAME,
            PASSENGER.LANGUAGE).from(PASSENGER).where(PASSENGER.PNR.eq(pnr))
        .and(DSL.upper(PASSENGER.LAST_NAME).eq(lastName.toUpperCase(Locale.ROOT))).orderBy(PASSENGER.PAX_ID));
    var caseIds = Sql.run(pool, Sql.dsl().select(CARE_CASE.ID).from(CARE_CASE).where(CARE_CASE.PNR.eq(pnr))
        .and(DSL.upper(CARE_CASE.LAST_NAME).eq(lastName.toUpperCase(Locale.ROOT))).orderBy(CARE_CASE.CREATED_AT));
    return Future.all(passenger, caseIds).compose(both -> {
      List<Future<Optional<JsonObject>>> views = new ArrayList<>();
      caseIds.result().forEach(row -> views.add(cases.view(row.getUUID("id"))));
      return Future.all(views).compose(all -> gatesOf(views).map(gates -> {
        JsonObject trip = new JsonObject().put("pnr", pnr).put("lastName", lastName.toUpperCase(Locale.ROOT));
        Row first = passenger.result().size() == 0 ? null : passenger.result().iterator().next();
        trip.put("firstName", first == null ? null : first.getString("first_name"))
            .put("language", first == null ? "en" : first.getString("language"));
        JsonArray list = new JsonArray();
        views.forEach(view -> view.result().ifPresent(v -> list.add(forPassenger(v, gates))));
        return trip.put("cases", list);
      }));
    });
  }

  private JsonObject forPassenger(JsonObject view, Map<String, String> gates) {
    JsonObject rebooking = view.getJsonObject("rebooking");
    if (rebooking != null && rebooking.getJsonArray("itinerary") != null) {
      rebooking = rebooking.copy();
      for (Object o : rebooking.getJsonArray("itinerary")) {
        JsonObject leg = (JsonObject) o;
        leg.put("gate", gates.get(key(leg.getString("flight"), leg.getString("date"), leg.getString("origin"))));
        leg.put("boardingTime", OffsetDateTime.parse(leg.getString("departure"))
            .minusMinutes(BOARDING_OPENS_MINUTES).toString());
      }
    }
    // What happened to her flight, what came of it, and what she is owed (the priority reason is ops' business).
    JsonArray disruptions = new JsonArray();
    for (Object o : view.getJsonArray("disruptions", new JsonArray())) {
      JsonObject d = (JsonObject) o;
      disruptions.add(new JsonObject().put("id", d.getString("id")).put("kind", d.getString("kind"))
          .put("flight", d.getString("flight")).put("date", d.getString("date")).put("status", d.getString("status"))
          .put("waitlistPosition", d.getInteger("waitlistPosition")).put("rights", d.getJsonObject("rights")));
    }
    return new JsonObject().put("id", view.getString("id")).put("reference", view.getString("reference"))
        .put("type", view.getString("type"))
        .put("status", view.getString("status")).put("rebooking", rebooking)
        .put("bags", view.getJsonArray("bags")).put("care", view.getJsonArray("care"))
        .put("disruptions", disruptions);
  }

  /** The gates of the new flights, from the departure-control feed. */
  private Future<Map<String, String>> gatesOf(List<Future<Optional<JsonObject>>> views) {
    List<org.jooq.Condition> legs = new ArrayList<>();
    for (var view : views) {
      view.result().map(v -> v.getJsonObject("rebooking")).map(r -> r.getJsonArray("itinerary")).ifPresent(it -> {
        for (Object o : it) {
          JsonObject leg = (JsonObject) o;
          legs.add(FLIGHT.FLIGHT_NO.eq(leg.getString("flight"))
              .and(FLIGHT.FLIGHT_DATE.eq(java.time.LocalDate.parse(leg.getString("date"))))
              .and(FLIGHT.ORIGIN.eq(leg.getString("origin"))));
        }
      });
    }
    if (legs.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return Sql.run(pool, Sql.dsl().select(FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN, FLIGHT.GATE)
        .from(FLIGHT).where(DSL.or(legs))).map(rows -> {
          Map<String, String> gates = new HashMap<>();
          rows.forEach(row -> gates.put(key(row.getString("flight_no"), row.getLocalDate("flight_date").toString(),
              row.getString("origin")), row.getString("gate")));
          return gates;
        });
  }

  private static String key(String flight, String date, String origin) {
    return flight + "/" + date + "/" + origin;
  }
}
