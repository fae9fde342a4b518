package com.paxcare.disruption;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The order in which a disrupted flight's passengers are re-accommodated, when they compete for the same few
 * seats. Each passenger's place comes with the reason, which is kept on their case so that an agent can explain
 * it. In order:
 * <ol>
 *   <li>an open urgent personal case (family emergency, medical, bereavement): they were already being helped;
 *   <li>unaccompanied minors and passengers needing assistance (UMNR, WCHR, WCHS, WCHC, MEDA, DPNA): the least
 *       able to fend for themselves in a crowded terminal;
 *   <li>onward connections at risk, tightest first: a missed connection multiplies the disruption;
 *   <li>frequent-flyer tier, highest first: the airline's commercial commitment;
 *   <li>booking order: first booked, first served.
 * </ol>
 */
public final class ReaccommodationOrder {
  /** Special service requests that put a passenger in the second group (IATA SSR codes). */
  static final Set<String> NEEDS_ASSISTANCE = Set.of("UMNR", "WCHR", "WCHS", "WCHC", "MEDA", "DPNA");
  /** Tiers, lowest first; an unknown tier counts as none. */
  static final List<String> TIERS = List.of("NONE", "SILVER", "GOLD", "PLATINUM");

  private ReaccommodationOrder() {
  }

  /**
   * One affected passenger, as the rule sees them.
   *
   * @param connectionSlackMinutes minutes between the disrupted flight's arrival and the onward departure, less
   *                               the connecting time needed; null when there is no onward flight
   * @param bookedOrder            when the booking was made, as a sortable number (earlier is smaller)
   */
  public record Affected(String pnr, String passengerId, boolean openUrgentCase, Set<String> ssr,
      Integer connectionSlackMinutes, String tier, long bookedOrder) {
  }

  /** A passenger's place: the group, the reason in words, and where they stand within the group. */
  public record Place(int group, String reason) {
  }

  public static Place placeOf(Affected passenger) {
    if (passenger.openUrgentCase()) {
      return new Place(1, "open urgent case");
    }
    List<String> needs = passenger.ssr().stream().filter(NEEDS_ASSISTANCE::contains).sorted().toList();
    if (!needs.isEmpty()) {
      return new Place(2, "needs assistance: " + String.join(", ", needs));
    }
    if (passenger.connectionSlackMinutes() != null) {
      return new Place(3, "onward connection at risk, " + passenger.connectionSlackMinutes() + " min slack");
    }
    int tier = tierRank(passenger.tier());
    if (tier > 0) {
      return new Place(4, "frequent flyer " + passenger.tier());
    }
    return new Place(5, "booking order");
  }

  /** Sorts passengers into the order they are re-accommodated in. */
  public static List<Affected> sort(List<Affected> passengers) {
    return passengers.stream().sorted(ORDER).toList();
  }

  private static final Comparator<Affected> ORDER = Comparator
      .comparingInt((Affected p) -> placeOf(p).group())
      // Within the connections group the tightest goes first; elsewhere the slack does not matter.
      .thenComparingInt(p -> placeOf(p).group() == 3 ? p.connectionSlackMinutes() : 0)
      .thenComparing(Comparator.comparingInt((Affected p) -> tierRank(p.tier())).reversed())
      .thenComparingLong(Affected::bookedOrder)
      .thenComparing(Affected::pnr)
      .thenComparing(Affected::passengerId);

  static int tierRank(String tier) {
    int rank = TIERS.indexOf(tier);
    return Math.max(rank, 0);
  }
}
