package com.paxcare.rights;

import com.paxcare.rights.Journey.ChangeKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The regulations' tables, tested at each threshold's edge. */
class PassengerRightsTest {
  private static final Duration ZERO = Duration.ZERO;

  private static Journey delayed(String from, String to, int km, String carrier, Duration departure, Duration arrival) {
    return new Journey(from, to, km, carrier, false, departure, arrival, false, ChangeKind.NONE, false);
  }

  private static Journey cancelled(String from, String to, int km, String carrier, Duration arrivalOfReroute) {
    return new Journey(from, to, km, carrier, true, ZERO, arrivalOfReroute, false, ChangeKind.NONE, false);
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }

  @Test
  void eu261AppliesLeavingTheEuOnAnyCarrierAndArrivingOnlyOnACommunityCarrier() {
    // Art. 3(1)(a): departing Paris on a US carrier.
    assertThat(Eu261.applies(delayed("FR", "US", 6000, "US", ZERO, ZERO))).isTrue();
    // Art. 3(1)(b): arriving in Paris from New York: only on a Community carrier.
    assertThat(Eu261.applies(delayed("US", "FR", 6000, "FR", ZERO, ZERO))).isTrue();
    assertThat(Eu261.applies(delayed("US", "FR", 6000, "US", ZERO, ZERO))).isFalse();
    // Norway and Switzerland apply it too (EEA, EU–Swiss agreement); Chicago–Denver does not.
    assertThat(Eu261.applies(delayed("NO", "US", 6000, "US", ZERO, ZERO))).isTrue();
    assertThat(Eu261.applies(delayed("US", "US", 1450, "US", ZERO, ZERO))).isFalse();
  }

  @Test
  void distanceBandsFollowArticle7() {
    assertThat(Eu261.band(delayed("FR", "GB", 1500, "FR", ZERO, ZERO))).isEqualTo(Eu261.Band.SHORT);
    assertThat(Eu261.band(delayed("FR", "GB", 1501, "FR", ZERO, ZERO))).isEqualTo(Eu261.Band.MEDIUM);
    assertThat(Eu261.band(delayed("FR", "MA", 3500, "FR", ZERO, ZERO))).isEqualTo(Eu261.Band.MEDIUM);
    assertThat(Eu261.band(delayed("FR", "US", 3501, "FR", ZERO, ZERO))).isEqualTo(Eu261.Band.LONG);
    // Intra-Community over 1,500 km is the middle band however far.
    assertThat(Eu261.band(delayed("PT", "FI", 3600, "PT", ZERO, ZERO))).isEqualTo(Eu261.Band.MEDIUM);
  }

  @Test
  void careStartsAtTwoThreeOrFourHoursByBand() {
    assertThat(Eu261.entitlements(delayed("FR", "DE", 800, "FR", minutes(119), ZERO)).meals()).isFalse();
    assertThat(Eu261.entitlements(delayed("FR", "DE", 800, "FR", minutes(120), ZERO)).meals()).isTrue();
    assertThat(Eu261.entitlements(delayed("FR", "GR", 2100, "FR", minutes(179), ZERO)).meals()).isFalse();
    assertThat(Eu261.entitlements(delayed("FR", "GR", 2100, "FR", minutes(180), ZERO)).communication()).isTrue();
    assertThat(Eu261.entitlements(delayed("FR", "US", 6000, "FR", minutes(239), ZERO)).meals()).isFalse();
    assertThat(Eu261.entitlements(delayed("FR", "US", 6000, "FR", minutes(240), ZERO)).meals()).isTrue();
  }

  @Test
  void aHotelOnlyWhenTheWaitCrossesANight() {
    Journey evening = new Journey("FR", "DE", 800, "FR", false, minutes(300), minutes(300), true, ChangeKind.NONE,
        false);
    assertThat(Eu261.entitlements(evening).hotel()).isTrue();
    assertThat(Eu261.entitlements(delayed("FR", "DE", 800, "FR", minutes(300), minutes(300))).hotel()).isFalse();
  }

  @Test
  void refundAtFiveHoursOrOnACancellation() {
    assertThat(Eu261.entitlements(delayed("FR", "DE", 800, "FR", minutes(299), ZERO)).refund()).isFalse();
    assertThat(Eu261.entitlements(delayed("FR", "DE", 800, "FR", minutes(300), ZERO)).refund()).isTrue();
    assertThat(Eu261.entitlements(cancelled("FR", "DE", 800, "FR", minutes(60))).refund()).isTrue();
  }

