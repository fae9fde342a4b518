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

  /** How a report names the passenger: by booking, by ticket, or by flight and day; each by surname too. */
  private enum By { BOOKING, TICKET, FLIGHT }

  /** The six look-ups (three ways, with or without a first name), rendered once: one runs on every report. */
  private static final java.util.Map<String, Sql.Prepared> LOOKUPS = new java.util.HashMap<>();

  static {
    for (By by : By.values()) {
      LOOKUPS.put(by + "/" + false, Sql.Prepared.of(lookup(by, false)));
      LOOKUPS.put(by + "/" + true, Sql.Prepared.of(lookup(by, true)));
    }
  }

  private static org.jooq.Select<?> lookup(By by, boolean withFirstName) {
    Condition byName = DSL.upper(PASSENGER.LAST_NAME).eq(DSL.upper(DSL.param("lastName", String.class)));
    if (withFirstName) {
      byName = byName.and(DSL.upper(PASSENGER.FIRST_NAME).eq(DSL.upper(DSL.param("firstName", String.class))));
    }
    var select = Sql.dsl().selectDistinct(PASSENGER.PNR, PASSENGER.PAX_ID, PASSENGER.FIRST_NAME, PASSENGER.LAST_NAME,
        PASSENGER.LANGUAGE, PASSENGER.PHONE, PASSENGER.EMAIL).from(PASSENGER);
    return switch (by) {
      case BOOKING -> select.where(PASSENGER.PNR.eq(DSL.param("pnr", PASSENGER.PNR))).and(byName)
          .orderBy(PASSENGER.PAX_ID).limit(DSL.inline(20));
      case TICKET -> select.join(SEGMENT).on(SEGMENT.PNR.eq(PASSENGER.PNR)).and(SEGMENT.PAX_ID.eq(PASSENGER.PAX_ID))
          .where(SEGMENT.TICKET.eq(DSL.param("ticket", SEGMENT.TICKET)))
          .orderBy(PASSENGER.PNR, PASSENGER.PAX_ID).limit(DSL.inline(20));
      case FLIGHT -> select.join(SEGMENT).on(SEGMENT.PNR.eq(PASSENGER.PNR)).and(SEGMENT.PAX_ID.eq(PASSENGER.PAX_ID))
          .join(FLIGHT).on(FLIGHT.ID.eq(SEGMENT.FLIGHT_ID))
          .where(FLIGHT.FLIGHT_NO.eq(DSL.param("flight", FLIGHT.FLIGHT_NO)))
          .and(FLIGHT.FLIGHT_DATE.eq(DSL.param("date", FLIGHT.FLIGHT_DATE)))
          .and(byName).orderBy(PASSENGER.PNR, PASSENGER.PAX_ID).limit(DSL.inline(20));
    };
  }

  public static Future<Passenger> find(SqlClient client, UrgentEvent event) {
    String lastName = event.lastName() == null ? "" : event.lastName();
    boolean withFirstName = event.firstName() != null;
    List<Object> values = new ArrayList<>();
    By by;
    String described;
    if (event.pnr() != null) {
      by = By.BOOKING;
      values.addAll(List.of("pnr", event.pnr(), "lastName", lastName));
      described = "booking " + event.pnr() + " with surname " + event.lastName();
    } else if (event.ticket() != null) {
      by = By.TICKET;
      values.addAll(List.of("ticket", event.ticket()));
      described = "ticket " + event.ticket();
    } else {
      by = By.FLIGHT;
      values.addAll(List.of("flight", FlightKey.normalise(event.flight()), "date", event.date(), "lastName", lastName));
      described = "surname " + event.lastName() + " on " + event.flight() + " " + event.date();
    }
    if (withFirstName && by != By.TICKET) {
      values.addAll(List.of("firstName", event.firstName()));
    }
    // The ticket names the passenger by itself: its look-up takes no name.
    Sql.Prepared lookup = LOOKUPS.get(by + "/" + (withFirstName && by != By.TICKET));
    return lookup.run(client, values.toArray()).map(rows -> {
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
