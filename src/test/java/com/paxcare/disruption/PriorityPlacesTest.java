package com.paxcare.disruption;

import com.paxcare.disruption.DisruptionReads.PaxKey;
import com.paxcare.disruption.ReaccommodationOrder.Affected;
import com.paxcare.locate.Whereabouts.Coupon;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order a disrupted flight's passengers are worked in, as the survey records it: the priority rule, then each
 * booking's passengers going the same way brought together so a family is worked (and seated) as one.
 */
class PriorityPlacesTest {
  private static final OffsetDateTime READY = OffsetDateTime.parse("2026-11-22T10:00-06:00");
  private static final Coupon CANCELLED = new Coupon(1, 101, "PX100", "2026-11-22", "MDW", "DEN",
      OffsetDateTime.parse("2026-11-22T08:00-06:00"), OffsetDateTime.parse("2026-11-22T09:40-07:00"), null,
      "CANCELLED", "Y", null, "CONFIRMED", null, null, null);

  /** The passengers, in the order the survey found them, and what the disruption means for each. */
  private final List<Affected> affected = new ArrayList<>();
  private final Map<PaxKey, AffectedRule.Need> needs = new LinkedHashMap<>();

  private void add(String pnr, String paxId, Set<String> ssr, Integer slack, String tier, long booked, String to) {
    affected.add(new Affected(pnr, paxId, false, ssr, slack, tier, booked));
    needs.put(new PaxKey(pnr, paxId), new AffectedRule.Need(true, "MDW", to, READY, List.of(CANCELLED), CANCELLED,
        slack));
  }

  private void add(String pnr, String paxId, Set<String> ssr, Integer slack, String tier, long booked) {
    add(pnr, paxId, ssr, slack, tier, booked, "DEN");
  }

  private List<Survey.Placed> order(Set<PaxKey> withOpenUrgentCase) {
    return Survey.order(affected, needs, withOpenUrgentCase);
  }

  private static List<String> who(List<Survey.Placed> placed) {
    return placed.stream().map(p -> p.pax().pnr() + "/" + p.pax().paxId()).toList();
  }

  @Test
  void urgentCaseThenAssistanceThenTightestConnectionThenTierThenBookingOrder() {
    add("LATE01", "P1", Set.of(), null, "NONE", 90);
    add("EARLY1", "P1", Set.of(), null, "NONE", 10);
    add("GOLD01", "P1", Set.of(), null, "GOLD", 80);
    add("PLAT01", "P1", Set.of(), null, "PLATINUM", 85);
    add("LOOSE1", "P1", Set.of(), 75, "PLATINUM", 20);
    add("TIGHT1", "P1", Set.of(), 5, "NONE", 70);
    add("WCHR01", "P1", Set.of("WCHR"), null, "NONE", 60);
    add("UMNR01", "P1", Set.of("UMNR"), 30, "NONE", 50);
    add("URGENT", "P1", Set.of(), null, "NONE", 99);

    List<Survey.Placed> placed = order(Set.of(new PaxKey("URGENT", "P1")));

    assertThat(who(placed)).containsExactly("URGENT/P1", "UMNR01/P1", "WCHR01/P1", "TIGHT1/P1", "LOOSE1/P1",
        "PLAT01/P1", "GOLD01/P1", "EARLY1/P1", "LATE01/P1");
    assertThat(placed).extracting(p -> p.place().reason()).containsExactly(
        "open urgent case",
        "needs assistance: UMNR",
        "needs assistance: WCHR",
        "onward connection at risk, 5 min slack",
        "onward connection at risk, 75 min slack",
        "frequent flyer PLATINUM",
        "frequent flyer GOLD",
        "booking order",
        "booking order");
    assertThat(placed).extracting(p -> p.place().group()).containsExactly(1, 2, 2, 3, 3, 4, 4, 5, 5);
  }

  @Test
  void anOpenUrgentCaseOutranksEveryOtherReason() {
    add("WCHR01", "P1", Set.of("WCHR"), 1, "PLATINUM", 1);
    add("URGENT", "P1", Set.of(), null, "NONE", 99);

    List<Survey.Placed> placed = order(Set.of(new PaxKey("URGENT", "P1")));

    assertThat(who(placed)).containsExactly("URGENT/P1", "WCHR01/P1");
    assertThat(placed.get(0).place()).isEqualTo(new ReaccommodationOrder.Place(1, "open urgent case"));
  }