  @Test
  void compensationForArrivingThreeHoursLateUnlessExtraordinaryHalvedWhenTheRerouteArrivesClose() {
    assertThat(Eu261.entitlements(delayed("FR", "DE", 800, "FR", minutes(170), minutes(179))).compensation()).isZero();
    var late = Eu261.entitlements(delayed("FR", "DE", 800, "FR", minutes(170), minutes(180)));
    assertThat(late.compensation()).isEqualTo(250);
    assertThat(late.currency()).isEqualTo("EUR");
    assertThat(Eu261.entitlements(delayed("FR", "US", 6000, "FR", ZERO, minutes(180))).compensation()).isEqualTo(600);
    // Cancelled, re-routed to arrive within the band's hours of the plan: half (art. 7(2)).
    assertThat(Eu261.entitlements(cancelled("FR", "GR", 2100, "FR", minutes(180))).compensation()).isEqualTo(200);
    assertThat(Eu261.entitlements(cancelled("FR", "GR", 2100, "FR", minutes(181))).compensation()).isEqualTo(400);
    // Re-routed to leave at most 1 h early and arrive less than 2 h late: nothing owed (art. 5(1)(c)(iii)).
    assertThat(Eu261.entitlements(rerouted(minutes(-60), minutes(119))).compensation()).isZero();
    assertThat(Eu261.entitlements(rerouted(minutes(-61), minutes(119))).compensation()).isEqualTo(125);
    assertThat(Eu261.entitlements(rerouted(minutes(30), minutes(120))).compensation()).isEqualTo(125);
    // Weather: care and refund, no compensation (art. 5(3)).
    Journey storm = new Journey("FR", "DE", 800, "FR", true, ZERO, minutes(600), true, ChangeKind.NONE, true);
    assertThat(Eu261.entitlements(storm).compensation()).isZero();
    assertThat(Eu261.entitlements(storm).hotel()).isTrue();
    assertThat(Eu261.entitlements(storm).refund()).isTrue();
  }

  @Test
  void usDotRefundsACancellationOrAChangeOfMoreThanThreeHoursDomesticSixInternational() {
    assertThat(UsDot.entitlements(cancelled("US", "US", 1450, "US", minutes(30))).refund()).isTrue();
    assertThat(UsDot.entitlements(delayed("US", "US", 1450, "US", minutes(180), minutes(180))).refund())
        .as("exactly 3 h is not more than 3 h").isFalse();
    assertThat(UsDot.entitlements(delayed("US", "US", 1450, "US", minutes(181), minutes(181))).refund()).isTrue();
    assertThat(UsDot.entitlements(delayed("US", "MX", 2000, "US", minutes(360), minutes(360))).refund()).isFalse();
    assertThat(UsDot.entitlements(delayed("MX", "US", 2000, "MX", minutes(10), minutes(361))).refund()).isTrue();
    Journey otherAirport = new Journey("US", "US", 1450, "US", false, ZERO, ZERO, false, ChangeKind.OTHER_AIRPORT,
        false);
    assertThat(UsDot.entitlements(otherAirport).refund()).isTrue();
    assertThat(UsDot.entitlements(delayed("FR", "DE", 800, "FR", minutes(600), minutes(600))).any()).isFalse();
  }

  @Test
  void bothRulesAndTheAirlinesOwnPolicyAddUp() {
    // Paris to Chicago on a US carrier, 6 h 1 min late: EU 261 (departing the EU) and US DOT (arriving in the US,
    // international: more than 6 h). At 5 h only EU 261 would give anything.
    assertThat(new PassengerRights(PassengerRights.AirlinePolicy.NONE)
        .of(delayed("FR", "US", 6650, "US", minutes(300), minutes(300))).rule()).isEqualTo("EU261");
    Journey parisChicago = delayed("FR", "US", 6650, "US", minutes(361), minutes(361));
    Entitlements both = new PassengerRights(PassengerRights.AirlinePolicy.NONE).of(parisChicago);
    assertThat(both.rule()).isEqualTo("EU261+US_DOT");
    assertThat(both.meals()).isTrue();
    assertThat(both.refund()).isTrue();
    assertThat(both.compensation()).isEqualTo(600);

    // Chicago–Denver, 2 h late: no regulation gives meals; the airline's own policy does.
    Journey domestic = delayed("US", "US", 1430, "US", minutes(120), minutes(120));
    assertThat(new PassengerRights(PassengerRights.AirlinePolicy.NONE).of(domestic).any()).isFalse();
    Entitlements ours = new PassengerRights(new PassengerRights.AirlinePolicy(Duration.ofHours(2), true)).of(domestic);
    assertThat(ours.rule()).isEqualTo("AIRLINE");
    assertThat(ours.meals()).isTrue();
    assertThat(ours.refund()).isFalse();
  }

  @Test
  void greatCircleDistances() {
    // Chicago Midway to Denver, about 1,430 km; Paris CDG to Chicago O'Hare, about 6,650 km.
    assertThat(Journey.greatCircleKm(41.786, -87.752, 39.856, -104.674)).isBetween(1420, 1445);
    assertThat(Journey.greatCircleKm(49.010, 2.548, 41.979, -87.905)).isBetween(6630, 6670);
  }

  /** Paris - Frankfurt (short band) cancelled and re-routed: leaving {@code shift} from the plan, arriving late. */
  private static Journey rerouted(Duration shift, Duration arrivalDelay) {
    return new Journey("FR", "DE", 480, "FR", true, ZERO, arrivalDelay, false, ChangeKind.NONE, false, shift);
  }
}
