package com.paxcare.cases;

/** Where a case passenger's bag stands, as the gate tablet shows it. */
public enum BagStatus {
  /** Her bag is aboard an aircraft she left: the ramp must take it off. */
  TO_OFFLOAD,
  /** Off the aircraft, not yet routed on. */
  OFFLOADED,
  /** Routed to follow her (a new BSM went to the baggage system). */
  REROUTED,
  /** Nothing to do for it. */
  UNCHANGED;

  public static BagStatus of(boolean mustComeOff, boolean offloaded, boolean rerouted) {
    if (mustComeOff && !offloaded) {
      return TO_OFFLOAD;
    }
    if (rerouted) {
      return REROUTED;
    }
    return offloaded ? OFFLOADED : UNCHANGED;
  }
}
