package com.paxcare.disruption;

import com.paxcare.locate.Whereabouts.Coupon;
import com.paxcare.rebook.MinimumConnectingTimes;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What a disruption means for one passenger's journey: which of her coupons must be replaced, from which
 * airport and from when she can travel again, and how much slack her onward connection had.
 * <ul>
 *   <li>Cancelled: the cancelled coupon and everything after it, from the cancelled flight's origin.
 *   <li>Delayed: she keeps the delayed flight; only an onward connection the new arrival misses (arrival plus
 *       the minimum connecting time after its departure) is replaced, from the connecting airport.
 *   <li>Diverted: she lands at the diversion airport; what was to follow is replaced, from there.
 *   <li>Missed connection: the missed coupon and everything after it, from its origin.
 * </ul>
 */
public final class AffectedRule {
  private AffectedRule() {
  }

  /** The disrupted flight as the rule needs it (times as scheduled before the event). */
  public record Disrupted(DisruptionKind kind, long flightId, String origin, String destination,
      OffsetDateTime departure, OffsetDateTime arrival, Duration delay, String divertedTo) {
    public OffsetDateTime newArrival() {
      return delay == null ? arrival : arrival.plus(delay);
    }
  }

  /**
   * Her need. {@code rebook} false: she keeps her flight (a delay with her connection still made, or a
   * diversion to where she was going anyway).
   *
   * @param replaced               coupons to cancel when she is rebooked
   * @param connectionSlackMinutes minutes her onward connection had beyond the minimum connecting time, on the
   *                               schedule as it now is (negative: missed); null without an onward flight
   */
  public record Need(boolean rebook, String from, String to, OffsetDateTime readyAt, List<Coupon> replaced,
      Coupon disruptedCoupon, Integer connectionSlackMinutes) {
  }

  /**
   * @param coupons her live coupons in order of departure
   * @return empty when she holds no live coupon on the disrupted flight (she has been moved already)
   */
  public static Optional<Need> of(Disrupted flight, List<Coupon> coupons, OffsetDateTime now, Duration ready,
      MinimumConnectingTimes mct) {
    int at = -1;
    for (int i = 0; i < coupons.size(); i++) {
      if (coupons.get(i).flightId() == flight.flightId()) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return Optional.empty();
    }
    Coupon disrupted = coupons.get(at);
    String finalDestination = coupons.get(coupons.size() - 1).destination();
    Coupon onward = at + 1 < coupons.size() ? coupons.get(at + 1) : null;
    OffsetDateTime soonest = now.plus(ready);
    Integer slack = onward == null ? null : (int) Duration.between(
        flight.newArrival().plus(mct.at(flight.destination())), onward.departure()).toMinutes();
    List<Coupon> fromHere = coupons.subList(at, coupons.size());
    List<Coupon> afterHere = coupons.subList(at + 1, coupons.size());
    return Optional.of(switch (flight.kind()) {
      case FLIGHT_CANCELLED, MISSED_CONNECTION -> {
        OffsetDateTime readyAt = soonest;
        if (at > 0) {
          OffsetDateTime connecting = coupons.get(at - 1).arrival().plus(mct.at(flight.origin()));
          readyAt = later(readyAt, connecting);
        }
        yield new Need(true, flight.origin(), finalDestination, readyAt, List.copyOf(fromHere), disrupted, slack);
      }
      case FLIGHT_DELAYED -> {
        boolean missed = slack != null && slack < 0;
        yield new Need(missed, flight.destination(), finalDestination,
            later(soonest, flight.newArrival().plus(mct.at(flight.destination()))),
            missed ? List.copyOf(afterHere) : List.of(), disrupted, slack);
      }
      case FLIGHT_DIVERTED -> {
        boolean there = flight.divertedTo().equals(finalDestination);
        yield new Need(!there, flight.divertedTo(), finalDestination,
            later(soonest, flight.arrival().plus(mct.at(flight.divertedTo()))),
            there ? List.of() : List.copyOf(afterHere), disrupted, slack);
      }
    });
  }

  private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
    return a.isAfter(b) ? a : b;
  }
}
