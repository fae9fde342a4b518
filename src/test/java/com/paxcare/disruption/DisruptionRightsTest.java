package com.paxcare.disruption;

import com.paxcare.rights.Airports;
import com.paxcare.rights.Entitlements;
import com.paxcare.rights.Eu261;
import com.paxcare.rights.Journey;
import com.paxcare.rights.PassengerRights;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey a regulation judges, built from what happened and what she was given, and what it is owed. The
 * airports' countries and distances come from the reference list (rights/airports.csv).
 */
class DisruptionRightsTest {
  private static final PassengerRights REGULATIONS_ONLY = new PassengerRights(PassengerRights.AirlinePolicy.NONE);
  private static final PassengerRights WITH_AIRLINE_POLICY = new PassengerRights(
      new PassengerRights.AirlinePolicy(Duration.ofHours(2), true));

  /** Madrid 09:00 to Frankfurt 11:35, on a Spanish (Community) carrier. */
  private static final OffsetDateTime MAD_DEPARTS = t("2026-11-22T09:00+01:00");
  private static final OffsetDateTime FRA_ARRIVES = t("2026-11-22T11:35+01:00");
  /** Chicago Midway 14:00 to Denver 15:40, on a US carrier. */
  private static final OffsetDateTime MDW_DEPARTS = t("2026-11-22T14:00-06:00");
  private static final OffsetDateTime DEN_ARRIVES = t("2026-11-22T15:40-07:00");

  private static OffsetDateTime t(String text) {
    return OffsetDateTime.parse(text);
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }

  /** Cancelled and rebooked onto one flight leaving {@code later} after and arriving {@code late} after plan. */
  private static DisruptionRights.Facts cancelled(String from, String to, String carrier, boolean extraordinary,
      OffsetDateTime departs, OffsetDateTime arrives, Duration later, Duration late) {
    return new DisruptionRights.Facts(DisruptionKind.FLIGHT_CANCELLED, from, to, carrier, extraordinary, departs,
        departs.plus(later), arrives, arrives.plus(late), 1, 1, false, null);
  }

  private static DisruptionRights.Facts madFraCancelled(Duration later, Duration late) {
    return cancelled("MAD", "FRA", "ES", false, MAD_DEPARTS, FRA_ARRIVES, later, late);
  }

  /** Delayed by {@code delay}; she keeps her flight and arrives that much later. */
  private static DisruptionRights.Facts usDelayed(Duration delay) {
    return new DisruptionRights.Facts(DisruptionKind.FLIGHT_DELAYED, "MDW", "DEN", "US", false, MDW_DEPARTS,
        MDW_DEPARTS.plus(delay), DEN_ARRIVES, DEN_ARRIVES.plus(delay), 1, 1, false, delay);
  }

  @Test
  void airportsAndDistancesComeFromTheReferenceList() {
    Journey madridParis = DisruptionRights.journey(cancelled("MAD", "CDG", "ES", false, MAD_DEPARTS, FRA_ARRIVES,
        minutes(60), minutes(60)));
    assertThat(madridParis.originCountry()).isEqualTo("ES");
    assertThat(madridParis.destinationCountry()).isEqualTo("FR");
    // Madrid - Paris is about 1,065 km: intra-Community but not over 1,500 km, so the short band (art. 7(1)(a)).
    assertThat(madridParis.distanceKm()).isEqualTo(Airports.distanceKm("MAD", "CDG").orElseThrow())
        .isBetween(1040, 1090);
    assertThat(Eu261.band(madridParis)).isEqualTo(Eu261.Band.SHORT);

    Journey chicagoDenver = DisruptionRights.journey(usDelayed(minutes(30)));
    assertThat(chicagoDenver.domestic()).isTrue();
    assertThat(chicagoDenver.originCountry()).isEqualTo("US");
    assertThat(chicagoDenver.distanceKm()).isBetween(1420, 1450);
    assertThat(chicagoDenver.carrierCountry()).isEqualTo("US");
  }

