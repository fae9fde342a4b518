package com.paxcare.locate;

import com.paxcare.db.schema.enums.FlightStatus;
import com.paxcare.db.schema.enums.SegmentStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseRuleTest {
  @ParameterizedTest(name = "{0} coupon on a {1} flight: {2}")
  @CsvSource({
      "CONFIRMED,  SCHEDULED,    NOT_CHECKED_IN",
      "CHECKED_IN, SCHEDULED,    CHECKED_IN",
      "CONFIRMED,  BOARDING,     NOT_CHECKED_IN",
      "CHECKED_IN, BOARDING,     BOARDING_AT_GATE",
      "BOARDED,    BOARDING,     BOARDED_DOOR_OPEN",
      "BOARDED,    DOORS_CLOSED, DOORS_CLOSED_OR_TAXIING",
      "BOARDED,    TAXIING,      DOORS_CLOSED_OR_TAXIING",
      "BOARDED,    AIRBORNE,     AIRBORNE",
      "FLOWN,      AIRBORNE,     AIRBORNE",
      "BOARDED,    LANDED,       LANDED",
      "FLOWN,      LANDED,       LANDED",
      "BOARDED,    DIVERTED,     LANDED",
      // The flight left without her: she is still at the origin.
      "CHECKED_IN, TAXIING,      CHECKED_IN",
      "CHECKED_IN, AIRBORNE,     CHECKED_IN",
      "CONFIRMED,  AIRBORNE,     NOT_CHECKED_IN",
      "CHECKED_IN, CANCELLED,    CHECKED_IN",
  })
  void phaseFollowsCouponAndFlight(SegmentStatus coupon, FlightStatus flight, Phase expected) {
    assertThat(PhaseRule.phaseOf(coupon, flight)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"BOARDED_DOOR_OPEN, true", "DOORS_CLOSED_OR_TAXIING, true", "BOARDING_AT_GATE, false",
      "AIRBORNE, false"})
  void bagsComeOffOnlyWhenSheLeavesAnAircraftOnTheGround(Phase phase, boolean onAircraftOnGround) {
    assertThat(phase.onAircraftOnGround()).isEqualTo(onAircraftOnGround);
  }
}
