package com.paxcare.rebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeatMapTest {

    /** The demo airline: 16 J seats in rows 1-4, 137 Y seats from row 5. */
    private static final Map<String, Integer> DEMO = Map.of("J", 16, "Y", 137);

    @Test
    void firstFreeSeatOfAnEmptyCabin() {
        assertThat(SeatMap.firstFreeSeat("J", DEMO, Set.of())).contains("1A");
        assertThat(SeatMap.firstFreeSeat("Y", DEMO, Set.of())).contains("5A");
    }

    @Test
    void skipsTakenSeatsLetterByLetterThenRowByRow() {
        assertThat(SeatMap.firstFreeSeat("Y", DEMO, Set.of("5A", "5B"))).contains("5C");
        assertThat(SeatMap.firstFreeSeat("Y", DEMO, Set.of("5A", "5B", "5C", "5D", "5E", "5F"))).contains("6A");
        assertThat(SeatMap.firstFreeSeat("Y", DEMO, Set.of("5a", " 5B "))).contains("5C");
        assertThat(SeatMap.firstFreeSeat("Y", DEMO, Set.of("1A", "5B"))).contains("5A");
    }

    @Test
    void premiumCabinsAreFourAbreastACDF() {
        assertThat(SeatMap.firstFreeSeat("J", DEMO, Set.of("1A"))).contains("1C");
        assertThat(SeatMap.firstFreeSeat("J", DEMO, Set.of("1A", "1C"))).contains("1D");
        assertThat(SeatMap.firstFreeSeat("J", DEMO, Set.of("1A", "1C", "1D"))).contains("1F");
        assertThat(SeatMap.firstFreeSeat("J", DEMO, Set.of("1A", "1C", "1D", "1F"))).contains("2A");
        assertThat(allSeats("J", DEMO)).hasSize(16).startsWith("1A", "1C", "1D", "1F", "2A").endsWith("4F")
                .noneMatch(s -> s.endsWith("B") || s.endsWith("E"));
    }

    @Test
    void economyStartsAtRowFiveAndIsSixAbreast() {
        List<String> economy = allSeats("Y", DEMO);
        assertThat(economy).hasSize(137).startsWith("5A", "5B", "5C", "5D", "5E", "5F", "6A");
        // 137 = 22 full rows (5-26) + 5 seats in row 27.
        assertThat(economy).endsWith("26F", "27A", "27B", "27C", "27D", "27E");
        // Economy alone, or behind a small premium cabin, still starts at row 5.
        assertThat(SeatMap.firstFreeSeat("Y", Map.of("Y", 60), Set.of())).contains("5A");
        assertThat(SeatMap.firstFreeSeat("Y", Map.of("J", 4, "Y", 60), Set.of())).contains("5A");
    }

    @Test
    void rowsContinueWhenPremiumTakesMoreThanFourRows() {
        Map<String, Integer> big = new LinkedHashMap<>();
        big.put("Y", 120);
        big.put("W", 24);
        big.put("J", 20);
        big.put("F", 8);
        // F rows 1-2, J rows 3-7, W (not premium) rows 8-11, Y from row 12.
        assertThat(SeatMap.firstFreeSeat("F", big, Set.of())).contains("1A");
        assertThat(SeatMap.firstFreeSeat("J", big, Set.of())).contains("3A");
        assertThat(SeatMap.firstFreeSeat("W", big, Set.of())).contains("8A");
        assertThat(SeatMap.firstFreeSeat("Y", big, Set.of())).contains("12A");
        assertThat(allSeats("W", big)).hasSize(24).endsWith("11F");
    }

    @Test
    void premiumEconomyAloneBehindBusinessStartsAtRowFive() {
        assertThat(SeatMap.firstFreeSeat("W", Map.of("J", 8, "W", 12, "Y", 90), Set.of())).contains("5A");
        assertThat(SeatMap.firstFreeSeat("Y", Map.of("J", 8, "W", 12, "Y", 90), Set.of())).contains("7A");
    }

    @Test
    void capacityLimitsTheSeatsAndAFullCabinGivesNothing() {
        Set<String> allEconomy = new HashSet<>(allSeats("Y", DEMO));
        assertThat(SeatMap.firstFreeSeat("Y", DEMO, allEconomy)).isEmpty();
        // 27F would exist in a full row, but seat 138 is beyond capacity.
        assertThat(allSeats("Y", DEMO)).doesNotContain("27F");
        assertThat(SeatMap.firstFreeSeat("J", Map.of("J", 2), Set.of("1A", "1C"))).isEmpty();
    }

    @Test
    void unknownOrEmptyCabinGivesNothing() {
        assertThat(SeatMap.firstFreeSeat("F", DEMO, Set.of())).isEmpty();
        assertThat(SeatMap.firstFreeSeat("Y", Map.of("J", 16, "Y", 0), Set.of())).isEmpty();
        assertThat(SeatMap.firstFreeSeat("y", DEMO, Set.of())).contains("5A");
    }

    @Test
    void matchesTheDemoAirlinesThreeAircraft() {
        // 137 Y + 6 J: J is 1A 1C 1D 1F 2A 2C, Y from 5A.
        Map<String, Integer> twoClass = Map.of("Y", 137, "J", 6);
        assertThat(allSeats("J", twoClass)).containsExactly("1A", "1C", "1D", "1F", "2A", "2C");
        assertThat(allSeats("Y", twoClass)).startsWith("5A").contains("14C").endsWith("27E");
        // 150 Y only: rows 5-29.
        assertThat(allSeats("Y", Map.of("Y", 150))).hasSize(150).startsWith("5A").endsWith("29F");
        // 170 Y + 12 J: J rows 1-3, Y rows 5-33 (row 33 A-B).
        Map<String, Integer> bigger = Map.of("Y", 170, "J", 12);
        assertThat(allSeats("J", bigger)).hasSize(12).endsWith("3F");
        assertThat(allSeats("Y", bigger)).hasSize(170).startsWith("5A").endsWith("33A", "33B");
    }

    /** Every seat of a cabin in order, found by taking them one by one. */
    private static List<String> allSeats(String cabin, Map<String, Integer> capacity) {
        Set<String> taken = new HashSet<>();
        List<String> seats = new ArrayList<>();
        Optional<String> next;
        while ((next = SeatMap.firstFreeSeat(cabin, capacity, taken)).isPresent()) {
            seats.add(next.get());
            taken.add(next.get());
        }
        return seats;
    }
}