  @Test
  void distanceBandsOfArticle7ByTheRealDistances() {
    // Madrid - Berlin, about 1,850 km: intra-Community over 1,500 km, the middle band (art. 7(1)(b)).
    assertThat(Eu261.band(DisruptionRights.journey(cancelled("MAD", "BER", "ES", false, MAD_DEPARTS, FRA_ARRIVES,
        minutes(0), minutes(0))))).isEqualTo(Eu261.Band.MEDIUM);
    // Keflavik - Athens, about 4,200 km: still the middle band, as every intra-Community flight over 1,500 km is.
    Journey keflavikAthens = DisruptionRights.journey(cancelled("KEF", "ATH", "IS", false, MAD_DEPARTS, FRA_ARRIVES,
        minutes(0), minutes(0)));
    assertThat(keflavikAthens.distanceKm()).isGreaterThan(3500);
    assertThat(Eu261.band(keflavikAthens)).isEqualTo(Eu261.Band.MEDIUM);
    // Madrid - New York, about 5,760 km: the long band (art. 7(1)(c)).
    assertThat(Eu261.band(DisruptionRights.journey(cancelled("MAD", "JFK", "ES", false, MAD_DEPARTS, FRA_ARRIVES,
        minutes(0), minutes(0))))).isEqualTo(Eu261.Band.LONG);
  }

