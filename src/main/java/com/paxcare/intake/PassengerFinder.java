package com.paxcare.intake;

import com.paxcare.db.Sql;
import com.paxcare.feed.FlightKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.PASSENGER;
import static com.paxcare.db.schema.Tables.SEGMENT;

/** Finds the one passenger an event is about, or says why it cannot (nobody, or several). */
public final class PassengerFinder {
  private PassengerFinder() {
  }

  public record Passenger(String pnr, String paxId, String firstName, String lastName, String language,
      String phone, String email) {
    JsonObject toJson() {
      return new JsonObject().put("pnr", pnr).put("passengerId", paxId).put("firstName", firstName)
          .put("lastName", lastName);
    }
  }

  /** Nobody matches. */
  public static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message, null, false, false);
    }
  }

  /** Several match: the caller must say which. */
  public static final class Ambiguous extends RuntimeException {
    private final JsonArray candidates;

    Ambiguous(JsonArray candidates) {
      super("Several passengers match; add firstName (or use the ticket) to say which", null, false, false);
      this.candidates = candidates;
    }

    public JsonArray candidates() {
      return candidates;
    }
  }

  public static Future<Passenger> find(SqlClient client, UrgentEvent event) {
    Condition byName = DSL.upper(PASSENGER.LAST_NAME).eq(DSL.upper(DSL.val(event.lastName() == null ? "" : event.lastName())));
    if (event.firstName() != null) {
      byName = byName.and(DSL.upper(PASSENGER.FIRST_NAME).eq(DSL.upper(DSL.val(event.firstName()))));
    }
    var select = Sql.dsl().selectDistinct(PASSENGER.PNR, PASSENGER.PAX_ID, PASSENGER.FIRST_NAME, PASSENGER.LAST_NAME,
        PASSENGER.LANGUAGE, PASSENGER.PHONE, PASSENGER.EMAIL).from(PASSENGER);
    org.jooq.Select<?> query;
    String described;
    if (event.pnr() != null) {
      query = select.where(PASSENGER.PNR.eq(event.pnr())).and(byName).orderBy(PASSENGER.PAX_ID).limit(20);
      described = "booking " + event.pnr() + " with surname " + event.lastName();
    } else if (event.ticket() != null) {
      query = select.join(SEGMENT).on(SEGMENT.PNR.eq(PASSENGER.PNR)).and(SEGMENT.PAX_ID.eq(PASSENGER.PAX_ID))
          .where(SEGMENT.TICKET.eq(event.ticket())).orderBy(PASSENGER.PNR, PASSENGER.PAX_ID).limit(20);
      described = "ticket " + event.ticket();
    } else {
      query = select.join(SEGMENT).on(SEGMENT.PNR.eq(PASSENGER.PNR)).and(SEGMENT.PAX_ID.eq(PASSENGER.PAX_ID))
          .join(FLIGHT).on(FLIGHT.ID.eq(SEGMENT.FLIGHT_ID))
          .where(FLIGHT.FLIGHT_NO.eq(FlightKey.normalise(event.flight()))).and(FLIGHT.FLIGHT_DATE.eq(event.date()))
          .and(byName).orderBy(PASSENGER.PNR, PASSENGER.PAX_ID).limit(20);
      described = "surname " + event.lastName() + " on " + event.flight() + " " + event.date();
    }
    return Sql.run(client, query).map(rows -> {
      List<Passenger> found = new ArrayList<>();
      for (Row row : rows) {
        found.add(new Passenger(row.getString("pnr"), row.getString("pax_id"), row.getString("first_name"),
            row.getString("last_name"), row.getString("language"), row.getString("phone"), row.getString("email")));
      }
      if (found.isEmpty()) {
        throw new NotFound("No passenger found for " + described);
      }
      if (found.size() > 1) {
        JsonArray candidates = new JsonArray();
        found.forEach(p -> candidates.add(p.toJson()));
        throw new Ambiguous(candidates);
      }
      return found.get(0);
    });
  }
}
