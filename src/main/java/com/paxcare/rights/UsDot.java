package com.paxcare.rights;

import java.time.Duration;

/**
 * US DOT refund rule (14 CFR 260.6, in force since 2024): a passenger whose flight to, from or within the United
 * States is cancelled or significantly changed, and who does not accept the alternative, is refunded
 * automatically. Significant: departing earlier or arriving later by more than 3 hours domestic or 6 hours
 * international, another airport, more connections, or a lower class of service (14 CFR 260.2).
 */
public final class UsDot {
  static final Duration DOMESTIC = Duration.ofHours(3);
  static final Duration INTERNATIONAL = Duration.ofHours(6);

  private UsDot() {
  }

  public static boolean applies(Journey journey) {
    return "US".equals(journey.originCountry()) || "US".equals(journey.destinationCountry());
  }

  /** Whether the change is significant; a delay of exactly the threshold is not ("more than"). */
  public static boolean significantChange(Journey journey) {
    Duration threshold = journey.domestic() ? DOMESTIC : INTERNATIONAL;
    Duration change = journey.departureDelay().compareTo(journey.arrivalDelay()) >= 0
        ? journey.departureDelay() : journey.arrivalDelay();
    return change.compareTo(threshold) > 0 || journey.changeKind() != Journey.ChangeKind.NONE;
  }

  /** The refund right; care is the airline's own commitment in the US (see {@link PassengerRights}). */
  public static Entitlements entitlements(Journey journey) {
    if (!applies(journey)) {
      return Entitlements.NONE;
    }
    boolean refund = journey.cancelled() || significantChange(journey);
    return refund ? new Entitlements("US_DOT", false, false, false, true, 0, null) : Entitlements.NONE;
  }
}
