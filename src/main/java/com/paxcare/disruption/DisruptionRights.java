package com.paxcare.disruption;

import com.paxcare.rights.Airports;
import com.paxcare.rights.Entitlements;
import com.paxcare.rights.Journey;
import com.paxcare.rights.PassengerRights;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The journey a regulation judges, from what happened and what she was given: from the disrupted flight's
 * origin to her final destination (EU 261 art. 7(4): the distance to the last destination), cancelled or how
 * late, how late she now arrives, whether the wait crosses a night, and how the new itinerary differs.
 */
public final class DisruptionRights {
  /** Countries are unknown for an airport missing from the reference list: no regulation is worked out. */
  private static final String UNKNOWN = "??";

  private DisruptionRights() {
  }

  /**
   * @param scheduledDeparture  the disrupted flight's departure as scheduled
   * @param newDeparture        when she now leaves from where she is (new first leg, or the delayed flight);
   *                            null when she has no seat yet
   * @param scheduledArrival    when she was to arrive at her final destination
   * @param newArrival          when she now arrives there; null when she has no seat yet
   * @param legsBefore          legs she held from the disruption on; {@code legsAfter}: legs she now holds
   */
  public record Facts(DisruptionKind kind, String origin, String finalDestination, String carrierCountry,
      boolean extraordinary, OffsetDateTime scheduledDeparture, OffsetDateTime newDeparture,
      OffsetDateTime scheduledArrival, OffsetDateTime newArrival, int legsBefore, int legsAfter, boolean downgraded,
      Duration delay) {
  }

  public static Journey journey(Facts facts) {
    // Both ends must be known: a distance band guessed from one end would state the wrong amount.
    java.util.Optional<Integer> km = Airports.distanceKm(facts.origin(), facts.finalDestination());
    String originCountry = km.flatMap(d -> Airports.find(facts.origin())).map(Airports.Airport::country)
        .orElse(UNKNOWN);
    String destinationCountry = km.flatMap(d -> Airports.find(facts.finalDestination()))
        .map(Airports.Airport::country).orElse(UNKNOWN);
    int distance = km.orElse(0);
    boolean noSeatYet = facts.newArrival() == null;
    // Without a seat she is owed what the longest wait would bring: care through the night and a refund.
    Duration arrivalDelay = noSeatYet ? Duration.ofDays(1)
        : positive(Duration.between(facts.scheduledArrival(), facts.newArrival()));
    Duration departureDelay = facts.kind() == DisruptionKind.FLIGHT_DELAYED && facts.delay() != null
        ? facts.delay() : Duration.ZERO;
    boolean overnight = noSeatYet || facts.newDeparture().toLocalDate().isAfter(
        facts.scheduledDeparture().toLocalDate());
    Journey.ChangeKind change = facts.kind() == DisruptionKind.FLIGHT_DIVERTED ? Journey.ChangeKind.OTHER_AIRPORT
        : facts.downgraded() ? Journey.ChangeKind.DOWNGRADE
        : facts.legsAfter() > facts.legsBefore() ? Journey.ChangeKind.MORE_CONNECTIONS
        : Journey.ChangeKind.NONE;
    boolean cancelled = facts.kind() == DisruptionKind.FLIGHT_CANCELLED;
    Duration shift = cancelled && !noSeatYet ? Duration.between(facts.scheduledDeparture(), facts.newDeparture())
        : null;
    return new Journey(originCountry, destinationCountry, distance, facts.carrierCountry(), cancelled,
        departureDelay, arrivalDelay, overnight, change, facts.extraordinary(), shift);
  }

  public static Entitlements of(PassengerRights rules, Facts facts) {
    return rules.of(journey(facts));
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
