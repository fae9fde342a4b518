package com.paxcare.rights;

/**
 * Which rules apply to a disrupted journey, and what they add up to. The rule follows from the route and the
 * carrier; the airline's own policy (for instance meals from 2 hours on every flight) comes on top.
 */
public final class PassengerRights {
  private final AirlinePolicy policy;

  /** An airline's own commitments, beyond what regulators require. */
  public record AirlinePolicy(java.time.Duration mealsFrom, boolean hotelWhenOvernight) {
    public static final AirlinePolicy NONE = new AirlinePolicy(null, false);
  }

  public PassengerRights(AirlinePolicy policy) {
    this.policy = policy;
  }

  public Entitlements of(Journey journey) {
    Entitlements total = Eu261.entitlements(journey).and(UsDot.entitlements(journey));
    if (policy.mealsFrom() != null
        && (journey.cancelled() || journey.departureDelay().compareTo(policy.mealsFrom()) >= 0)) {
      total = total.and(new Entitlements("AIRLINE", true, true, policy.hotelWhenOvernight() && journey.overnight(),
          false, 0, null));
    }
    return total;
  }
}
