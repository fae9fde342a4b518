package com.paxcare.locate;

import com.paxcare.db.schema.enums.FlightStatus;
import com.paxcare.db.schema.enums.SegmentStatus;

/** The passenger's phase from her coupon's status and her flight's operational status. */
public final class PhaseRule {
  private PhaseRule() {
  }

  public static Phase phaseOf(SegmentStatus coupon, FlightStatus flight) {
    boolean aboard = coupon == SegmentStatus.BOARDED || coupon == SegmentStatus.FLOWN;
    boolean checkedIn = coupon == SegmentStatus.CHECKED_IN;
    return switch (flight) {
      case AIRBORNE -> aboard ? Phase.AIRBORNE : onTheGround(checkedIn);
      case LANDED, DIVERTED -> aboard ? Phase.LANDED : onTheGround(checkedIn);
      case DOORS_CLOSED, TAXIING -> aboard ? Phase.DOORS_CLOSED_OR_TAXIING : onTheGround(checkedIn);
      case BOARDING -> aboard ? Phase.BOARDED_DOOR_OPEN : checkedIn ? Phase.BOARDING_AT_GATE : Phase.NOT_CHECKED_IN;
      // Boarded on a flight not yet boarding is a stale coupon: she is at least checked in.
      case SCHEDULED, CANCELLED -> aboard || checkedIn ? Phase.CHECKED_IN : Phase.NOT_CHECKED_IN;
    };
  }

  /** Her flight left (or is leaving) without her. */
  private static Phase onTheGround(boolean checkedIn) {
    return checkedIn ? Phase.CHECKED_IN : Phase.NOT_CHECKED_IN;
  }
}
