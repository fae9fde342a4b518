package com.paxcare.locate;

import io.vertx.core.json.JsonObject;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a passenger is now: her phase, the station she is at (or flying to), and her current coupon.
 * {@code remaining} are her live coupons from the current one on, in order (what a rebooking replaces).
 */
public record Whereabouts(
    Phase phase,
    String station,
    Coupon current,
    List<Coupon> remaining,
    String finalDestination) {

  /** One live coupon with what we know of its flight. */
  public record Coupon(long segmentId, long flightId, String flight, String date, String origin, String destination,
      OffsetDateTime departure, OffsetDateTime arrival, String gate, String flightStatus, String cabin, String seat,
      String status, String ticket, String fareAmount, String fareCurrency) {
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("phase", phase.name()).put("station", station);
    if (current != null) {
      json.put("flight", current.flight()).put("date", current.date()).put("origin", current.origin())
          .put("destination", current.destination()).put("departure", current.departure().toString())
          .put("arrival", current.arrival().toString()).put("gate", current.gate())
          .put("flightStatus", current.flightStatus()).put("seat", current.seat()).put("cabin", current.cabin())
          .put("couponStatus", current.status());
    }
    return json;
  }
}