  @Test
  void aBookingsCompanionsGoingTheSameWayArePulledUpRightAfterTheFirstOfThem() {
    // The family: the father needs a wheelchair (group 2); mother and son alone would be in booking order (5).
    add("FAMILY", "P1", Set.of(), null, "NONE", 100);
    add("FAMILY", "P2", Set.of("WCHR"), null, "NONE", 100);
    add("FAMILY", "P3", Set.of("CHLD"), null, "NONE", 100);
    add("GOLD01", "P1", Set.of(), null, "GOLD", 50);
    add("EARLY1", "P1", Set.of(), null, "NONE", 1);

    List<Survey.Placed> placed = order(Set.of());

    assertThat(who(placed)).containsExactly("FAMILY/P2", "FAMILY/P1", "FAMILY/P3", "GOLD01/P1", "EARLY1/P1");
    assertThat(placed.get(0).place().reason()).isEqualTo("needs assistance: WCHR");
    assertThat(placed.get(1).place().reason()).isEqualTo("booking order; travels with FAMILY passenger P2");
    assertThat(placed.get(2).place().reason()).isEqualTo("booking order; travels with FAMILY passenger P2");
    // They keep their own group: only their place in the line moves.
    assertThat(placed.get(1).place().group()).isEqualTo(5);
    assertThat(placed.get(3).place().reason()).isEqualTo("frequent flyer GOLD");
  }

  @Test
  void companionsOfAnUrgentCasePassengerTravelWithHer() {
    add("OTHERS", "P1", Set.of("UMNR"), null, "NONE", 1);
    add("FAMILY", "P1", Set.of(), null, "NONE", 100);
    add("FAMILY", "P2", Set.of(), null, "NONE", 100);

    List<Survey.Placed> placed = order(Set.of(new PaxKey("FAMILY", "P2")));

    assertThat(who(placed)).containsExactly("FAMILY/P2", "FAMILY/P1", "OTHERS/P1");
    assertThat(placed.get(1).place().reason()).contains("travels with FAMILY passenger P2");
  }

  @Test
  void aCompanionGoingElsewhereIsNotPulledUp() {
    add("FAMILY", "P1", Set.of("WCHR"), null, "NONE", 100, "DEN");
    add("FAMILY", "P2", Set.of(), null, "NONE", 100, "SLC");
    add("GOLD01", "P1", Set.of(), null, "GOLD", 50, "DEN");

    List<Survey.Placed> placed = order(Set.of());

    assertThat(who(placed)).containsExactly("FAMILY/P1", "GOLD01/P1", "FAMILY/P2");
    assertThat(placed.get(2).place().reason()).isEqualTo("booking order").doesNotContain("travels with");
    assertThat(placed.get(2).need().to()).isEqualTo("SLC");
  }

  @Test
  void aPassengerOfAnotherBookingGoingTheSameWayIsNotPulledUp() {
    add("FAMILY", "P1", Set.of("WCHR"), null, "NONE", 100);
    add("GOLD01", "P1", Set.of(), null, "GOLD", 50);
    add("STRNGR", "P1", Set.of(), null, "NONE", 100);

    List<Survey.Placed> placed = order(Set.of());

    assertThat(who(placed)).containsExactly("FAMILY/P1", "GOLD01/P1", "STRNGR/P1");
    assertThat(placed).extracting(p -> p.place().reason()).noneMatch(r -> r.contains("travels with"));
  }

  @Test
  void everyoneIsInTheOrderExactlyOnceWithTheirOwnNeed() {
    add("FAMILY", "P1", Set.of(), 20, "NONE", 100);
    add("FAMILY", "P2", Set.of("CHLD"), 20, "NONE", 100);
    add("FAMILY", "P3", Set.of(), null, "SILVER", 100, "SLC");
    add("COUPLE", "P1", Set.of(), null, "GOLD", 30);
    add("COUPLE", "P2", Set.of("MEDA"), null, "NONE", 30);
    add("SOLO01", "P1", Set.of(), 10, "NONE", 5);
    add("SOLO02", "P1", Set.of(), null, "NONE", 6);

    List<Survey.Placed> placed = order(Set.of(new PaxKey("SOLO02", "P1")));

    assertThat(placed).hasSize(affected.size());
    assertThat(placed).extracting(Survey.Placed::pax).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(needs.keySet());
    placed.forEach(p -> assertThat(p.need()).isSameAs(needs.get(p.pax())));
    assertThat(who(placed)).containsExactly("SOLO02/P1", "COUPLE/P2", "COUPLE/P1", "SOLO01/P1", "FAMILY/P1",
        "FAMILY/P2", "FAMILY/P3");
  }
}
