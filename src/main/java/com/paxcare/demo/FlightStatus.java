package com.paxcare.demo;

import java.time.Duration;
import java.time.Instant;

/** Operational status of a flight leg; CANCELLED and DIVERTED are only ever raised by later events. */
public enum FlightStatus {
  SCHEDULED, BOARDING, DOORS_CLOSED, TAXIING, AIRBORNE, LANDED, CANCELLED, DIVERTED;

  private static final Duration BOARDING_OPENS = Duration.ofMinutes(40);
  private static final Duration DOORS_CLOSE = Duration.ofMinutes(10);
  private static final Duration PUSHBACK = Duration.ofMinutes(3);
  private static final Duration TAKEOFF_AFTER_DEPARTURE = Duration.ofMinutes(10);

  /** The status a flight on time has at {@code now}, judged by its scheduled departure and arrival. */
  public static FlightStatus at(Instant now, Instant departure, Instant arrival) {
    if (now.isBefore(departure.minus(BOARDING_OPENS))) return SCHEDULED;
    if (now.isBefore(departure.minus(DOORS_CLOSE))) return BOARDING;
    if (now.isBefore(departure.minus(PUSHBACK))) return DOORS_CLOSED;
    if (now.isBefore(departure.plus(TAKEOFF_AFTER_DEPARTURE))) return TAXIING;
    if (now.isBefore(arrival)) return AIRBORNE;
    return LANDED;
  }
}