  @Test
  void anAirportMissingFromTheReferenceListGetsNoRegulation() {
    DisruptionRights.Facts facts = cancelled("XYZ", "QQQ", "ES", false, MAD_DEPARTS, FRA_ARRIVES, minutes(600),
        minutes(600));

    Journey journey = DisruptionRights.journey(facts);

    assertThat(journey.distanceKm()).isZero();
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, facts)).isEqualTo(Entitlements.NONE);
  }

  @Test
  void anUnknownFinalDestinationDoesNotGiveTheShortBandByDefault() {
    DisruptionRights.Facts facts = cancelled("MAD", "EZE", "ES", false, MAD_DEPARTS, FRA_ARRIVES, minutes(600),
        minutes(600));

    Entitlements owed = DisruptionRights.of(REGULATIONS_ONLY, facts);

    // As documented: no regulation worked out (and certainly no amount from a distance it does not know).
    assertThat(owed.compensation()).isNotEqualTo(Eu261.Band.SHORT.compensationEur);
    assertThat(owed).isEqualTo(Entitlements.NONE);
  }

  @Test
  void aCancellationInTheEuGivesCareRefundAndTheShortBandCompensation() {
    // Madrid - Frankfurt is about 1,420 km: 1,500 km or less, so 250 EUR (art. 7(1)(a)), not the middle band.
    assertThat(Airports.distanceKm("MAD", "FRA").orElseThrow()).isBetween(1400, 1450);
    Entitlements owed = DisruptionRights.of(REGULATIONS_ONLY, madFraCancelled(minutes(300), minutes(300)));

    assertThat(owed.rule()).isEqualTo("EU261");
    // Art. 5(1)(b) and 9: meals and two calls while she waits; art. 5(1)(a) and 8: refund or re-routing.
    assertThat(owed.meals()).isTrue();
    assertThat(owed.communication()).isTrue();
    assertThat(owed.refund()).isTrue();
    assertThat(owed.hotel()).as("same-day re-routing, no night to spend").isFalse();
    assertThat(owed.compensation()).isEqualTo(250);
    assertThat(owed.currency()).isEqualTo("EUR");
  }

  @Test
  void compensationIsHalvedWhenTheReroutingArrivesWithinTheBandsHours() {
    // Art. 7(2)(a): short band, the re-routing arrives no more than 2 hours after the planned arrival.
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, madFraCancelled(minutes(120), minutes(120))).compensation())
        .isEqualTo(125);
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, madFraCancelled(minutes(121), minutes(121))).compensation())
        .isEqualTo(250);
    // Art. 7(2)(b): Madrid - Berlin, the middle band: 3 hours.
    DisruptionRights.Facts berlinIn3h = cancelled("MAD", "BER", "ES", false, MAD_DEPARTS, FRA_ARRIVES, minutes(180),
        minutes(180));
    DisruptionRights.Facts berlinIn3h1m = cancelled("MAD", "BER", "ES", false, MAD_DEPARTS, FRA_ARRIVES,
        minutes(181), minutes(181));
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, berlinIn3h).compensation()).isEqualTo(200);
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, berlinIn3h1m).compensation()).isEqualTo(400);
  }

  @Test
  void noCompensationWhenTheReroutingLeavesLaterAndArrivesLessThanTwoHoursLate() {
    Entitlements owed = DisruptionRights.of(REGULATIONS_ONLY, madFraCancelled(minutes(90), minutes(90)));

    assertThat(owed.compensation()).isZero();
    assertThat(owed.meals()).as("care is still owed (art. 5(1)(b))").isTrue();
    assertThat(owed.refund()).isTrue();
  }

  @Test
  void extraordinaryCircumstancesOweCareAndRefundButNoCompensation() {
    // Art. 5(3): weather, air traffic control, security.
    Entitlements owed = DisruptionRights.of(REGULATIONS_ONLY,
        cancelled("MAD", "FRA", "ES", true, MAD_DEPARTS, FRA_ARRIVES, minutes(600), minutes(600)));

    assertThat(owed.compensation()).isZero();
    assertThat(owed.currency()).isNull();
    assertThat(owed.meals()).isTrue();
    assertThat(owed.communication()).isTrue();
    assertThat(owed.refund()).isTrue();
  }

  @Test
  void aUsDomesticCancellationGivesTheDotRefund() {
    // 14 CFR 260.6: a cancelled flight within the United States is refunded; EU 261 has nothing to say.
    Entitlements owed = DisruptionRights.of(REGULATIONS_ONLY, cancelled("MDW", "DEN", "US", false, MDW_DEPARTS,
        DEN_ARRIVES, minutes(60), minutes(60)));

    assertThat(owed.rule()).isEqualTo("US_DOT");
    assertThat(owed.refund()).isTrue();
    assertThat(owed.meals()).isFalse();
    assertThat(owed.compensation()).isZero();
  }

  @Test
  void aUsDomesticDelayOfExactlyThreeHoursIsNotASignificantChangeButOneMinuteMoreIs() {
    // 14 CFR 260.2: "arriving ... more than 3 hours later" (domestic) is significant; exactly 3 hours is not.
    Journey threeHours = DisruptionRights.journey(usDelayed(minutes(180)));
    assertThat(threeHours.departureDelay()).isEqualTo(minutes(180));
    assertThat(threeHours.arrivalDelay()).isEqualTo(minutes(180));
    assertThat(threeHours.cancelled()).isFalse();
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, usDelayed(minutes(180))).refund()).isFalse();
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, usDelayed(minutes(181))).refund()).isTrue();
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, usDelayed(minutes(181))).rule()).isEqualTo("US_DOT");
  }

  @Test
  void aDiversionIsAChangeToAnotherAirport() {
    DisruptionRights.Facts diverted = new DisruptionRights.Facts(DisruptionKind.FLIGHT_DIVERTED, "MDW", "DEN", "US",
        false, MDW_DEPARTS, MDW_DEPARTS, DEN_ARRIVES, DEN_ARRIVES.plus(minutes(90)), 1, 1, false, null);

    Journey journey = DisruptionRights.journey(diverted);

    assertThat(journey.changeKind()).isEqualTo(Journey.ChangeKind.OTHER_AIRPORT);
    assertThat(journey.cancelled()).isFalse();
    // 14 CFR 260.2: another airport is a significant change however short the delay.
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, diverted).refund()).isTrue();
  }

  @Test
  void moreLegsAfterThanBeforeIsMoreConnectionsAndALowerCabinADowngrade() {
    DisruptionRights.Facts viaHub = new DisruptionRights.Facts(DisruptionKind.FLIGHT_CANCELLED, "MDW", "DEN", "US",
        false, MDW_DEPARTS, MDW_DEPARTS.plus(minutes(60)), DEN_ARRIVES, DEN_ARRIVES.plus(minutes(90)), 1, 2, false,
        null);
    DisruptionRights.Facts sameLegs = new DisruptionRights.Facts(DisruptionKind.FLIGHT_CANCELLED, "MDW", "DEN", "US",
        false, MDW_DEPARTS, MDW_DEPARTS.plus(minutes(60)), DEN_ARRIVES, DEN_ARRIVES.plus(minutes(60)), 2, 2, false,
        null);
    DisruptionRights.Facts downgraded = new DisruptionRights.Facts(DisruptionKind.FLIGHT_CANCELLED, "MDW", "DEN",
        "US", false, MDW_DEPARTS, MDW_DEPARTS.plus(minutes(60)), DEN_ARRIVES, DEN_ARRIVES.plus(minutes(60)), 1, 2,
        true, null);

    assertThat(DisruptionRights.journey(viaHub).changeKind()).isEqualTo(Journey.ChangeKind.MORE_CONNECTIONS);
    assertThat(DisruptionRights.journey(sameLegs).changeKind()).isEqualTo(Journey.ChangeKind.NONE);
    assertThat(DisruptionRights.journey(downgraded).changeKind()).isEqualTo(Journey.ChangeKind.DOWNGRADE);
  }

  @Test
  void withoutASeatYetSheIsOwedTheOvernightCareAndALongArrivalDelay() {
    DisruptionRights.Facts noSeat = new DisruptionRights.Facts(DisruptionKind.FLIGHT_CANCELLED, "MAD", "FRA", "ES",
        false, MAD_DEPARTS, null, FRA_ARRIVES, null, 1, 1, false, null);

    Journey journey = DisruptionRights.journey(noSeat);
    Entitlements owed = DisruptionRights.of(REGULATIONS_ONLY, noSeat);

    assertThat(journey.overnight()).isTrue();
    assertThat(journey.arrivalDelay()).isGreaterThanOrEqualTo(Duration.ofHours(24));
    // Art. 9(1)(b): a hotel when a stay of one or more nights becomes necessary.
    assertThat(owed.hotel()).isTrue();
    assertThat(owed.refund()).isTrue();
    assertThat(owed.compensation()).as("not halved: no re-routing arrives close").isEqualTo(250);
  }

  @Test
  void aNewDepartureOnALaterDayIsOvernight() {
    Journey sameDay = DisruptionRights.journey(madFraCancelled(minutes(600), minutes(600)));
    Journey nextMorning = DisruptionRights.journey(madFraCancelled(minutes(24 * 60), minutes(24 * 60)));

    assertThat(sameDay.overnight()).isFalse();
    assertThat(nextMorning.overnight()).isTrue();
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, madFraCancelled(minutes(24 * 60), minutes(24 * 60))).hotel())
        .isTrue();
  }

  @Test
  void theAirlinePolicyAddsMealsFromTwoHoursOnAUsDelay() {
    // No US regulation gives meals; the airline's own commitment does, from 2 hours.
    assertThat(DisruptionRights.of(WITH_AIRLINE_POLICY, usDelayed(minutes(119))).any()).isFalse();
    Entitlements twoHours = DisruptionRights.of(WITH_AIRLINE_POLICY, usDelayed(minutes(120)));
    assertThat(twoHours.rule()).isEqualTo("AIRLINE");
    assertThat(twoHours.meals()).isTrue();
    assertThat(twoHours.refund()).isFalse();
    assertThat(DisruptionRights.of(REGULATIONS_ONLY, usDelayed(minutes(120))).any()).isFalse();

    // Past 3 hours both add up: DOT's refund and the airline's meals.
    Entitlements both = DisruptionRights.of(WITH_AIRLINE_POLICY, usDelayed(minutes(181)));
    assertThat(both.rule()).isEqualTo("US_DOT+AIRLINE");
    assertThat(both.meals()).isTrue();
    assertThat(both.refund()).isTrue();
  }
}
