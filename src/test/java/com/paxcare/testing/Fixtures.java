package com.paxcare.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The contract's own examples (README, "Feed contract"), as tests send them. */
public final class Fixtures {
  private Fixtures() {
  }

  public static JsonObject flight(String flight, String origin, String destination, String departure,
      String arrival, JsonObject seats) {
    return new JsonObject()
        .put("flight", flight).put("date", departure.substring(0, 10))
        .put("origin", origin).put("destination", destination)
        .put("departure", departure).put("arrival", arrival)
        .put("gate", "B12").put("seats", seats).put("status", "SCHEDULED");
  }

  /** WN1234 MDW-CMH on 2026-11-22 with 137 economy and 6 business seats, as in the contract. */
  public static JsonObject wn1234() {
    return flight("WN1234", "MDW", "CMH", "2026-11-22T14:05:00-06:00", "2026-11-22T16:20:00-05:00",
        new JsonObject().put("Y", 137).put("J", 6));
  }

  /** WN2001 MDW-DEN later the same day, 2 economy seats only: small enough to fill. */
  public static JsonObject wn2001() {
    return flight("WN2001", "MDW", "DEN", "2026-11-22T16:00:00-06:00", "2026-11-22T17:45:00-07:00",
        new JsonObject().put("Y", 2));
  }

  public static JsonObject passenger(String id, String first, String last) {
    return new JsonObject().put("id", id).put("firstName", first).put("lastName", last)
        .put("phone", "+13125550142").put("email", first.toLowerCase() + "@example.com")
        .put("language", "en").put("ssr", new JsonArray()).put("tier", "NONE");
  }

  public static JsonObject segment(String passengerId, JsonObject flight, String cabin, String seat, String status,
      String ticket) {
    return new JsonObject().put("passengerId", passengerId)
        .put("flight", flight.getString("flight")).put("date", flight.getString("date"))
        .put("origin", flight.getString("origin")).put("destination", flight.getString("destination"))
        .put("cabin", cabin).put("seat", seat).put("status", status).put("ticket", ticket)
        .put("fare", new JsonObject().put("amount", "129.00").put("currency", "USD"));
  }

  /** The story booking: Peggy Uhle, boarded on WN1234 in 14C, her husband as contact. */
  public static JsonObject uhle() {
    return new JsonObject().put("pnr", "K7Q2ZB")
        .put("passengers", new JsonArray().add(passenger("P1", "PEGGY", "UHLE")))
        .put("contacts", new JsonArray().add(new JsonObject()
            .put("name", "MR UHLE").put("phone", "+13125550199").put("relation", "SPOUSE")))
        .put("segments", new JsonArray().add(segment("P1", wn1234(), "Y", "14C", "BOARDED", "5262100000001")));
  }
}
