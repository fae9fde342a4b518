package com.paxcare.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The mission's story as feed data, timed around now: Peggy Uhle boarded WN1234 Midway to Columbus, which is
 * taxiing; the next direct flight to Denver leaves in two hours with two seats left; a connection through
 * St Louis arrives later.
 */
public final class Story {
  public static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  public static final ZoneId DENVER = ZoneId.of("America/Denver");
  public static final ZoneId COLUMBUS = ZoneId.of("America/New_York");

  public final ZonedDateTime now = ZonedDateTime.now(CHICAGO).withNano(0);
  public final JsonObject taxiing = flight("WN1234", "MDW", "CMH", now.plusMinutes(5), now.plusMinutes(125)
      .withZoneSameInstant(COLUMBUS), "B12", new JsonObject().put("Y", 137).put("J", 6), "TAXIING");
  public final JsonObject directToDenver = flight("WN2001", "MDW", "DEN", now.plusHours(2),
      now.plusHours(4).withZoneSameInstant(DENVER), "B3", new JsonObject().put("Y", 2), "SCHEDULED");
  public final JsonObject laterToDenver = flight("WN2003", "MDW", "DEN", now.plusHours(5),
      now.plusHours(7).withZoneSameInstant(DENVER), "B4", new JsonObject().put("Y", 150), "SCHEDULED");
  public final JsonObject toStLouis = flight("WN3001", "MDW", "STL", now.plusHours(1), now.plusHours(2), "A1",
      new JsonObject().put("Y", 100), "SCHEDULED");
  public final JsonObject stLouisToDenver = flight("WN3002", "STL", "DEN", now.plusMinutes(170),
      now.plusMinutes(270).withZoneSameInstant(DENVER), "C2", new JsonObject().put("Y", 100), "SCHEDULED");

  public JsonArray flights() {
    return new JsonArray().add(taxiing).add(directToDenver).add(laterToDenver).add(toStLouis).add(stLouisToDenver);
  }

  public static JsonObject flight(String number, String origin, String destination, ZonedDateTime departure,
      ZonedDateTime arrival, String gate, JsonObject seats, String status) {
    return new JsonObject().put("flight", number).put("date", departure.toLocalDate().toString())
        .put("origin", origin).put("destination", destination)
        .put("departure", departure.toOffsetDateTime().toString()).put("arrival", arrival.toOffsetDateTime().toString())
        .put("gate", gate).put("seats", seats).put("status", status);
  }

  /** A booking of one passenger on one flight. */
  public static JsonObject booking(String pnr, String first, String last, String phone, String email,
      JsonObject flight, String seat, String status, String ticket) {
    JsonObject passenger = new JsonObject().put("id", "P1").put("firstName", first).put("lastName", last)
        .put("language", "en").put("ssr", new JsonArray()).put("tier", "NONE");
    if (phone != null) {
      passenger.put("phone", phone);
    }
    if (email != null) {
      passenger.put("email", email);
    }
    return new JsonObject().put("pnr", pnr)
        .put("passengers", new JsonArray().add(passenger))
        .put("segments", new JsonArray().add(new JsonObject().put("passengerId", "P1")
            .put("flight", flight.getString("flight")).put("date", flight.getString("date"))
            .put("origin", flight.getString("origin")).put("destination", flight.getString("destination"))
            .put("cabin", "Y").put("seat", seat).put("status", status).put("ticket", ticket)
            .put("fare", new JsonObject().put("amount", "129.00").put("currency", "USD"))));
  }

  public JsonObject peggy() {
    return booking("K7Q2ZB", "PEGGY", "UHLE", "+13125550142", "peggy.uhle@example.com", taxiing, "14C", "BOARDED",
        "5262100000001")
        .put("contacts", new JsonArray().add(new JsonObject().put("name", "MR UHLE").put("phone", "+13125550199")
            .put("relation", "SPOUSE")));
  }

  /** Her checked bag on WN1234, as the baggage system reported it. */
  public String peggysBag() {
    String ddmmm = ZonedDateTime.parse(taxiing.getString("departure")).toLocalDate()
        .format(DateTimeFormatter.ofPattern("ddMMM", Locale.ENGLISH)).toUpperCase(Locale.ROOT);
    return "BSM\n.V/1LMDW\n.F/WN1234/" + ddmmm + "/CMH/Y\n.N/0526100001001\n.W/K/1/18\n.P/1UHLE/PEGGYMRS\n"
        + ".L/K7Q2ZB\nENDBSM\n";
  }

  /** The husband's call, as the contact centre enters it. */
  public static JsonObject familyEmergency() {
    return new JsonObject().put("type", "FAMILY_EMERGENCY").put("pnr", "K7Q2ZB").put("lastName", "UHLE")
        .put("reporter", new JsonObject().put("name", "MR UHLE").put("phone", "+13125550199").put("relation", "SPOUSE"))
        .put("destination", "DEN").put("note", "Son in intensive care in Denver").put("language", "en");
  }
}
