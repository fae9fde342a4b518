package com.paxcare.rights;

import java.time.Duration;

/**
 * What the rules need to know of a disrupted flight: where it goes (countries, great-circle distance), whose
 * aircraft it is, and what happened to it.
 *
 * @param originCountry      ISO 3166 code of the departure airport's country
 * @param destinationCountry ISO 3166 code of the (planned) arrival airport's country
 * @param distanceKm         great-circle distance of the flight (EU 261 art. 7(4): the last destination)
 * @param carrierCountry     where the operating carrier is licensed (EU 261 art. 2(c), "Community carrier")
 * @param cancelled          the flight will not operate
 * @param departureDelay     how late it leaves (zero when on time or cancelled)
 * @param arrivalDelay       how late the passenger arrives at the final destination on what she is given
 * @param overnight          the wait crosses a night at the departure airport
 * @param changeKind         the kind of schedule change, for US DOT's "significant change"
 * @param extraordinary      caused by extraordinary circumstances (weather, air traffic control, security):
 *                           EU 261 art. 5(3) then owes care and refund but no compensation
 * @param reroutingShift     for a cancelled flight, how much later (negative: earlier) the re-routing she was
 *                           given departs than the cancelled flight was to; null when she has none yet
 */
public record Journey(String originCountry, String destinationCountry, int distanceKm, String carrierCountry,
    boolean cancelled, Duration departureDelay, Duration arrivalDelay, boolean overnight, ChangeKind changeKind,
    boolean extraordinary, Duration reroutingShift) {

  /** A journey without a re-routing to judge (a delay, or a cancellation not yet re-routed). */
  public Journey(String originCountry, String destinationCountry, int distanceKm, String carrierCountry,
      boolean cancelled, Duration departureDelay, Duration arrivalDelay, boolean overnight, ChangeKind changeKind,
      boolean extraordinary) {
    this(originCountry, destinationCountry, distanceKm, carrierCountry, cancelled, departureDelay, arrivalDelay,
        overnight, changeKind, extraordinary, null);
  }

  /** US DOT 14 CFR 260.2, "significant change of flight itinerary", besides the delay itself. */
  public enum ChangeKind {
    NONE,
    /** Departs from or arrives at another airport. */
    OTHER_AIRPORT,
    /** More connection points than the original. */
    MORE_CONNECTIONS,
    /** A lower class of service. */
    DOWNGRADE
  }

  public boolean domestic() {
    return originCountry.equals(destinationCountry);
  }

  /** Great-circle distance in km between two points (haversine, mean Earth radius 6,371 km). */
  public static int greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return (int) Math.round(2 * 6371.0 * Math.asin(Math.sqrt(a)));
  }
}
