package com.paxcare.disruption;

import com.paxcare.disruption.ReaccommodationOrder.Affected;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReaccommodationOrderTest {
  private static Affected pax(String name, boolean urgent, Set<String> ssr, Integer slack, String tier, long booked) {
    return new Affected(name, "P1", urgent, ssr, slack, tier, booked);
  }

  @Test
  void urgentCasesThenAssistanceThenTightestConnectionsThenTierThenBookingOrder() {
    Affected lateBookedNobody = pax("NOBODY", false, Set.of(), null, "NONE", 9);
    Affected earlyBookedNobody = pax("EARLY", false, Set.of(), null, "NONE", 1);
    Affected gold = pax("GOLD", false, Set.of(), null, "GOLD", 8);
    Affected platinum = pax("PLAT", false, Set.of(), null, "PLATINUM", 7);
    Affected loose = pax("LOOSE", false, Set.of(), 90, "PLATINUM", 2);
    Affected tight = pax("TIGHT", false, Set.of(), 15, "NONE", 6);
    Affected minor = pax("MINOR", false, Set.of("UMNR"), 10, "NONE", 5);
    Affected urgent = pax("URGENT", true, Set.of(), null, "NONE", 4);

    List<Affected> order = ReaccommodationOrder.sort(List.of(lateBookedNobody, earlyBookedNobody, gold, platinum,
        loose, tight, minor, urgent));

    assertThat(order).extracting(Affected::pnr)
        .containsExactly("URGENT", "MINOR", "TIGHT", "LOOSE", "PLAT", "GOLD", "EARLY", "NOBODY");
  }

  @Test
  void everyPlaceSaysWhy() {
    assertThat(ReaccommodationOrder.placeOf(pax("A", true, Set.of("WCHR"), 5, "GOLD", 1)).reason())
        .isEqualTo("open urgent case");
    assertThat(ReaccommodationOrder.placeOf(pax("A", false, Set.of("WCHR", "VGML", "MEDA"), 5, "GOLD", 1)).reason())
        .as("meal requests do not count").isEqualTo("needs assistance: MEDA, WCHR");
    assertThat(ReaccommodationOrder.placeOf(pax("A", false, Set.of("VGML"), 25, "GOLD", 1)).reason())
        .isEqualTo("onward connection at risk, 25 min slack");
    assertThat(ReaccommodationOrder.placeOf(pax("A", false, Set.of(), null, "SILVER", 1)).reason())
        .isEqualTo("frequent flyer SILVER");
    assertThat(ReaccommodationOrder.placeOf(pax("A", false, Set.of(), null, "TIN", 1)))
        .as("an unknown tier counts as none").isEqualTo(new ReaccommodationOrder.Place(5, "booking order"));
  }
}
