package com.paxcare.disruption;

import com.paxcare.disruption.AffectedRule.Disrupted;
import com.paxcare.disruption.AffectedRule.Need;
import com.paxcare.locate.Whereabouts.Coupon;
import com.paxcare.rebook.MinimumConnectingTimes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which coupons a disruption replaces, from where and from when. Her journey: Chicago Midway to Seattle via
 * Denver and Salt Lake City, with a 20-minute margin over the 40-minute minimum connecting time at Denver.
 */
class AffectedRuleTest {
  private static final MinimumConnectingTimes MCT = new MinimumConnectingTimes(Duration.ofMinutes(45),
      Map.of("DEN", Duration.ofMinutes(40)));
  private static final Duration READY = Duration.ofMinutes(30);
  /** Early morning in Chicago, long before anything departs. */
  private static final OffsetDateTime NOW = t("2026-11-22T06:00-06:00");

  private static final Coupon MDW_DEN = coupon(11, 101, "PX100", "MDW", "DEN", "2026-11-22T08:00-06:00",
      "2026-11-22T09:40-07:00");
  /** Departs 60 minutes after MDW_DEN lands: 40 MCT + 20 slack. */
  private static final Coupon DEN_SLC = coupon(12, 102, "PX200", "DEN", "SLC", "2026-11-22T10:40-07:00",
      "2026-11-22T12:15-07:00");
  private static final Coupon SLC_SEA = coupon(13, 103, "PX300", "SLC", "SEA", "2026-11-22T14:00-07:00",
      "2026-11-22T15:10-08:00");
  private static final List<Coupon> JOURNEY = List.of(MDW_DEN, DEN_SLC, SLC_SEA);

  private static OffsetDateTime t(String text) {
    return OffsetDateTime.parse(text);
  }

  private static Coupon coupon(long segmentId, long flightId, String flight, String from, String to, String departure,
      String arrival) {
    return new Coupon(segmentId, flightId, flight, "2026-11-22", from, to, t(departure), t(arrival), null,
        "SCHEDULED", "Y", null, "CONFIRMED", null, null, null);
  }

  private static Disrupted cancelled(Coupon c) {
    return new Disrupted(DisruptionKind.FLIGHT_CANCELLED, c.flightId(), c.origin(), c.destination(), c.departure(),
        c.arrival(), null, null);
  }

  private static Disrupted delayed(Coupon c, long minutes) {
    return new Disrupted(DisruptionKind.FLIGHT_DELAYED, c.flightId(), c.origin(), c.destination(), c.departure(),
        c.arrival(), Duration.ofMinutes(minutes), null);
  }

  private static Disrupted diverted(Coupon c, String to) {
    return new Disrupted(DisruptionKind.FLIGHT_DIVERTED, c.flightId(), c.origin(), c.destination(), c.departure(),
        c.arrival(), null, to);
  }

  private static Need need(Disrupted flight, List<Coupon> coupons, OffsetDateTime now) {
    return AffectedRule.of(flight, coupons, now, READY, MCT).orElseThrow();
  }

  @Test
  void aCancelledFlightReplacesItselfAndEverythingAfterFromItsOriginToHerLastDestination() {
    Need need = need(cancelled(MDW_DEN), JOURNEY, NOW);

    assertThat(need.rebook()).isTrue();
    assertThat(need.replaced()).containsExactly(MDW_DEN, DEN_SLC, SLC_SEA);
    assertThat(need.disruptedCoupon()).isEqualTo(MDW_DEN);
    assertThat(need.from()).isEqualTo("MDW");
    assertThat(need.to()).isEqualTo("SEA");
    // Her first flight: nothing inbound to wait for, she can travel once the agent has had time to act.
    assertThat(need.readyAt().toInstant()).isEqualTo(NOW.plus(READY).toInstant());
  }

  @Test
  void aCancelledOnwardFlightIsReplacedFromTheConnectingAirportOnceHerInboundLegHasLandedPlusMct() {
    // DEN_SLC cancelled while she is still in Chicago: she cannot leave Denver before 09:40 + 40 min MCT.
    Need need = need(cancelled(DEN_SLC), JOURNEY, NOW);

    assertThat(need.replaced()).containsExactly(DEN_SLC, SLC_SEA);
    assertThat(need.from()).isEqualTo("DEN");
    assertThat(need.to()).isEqualTo("SEA");
    assertThat(need.readyAt().toInstant()).isEqualTo(t("2026-11-22T10:20-07:00").toInstant());

    // Reported after she has landed: then the time to act is what counts.
    OffsetDateTime late = t("2026-11-22T10:15-07:00");
    assertThat(need(cancelled(DEN_SLC), JOURNEY, late).readyAt().toInstant())
        .isEqualTo(late.plus(READY).toInstant());
  }

