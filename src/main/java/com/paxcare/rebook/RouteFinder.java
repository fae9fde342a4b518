package com.paxcare.rebook;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the itinerary that arrives earliest at the passenger's destination.
 *
 * <p>The search is a memoised depth-limited search over flights: the best completion from a flight (given how many
 * legs are left and which airports are already visited) is computed once and reused. Since a completion's own
 * order (arrival, legs, flight ids) is exactly how it ranks inside any itinerary that starts with the same prefix,
 * best completions compose into the best itinerary. For three legs the work is about the number of (flight,
 * onward flight) pairs at connecting airports — quadratic at worst, not exponential.
 */
public final class RouteFinder {

    private RouteFinder() {
    }

    /**
     * The itinerary from {@code from} to {@code to} that arrives earliest, or empty when none.
     *
     * <ul>
     *   <li>the first leg departs at or after {@code readyAt}; at each connecting airport the next leg departs at or
     *       after the previous arrival plus {@code mct.at(airport)}; the last leg arrives at or before
     *       {@code readyAt + horizon}; at most {@code maxLegs} legs; no airport is visited twice;</li>
     *   <li>each leg uses the booked cabin when it has a free seat, else the lowest-ranked cabin above it with a free
     *       seat. Only when no such itinerary exists at all is the search repeated allowing, on a leg with neither,
     *       the highest-ranked cabin below the booked one with a free seat;</li>
     *   <li>ties: earliest arrival, then fewer legs, then later first departure, then the lowest sequence of flight
     *       ids (compared leg by leg).</li>
     * </ul>
     * Airport codes and cabin letters are compared case-insensitively. Flights that arrive before they depart are
     * ignored as malformed. Cabins of the same rank as the booked one but a different letter (J vs C) count as
     * neither upgrade nor downgrade and are not used; among several cabins of the chosen rank the alphabetically
     * first letter is taken.
     */
    public static Optional<Itinerary> earliestArrival(String from, String to, OffsetDateTime readyAt,
                                                      String bookedCabin, List<FlightOption> candidates,
                                                      MinimumConnectingTimes mct, Duration horizon, int maxLegs) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(readyAt, "readyAt");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(mct, "mct");
        Objects.requireNonNull(horizon, "horizon");
        if (maxLegs < 1) {
            throw new IllegalArgumentException("maxLegs must be at least 1, was " + maxLegs);
        }
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("horizon is negative: " + horizon);
        }
        String origin = airport(from);
        String destination = airport(to);
        if (origin.equals(destination)) {
            return Optional.empty();
        }
        Optional<Itinerary> plain = new Search(origin, destination, readyAt, bookedCabin, candidates, mct,
                horizon, maxLegs, false).run();
        if (plain.isPresent()) {
            return plain;
        }
        return new Search(origin, destination, readyAt, bookedCabin, candidates, mct, horizon, maxLegs, true).run();
    }

    /** The cabin to sell on a flight, or null when the flight is unusable for this passenger. */
    static String cabinFor(FlightOption flight, String bookedCabin, boolean allowDowngrade) {
        String booked = Cabins.normalize(bookedCabin);
        int bookedRank = Cabins.rank(booked);
        if (flight.free(booked) > 0) {
            return booked;
        }
        String up = null;
        String down = null;
        for (String raw : flight.freeSeats().keySet()) {
            String cabin = Cabins.normalize(raw);
            if (cabin.isEmpty() || flight.free(cabin) <= 0) {
                continue;
            }
            int rank = Cabins.rank(cabin);
            if (rank > bookedRank && (up == null || rank < Cabins.rank(up)
                    || rank == Cabins.rank(up) && cabin.compareTo(up) < 0)) {
                up = cabin;
            } else if (rank < bookedRank && (down == null || rank > Cabins.rank(down)
                    || rank == Cabins.rank(down) && cabin.compareTo(down) < 0)) {
                down = cabin;
            }
        }
        if (up != null) {
            return up;
        }
        return allowDowngrade ? down : null;
    }

    private static String airport(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    /** One usable flight with its precomputed facts. */
    private record Node(int index, FlightOption flight, String origin, String destination, Instant departure,
                        Instant arrival, String cabin) {
    }

    /** A completion from some flight to the destination: its nodes in order. */
    private record Path(List<Node> nodes) {
        Instant arrival() {
            return nodes.get(nodes.size() - 1).arrival();
        }

        Path prepend(Node node) {
            List<Node> list = new ArrayList<>(nodes.size() + 1);
            list.add(node);
            list.addAll(nodes);
            return new Path(list);
        }
    }

    private record State(int index, int legsLeft, Set<String> visited) {
    }

    /** Arrival, then fewer legs, then lowest flight-id sequence: how completions of one prefix rank. */
    private static final Comparator<Path> COMPLETION = Comparator.comparing(Path::arrival)
            .thenComparingInt(p -> p.nodes().size())
            .thenComparing(RouteFinder::compareIds);

    /** Full ranking: arrival, fewer legs, later first departure, lowest flight-id sequence. */
    private static final Comparator<Path> ITINERARY = Comparator.comparing(Path::arrival)
            .thenComparingInt(p -> p.nodes().size())
            .thenComparing(p -> p.nodes().get(0).departure(), Comparator.reverseOrder())
            .thenComparing(RouteFinder::compareIds);

    private static int compareIds(Path a, Path b) {
        int n = Math.min(a.nodes().size(), b.nodes().size());
        for (int i = 0; i < n; i++) {
            int c = Long.compare(a.nodes().get(i).flight().flightId(), b.nodes().get(i).flight().flightId());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.nodes().size(), b.nodes().size());
    }

    private static final class Search {
        private final String from;
        private final String to;
        private final MinimumConnectingTimes mct;
        private final int maxLegs;
        /** Usable flights by origin airport, sorted by departure. */
        private final Map<String, List<Node>> byOrigin = new HashMap<>();
        private final Map<State, Optional<Path>> memo = new HashMap<>();

        Search(String from, String to, OffsetDateTime readyAt, String bookedCabin, List<FlightOption> candidates,
               MinimumConnectingTimes mct, Duration horizon, int maxLegs, boolean allowDowngrade) {
            this.from = from;
            this.to = to;
            this.mct = mct;
            this.maxLegs = maxLegs;
            Instant ready = readyAt.toInstant();
            Instant deadline = ready.plus(horizon);
            int index = 0;
            for (FlightOption f : candidates) {
                if (f == null) {
                    continue;
                }
                Instant dep = f.departure().toInstant();
                Instant arr = f.arrival().toInstant();
                // Every leg departs no earlier than the first (>= readyAt) and arrives no later than the last
                // (<= deadline), so flights outside that window can never be part of an itinerary.
                if (dep.isBefore(ready) || arr.isAfter(deadline) || arr.isBefore(dep)) {
                    continue;
                }
                String cabin = cabinFor(f, bookedCabin, allowDowngrade);
                if (cabin == null) {
                    continue;
                }
                Node node = new Node(index++, f, airport(f.origin()), airport(f.destination()), dep, arr, cabin);
                if (node.origin().equals(node.destination())) {
                    continue;
                }
                byOrigin.computeIfAbsent(node.origin(), k -> new ArrayList<>()).add(node);
            }
            for (List<Node> list : byOrigin.values()) {
                list.sort(Comparator.comparing(Node::departure).thenComparingLong(n -> n.flight().flightId()));
            }
        }

        Optional<Itinerary> run() {
            Path best = null;
            Set<String> visited = Set.of(from);
            for (Node first : byOrigin.getOrDefault(from, List.of())) {
                if (best != null && first.arrival().isAfter(best.arrival())) {
                    continue;
                }
                Optional<Path> path = complete(first, maxLegs, visited);
                if (path.isPresent() && (best == null || ITINERARY.compare(path.get(), best) < 0)) {
                    best = path.get();
                }
            }
            if (best == null) {
                return Optional.empty();
            }
            List<Leg> legs = new ArrayList<>();
            for (Node n : best.nodes()) {
                legs.add(new Leg(n.flight(), n.cabin()));
            }
            return Optional.of(new Itinerary(legs));
        }

        /**
         * The best completion that starts with {@code node}, using at most {@code legsLeft} legs (node included),
         * where {@code visited} holds the airports already visited, node's origin included.
         */
        private Optional<Path> complete(Node node, int legsLeft, Set<String> visited) {
            String here = node.destination();
            if (here.equals(to)) {
                return Optional.of(new Path(List.of(node)));
            }
            if (legsLeft <= 1 || visited.contains(here)) {
                return Optional.empty();
            }
            State key = new State(node.index(), legsLeft, visited);
            Optional<Path> cached = memo.get(key);
            if (cached != null) {
                return cached;
            }
            List<Node> onward = byOrigin.getOrDefault(here, List.of());
            Instant earliest = node.arrival().plus(mct.at(here));
            Set<String> nextVisited = new HashSet<>(visited);
            nextVisited.add(here);
            nextVisited = Set.copyOf(nextVisited);
            Path best = null;
            for (int i = firstDepartingAtOrAfter(onward, earliest); i < onward.size(); i++) {
                Node next = onward.get(i);
                if (nextVisited.contains(next.destination())
                        || best != null && next.arrival().isAfter(best.arrival())) {
                    continue;
                }
                Optional<Path> rest = complete(next, legsLeft - 1, nextVisited);
                if (rest.isPresent() && (best == null || COMPLETION.compare(rest.get(), best) < 0)) {
                    best = rest.get();
                }
            }
            Optional<Path> result = best == null ? Optional.empty() : Optional.of(best.prepend(node));
            memo.put(key, result);
            return result;
        }

        private static int firstDepartingAtOrAfter(List<Node> sorted, Instant earliest) {
            int lo = 0;
            int hi = sorted.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted.get(mid).departure().isBefore(earliest)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
