package com.paxcare.locate;

/** Where a passenger is in their journey: this decides how PaxCare reaches and recalls them. */
public enum Phase {
  /** Booked, not checked in: not at the airport as far as we know. */
  NOT_CHECKED_IN,
  /** Checked in, the flight not boarding yet (or left without her): somewhere airside. */
  CHECKED_IN,
  /** At the gate while her flight boards. */
  BOARDING_AT_GATE,
  /** On board, the door still open: she can walk off. */
  BOARDED_DOOR_OPEN,
  /** On board, doors closed or taxiing: only the crew and captain can bring her back. */
  DOORS_CLOSED_OR_TAXIING,
  /** In the air: the only recall is to meet her on arrival. */
  AIRBORNE,
  /** Landed at the flight's destination. */
  LANDED,
  /** No live coupon: we do not know where she is. */
  NOT_TRAVELLING;

  /** Aboard an aircraft that is still on the ground: her bags must come off if she does. */
  public boolean onAircraftOnGround() {
    return this == BOARDED_DOOR_OPEN || this == DOORS_CLOSED_OR_TAXIING;
  }

  /** At the arrival end of her current flight rather than its origin. */
  public boolean atArrivalEnd() {
    return this == AIRBORNE || this == LANDED;
  }
}
