package com.paxcare.disruption;

import com.paxcare.validation.JsonFields;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An operational event about a flight, as ops control or the status feed reports it (README, "Flight
 * disruptions"). The flight is named by number, date and origin; a delay gives the new departure, a diversion
 * the airport it lands at instead; a missed connection names the passenger (pnr + lastName, and passengerId
 * when the booking has several passengers of that name) and the flight she missed.
 */
public record FlightEvent(DisruptionKind kind, String flight, LocalDate date, String origin, OffsetDateTime departure,
    String arrival, String pnr, String lastName, String passengerId, boolean extraordinary, String note) {

  private static final Set<String> FIELDS = Set.of("type", "flight", "date", "origin", "departure", "arrival", "pnr",
      "lastName", "passengerId", "extraordinary", "note");
  private static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");
  private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
  private static final Pattern PNR = Pattern.compile("[A-Z0-9]{6}");
  private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '\\-.]{0,59}");
  private static final Pattern PAX_ID = Pattern.compile("[A-Za-z0-9]{1,10}");
  private static final Pattern NOTE = Pattern.compile("[^\\p{Cntrl}]{1,1000}");

  /** Whether a reported event type is a flight event (else it is an urgent personal one). */
  public static boolean isFlightEvent(JsonObject json) {
    Object type = json.getValue("type");
    return type instanceof String text && DisruptionKind.ofEventType(text).isPresent();
  }

  /** Validates the whole event, naming every bad field; nothing is stored for a rejected event. */
  public static FlightEvent read(JsonObject json) {
    JsonFields fields = new JsonFields();
    fields.rejectUnknown(json, "", FIELDS);
    DisruptionKind kind = DisruptionKind.ofEventType(json.getString("type")).orElseThrow();
    String flight = fields.text(json, "", "flight", true, FLIGHT, "a flight like WN1234");
    LocalDate date = fields.date(json, "", "date", true);
    String origin = fields.text(json, "", "origin", true, AIRPORT, "a 3-letter IATA airport code");
    OffsetDateTime departure = fields.dateTime(json, "", "departure", kind == DisruptionKind.FLIGHT_DELAYED);
    String arrival = fields.text(json, "", "arrival", kind == DisruptionKind.FLIGHT_DIVERTED, AIRPORT,
        "the 3-letter IATA code of the airport it lands at instead");
    boolean missed = kind == DisruptionKind.MISSED_CONNECTION;
    String pnr = fields.text(json, "", "pnr", missed, PNR, "a 6-character record locator like K7Q2ZB");
    String lastName = fields.text(json, "", "lastName", missed, NAME, "a surname");
    String passengerId = fields.text(json, "", "passengerId", false, PAX_ID, "the passenger's id in the booking");
    String note = fields.text(json, "", "note", false, NOTE, "at most 1000 printable characters");
    Object extraordinary = json.getValue("extraordinary");
    if (extraordinary != null && !(extraordinary instanceof Boolean)) {
      fields.error("extraordinary", "must be true or false (EU 261 art. 5(3): weather, air traffic control, security)");
    }
    for (var only : Arrays.asList(new Object[][] {
        {"departure", departure, DisruptionKind.FLIGHT_DELAYED},
        {"arrival", arrival, DisruptionKind.FLIGHT_DIVERTED},
        {"pnr", pnr, DisruptionKind.MISSED_CONNECTION},
        {"lastName", lastName, DisruptionKind.MISSED_CONNECTION},
        {"passengerId", passengerId, DisruptionKind.MISSED_CONNECTION}})) {
      if (only[1] != null && kind != only[2]) {
        fields.error((String) only[0], "belongs to " + only[2] + " events only");
      }
    }
    if (arrival != null && arrival.equals(origin)) {
      fields.error("arrival", "is the flight's origin: that is a return, report it as FLIGHT_CANCELLED");
    }
    fields.throwIfAny();
    return new FlightEvent(kind, flight, date, origin, departure, arrival, pnr, lastName, passengerId,
        Boolean.TRUE.equals(extraordinary), note);
  }
}