  @Test
  void aDelayThatStillMakesTheConnectionKeepsHerFlightsWithTheSlackLeft() {
    Need need = need(delayed(MDW_DEN, 5), JOURNEY, NOW);

    assertThat(need.rebook()).isFalse();
    assertThat(need.replaced()).isEmpty();
    assertThat(need.connectionSlackMinutes()).isEqualTo(15);
    assertThat(need.disruptedCoupon()).isEqualTo(MDW_DEN);
  }

  @Test
  void aDelayLeavingExactlyTheMinimumConnectingTimeIsStillAConnectionMade() {
    // 20 minutes late: lands 10:00, + 40 min MCT = 10:40, the onward departure to the minute.
    Need need = need(delayed(MDW_DEN, 20), JOURNEY, NOW);

    assertThat(need.connectionSlackMinutes()).isZero();
    assertThat(need.rebook()).isFalse();
    assertThat(need.replaced()).isEmpty();
  }

  @Test
  void aDelayOneMinuteShortOfTheMinimumConnectingTimeMissesTheConnectionAndReplacesOnlyTheOnwardCoupons() {
    Need need = need(delayed(MDW_DEN, 21), JOURNEY, NOW);

    assertThat(need.connectionSlackMinutes()).isEqualTo(-1);
    assertThat(need.rebook()).isTrue();
    // She keeps the delayed flight: what she misses is replaced, from where she will be.
    assertThat(need.replaced()).containsExactly(DEN_SLC, SLC_SEA);
    assertThat(need.from()).isEqualTo("DEN");
    assertThat(need.to()).isEqualTo("SEA");
    // Lands 10:01, + 40 min MCT at Denver.
    assertThat(need.readyAt().toInstant()).isEqualTo(t("2026-11-22T10:41-07:00").toInstant());
  }

  @Test
  void aDelayedLastFlightKeepsHerFlightWithNoConnectionToMeasure() {
    Need need = need(delayed(SLC_SEA, 240), JOURNEY, NOW);

    assertThat(need.rebook()).isFalse();
    assertThat(need.connectionSlackMinutes()).isNull();
    assertThat(need.replaced()).isEmpty();
  }

  @Test
  void aDiversionReplacesWhatWasToFollowFromTheDiversionAirport() {
    Need need = need(diverted(MDW_DEN, "COS"), JOURNEY, NOW);

    assertThat(need.rebook()).isTrue();
    assertThat(need.from()).isEqualTo("COS");
    assertThat(need.to()).isEqualTo("SEA");
    // The diverted flight itself is flown: only the coupons after it go.
    assertThat(need.replaced()).containsExactly(DEN_SLC, SLC_SEA);
    assertThat(need.disruptedCoupon()).isEqualTo(MDW_DEN);
    // Lands at about the planned time (09:40 Denver time), + the default 45 min MCT at COS.
    assertThat(need.readyAt().toInstant()).isEqualTo(t("2026-11-22T10:25-07:00").toInstant());
  }

  @Test
  void aDiversionToHerFinalDestinationNeedsNoRebooking() {
    // She was flying Chicago - Denver - Colorado Springs; the first flight lands at Colorado Springs instead.
    Coupon denCos = coupon(14, 104, "PX400", "DEN", "COS", "2026-11-22T11:00-07:00", "2026-11-22T11:40-07:00");

    Need need = need(diverted(MDW_DEN, "COS"), List.of(MDW_DEN, denCos), NOW);

    assertThat(need.rebook()).isFalse();
    assertThat(need.replaced()).isEmpty();
    assertThat(need.to()).isEqualTo("COS");
  }

  @Test
  void aMissedConnectionReplacesTheMissedCouponAndEverythingAfterFromItsOrigin() {
    Disrupted missed = new Disrupted(DisruptionKind.MISSED_CONNECTION, DEN_SLC.flightId(), "DEN", "SLC",
        DEN_SLC.departure(), DEN_SLC.arrival(), null, null);

    Need need = need(missed, JOURNEY, NOW);

    assertThat(need.rebook()).isTrue();
    assertThat(need.replaced()).containsExactly(DEN_SLC, SLC_SEA);
    assertThat(need.disruptedCoupon()).isEqualTo(DEN_SLC);
    assertThat(need.from()).isEqualTo("DEN");
    assertThat(need.to()).isEqualTo("SEA");
    assertThat(need.readyAt().toInstant()).isEqualTo(t("2026-11-22T10:20-07:00").toInstant());
  }

  @Test
  void aPassengerWithNoLiveCouponOnTheFlightIsNotAffected() {
    // She has been moved off it already (e.g. by her urgent case's rebooking).
    Disrupted other = new Disrupted(DisruptionKind.FLIGHT_CANCELLED, 999, "MDW", "DEN", MDW_DEN.departure(),
        MDW_DEN.arrival(), null, null);

    Optional<Need> need = AffectedRule.of(other, JOURNEY, NOW, READY, MCT);

    assertThat(need).isEmpty();
    assertThat(AffectedRule.of(cancelled(MDW_DEN), List.of(), NOW, READY, MCT)).isEmpty();
  }
}
