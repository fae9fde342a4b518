package com.paxcare.rights;

import java.time.Duration;
import java.util.Set;

/**
 * Regulation (EC) No 261/2004 as tables: where it applies (art. 3), the distance bands (art. 6 and 7), the right
 * to care (art. 9), the refund (art. 8) and the compensation stated in the rights notice (art. 7; a delay at
 * arrival of 3 hours or more counts as a cancellation for compensation, CJEU C-402/07 Sturgeon).
 */
public final class Eu261 {
  /**
   * The regulation applies in the EU, and through the EEA agreement and the EU–Swiss air transport agreement in
   * Iceland, Norway and Switzerland.
   */
  static final Set<String> WHERE_IT_APPLIES = Set.of(
      "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
      "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "NO", "CH");

  /** Art. 8(1)(a) with art. 6(1)(iii): a delay of at least 5 hours gives the choice of a refund. */
  static final Duration REFUND_AFTER = Duration.ofHours(5);
  /** Sturgeon (C-402/07): arriving 3 hours late or more is compensated like a cancellation. */
  static final Duration COMPENSATED_ARRIVAL_DELAY = Duration.ofHours(3);

  /** The bands of art. 6(1) and 7(1): when care starts, and the compensation in euros. */
  public enum Band {
    /** Flights of 1,500 km or less. */
    SHORT(Duration.ofHours(2), 250),
    /** Intra-Community flights over 1,500 km, and all other flights between 1,500 and 3,500 km. */
    MEDIUM(Duration.ofHours(3), 400),
    /** All other flights. */
    LONG(Duration.ofHours(4), 600);

    public final Duration careFrom;
    public final int compensationEur;

    Band(Duration careFrom, int compensationEur) {
      this.careFrom = careFrom;
      this.compensationEur = compensationEur;
    }
  }

  private Eu261() {
  }

  /**
   * Art. 3(1): (a) every flight departing from an airport where it applies; (b) a flight arriving there from
   * elsewhere when the operating carrier is a Community carrier.
   */
  public static boolean applies(Journey journey) {
    return WHERE_IT_APPLIES.contains(journey.originCountry())
        || (WHERE_IT_APPLIES.contains(journey.destinationCountry())
            && WHERE_IT_APPLIES.contains(journey.carrierCountry()));
  }

  public static Band band(Journey journey) {
    boolean intraCommunity = WHERE_IT_APPLIES.contains(journey.originCountry())
        && WHERE_IT_APPLIES.contains(journey.destinationCountry());
    if (journey.distanceKm() <= 1500) {
      return Band.SHORT;
    }
    if (intraCommunity || journey.distanceKm() <= 3500) {
      return Band.MEDIUM;
    }
    return Band.LONG;
  }

  /** What the passenger is owed under the regulation; {@link Entitlements#NONE} where it does not apply. */
  public static Entitlements entitlements(Journey journey) {
    if (!applies(journey)) {
      return Entitlements.NONE;
    }
    Band band = band(journey);
    // Art. 5(1)(b): a cancelled flight's passengers get care as for the wait until their new flight.
    boolean care = journey.cancelled() || journey.departureDelay().compareTo(band.careFrom) >= 0;
    boolean refund = journey.cancelled() || journey.departureDelay().compareTo(REFUND_AFTER) >= 0;
    int amount = compensation(journey, band);
    return new Entitlements("EU261", care, care, care && journey.overnight(), refund, amount,
        amount > 0 ? "EUR" : null);
  }

  /** Art. 5(1)(c)(iii): the re-routing leaves no more than 1 hour early and arrives less than 2 hours late. */
  static final Duration REROUTE_EARLIER_AT_MOST = Duration.ofHours(1);
  static final Duration REROUTE_LATER_LESS_THAN = Duration.ofHours(2);

  /**
   * Art. 5(1)(c)(iii): told of the cancellation less than seven days before departure (a disruption on the day
   * always is), and re-routed to leave no more than an hour before the plan and arrive less than two hours after
   * it: no compensation is owed.
   */
  static boolean reroutedCloseToPlan(Journey journey) {
    return journey.cancelled() && journey.reroutingShift() != null
        && journey.reroutingShift().compareTo(REROUTE_EARLIER_AT_MOST.negated()) >= 0
        && journey.arrivalDelay().compareTo(REROUTE_LATER_LESS_THAN) < 0;
  }

  /**
   * Art. 5(1)(c) and 7: owed on a cancellation, or an arrival 3 hours late or more (Sturgeon), unless art. 5(3)
   * extraordinary circumstances caused it; halved (art. 7(2)) when the re-routing arrives no later than the
   * band's 2, 3 or 4 hours after the planned arrival.
   */
  static int compensation(Journey journey, Band band) {
    boolean owed = !journey.extraordinary() && (journey.cancelled()
        || journey.arrivalDelay().compareTo(COMPENSATED_ARRIVAL_DELAY) >= 0);
    if (!owed || reroutedCloseToPlan(journey)) {
      return 0;
    }
    boolean reroutedClose = journey.cancelled() && journey.arrivalDelay().compareTo(band.careFrom) <= 0;
    return reroutedClose ? band.compensationEur / 2 : band.compensationEur;
  }
}
