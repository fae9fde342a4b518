package com.paxcare.rebook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The airline's seat layout convention. Cabins are laid out front to back by descending rank (equal ranks by
 * letter); premium cabins (rank 3 and up) are 4 abreast, A C D F; the others 6 abreast, A to F. Rows are numbered
 * from 1 continuously, except that the first non-premium row is never below 5 — so with J in rows 1–4 (or fewer)
 * economy starts at row 5. A cabin of capacity n has exactly its first n seats, row by row, letter by letter.
 */
public final class SeatMap {

    private static final char[] PREMIUM = {'A', 'C', 'D', 'F'};
    private static final char[] STANDARD = {'A', 'B', 'C', 'D', 'E', 'F'};
    private static final int FIRST_NON_PREMIUM_ROW = 5;

    private SeatMap() {
    }

    /**
     * The first seat of {@code cabin} (row by row, letter by letter) not in {@code takenOnFlight}; empty when the
     * cabin is unknown, has no capacity, or every seat is taken. Cabin letters and seat labels are compared
     * case-insensitively.
     */
    public static Optional<String> firstFreeSeat(String cabin, Map<String, Integer> capacityByCabin,
                                                 Set<String> takenOnFlight) {
        String wanted = Cabins.normalize(cabin);
        if (wanted.isEmpty() || capacityByCabin == null) {
            return Optional.empty();
        }
        Set<String> taken = takenOnFlight == null ? Set.of() : takenOnFlight.stream()
                .filter(s -> s != null)
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());

        List<Map.Entry<String, Integer>> cabins = new ArrayList<>();
        for (Map.Entry<String, Integer> e : capacityByCabin.entrySet()) {
            if (e.getKey() != null && e.getValue() != null && e.getValue() > 0) {
                cabins.add(Map.entry(Cabins.normalize(e.getKey()), e.getValue()));
            }
        }
        cabins.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -Cabins.rank(e.getKey()))
                .thenComparing(Map.Entry::getKey));

        int row = 1;
        boolean nonPremiumStarted = false;
        for (Map.Entry<String, Integer> e : cabins) {
            boolean premium = Cabins.rank(e.getKey()) >= 3;
            char[] letters = premium ? PREMIUM : STANDARD;
            if (!premium && !nonPremiumStarted) {
                row = Math.max(row, FIRST_NON_PREMIUM_ROW);
                nonPremiumStarted = true;
            }
            int capacity = e.getValue();
            if (e.getKey().equals(wanted)) {
                for (int i = 0; i < capacity; i++) {
                    String seat = (row + i / letters.length) + String.valueOf(letters[i % letters.length]);
                    if (!taken.contains(seat)) {
                        return Optional.of(seat);
                    }
                }
                return Optional.empty();
            }
            row += (capacity + letters.length - 1) / letters.length;
        }
        return Optional.empty();
    }
}
