package com.paxcare.disruption;

import java.util.Locale;
import java.util.Optional;

/** What happened to a flight (or to one passenger's connection). Mirrors the database enum disruption_kind. */
public enum DisruptionKind {
  FLIGHT_CANCELLED, FLIGHT_DELAYED, FLIGHT_DIVERTED, MISSED_CONNECTION;

  /** The event type as reported; {@code DIVERTED} is accepted for {@link #FLIGHT_DIVERTED}. */
  public static Optional<DisruptionKind> ofEventType(String type) {
    if (type == null) {
      return Optional.empty();
    }
    String upper = type.toUpperCase(Locale.ROOT);
    if (upper.equals("DIVERTED")) {
      return Optional.of(FLIGHT_DIVERTED);
    }
    for (DisruptionKind kind : values()) {
      if (kind.name().equals(upper)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
