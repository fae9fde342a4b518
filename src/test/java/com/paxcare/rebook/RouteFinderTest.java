package com.paxcare.rebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RouteFinderTest {

    private static final ZoneOffset CHICAGO = ZoneOffset.ofHours(-6);
    private static final ZoneOffset DENVER = ZoneOffset.ofHours(-7);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final OffsetDateTime NOON = at(12, 0);
    private static final Duration DAY_LONG = Duration.ofHours(24);
    private static final MinimumConnectingTimes MCT_45 = MinimumConnectingTimes.parse("", Duration.ofMinutes(45));

    // --- the realistic story -------------------------------------------------------------------------------

    @Test
    void familyEmergencyMidwayToDenverTakesTheThreePmDirect() {
        OffsetDateTime now = OffsetDateTime.of(2026, 11, 23, 14, 0, 0, 0, CHICAGO);
        FlightOption direct = new FlightOption(501, "PX501", DAY, "MDW", "DEN",
                OffsetDateTime.of(2026, 11, 23, 15, 0, 0, 0, CHICAGO),
                OffsetDateTime.of(2026, 11, 23, 16, 35, 0, 0, DENVER), Map.of("Y", 4, "J", 1));
        FlightOption toStLouis = new FlightOption(610, "PX610", DAY, "MDW", "STL",
                OffsetDateTime.of(2026, 11, 23, 14, 40, 0, 0, CHICAGO),
                OffsetDateTime.of(2026, 11, 23, 15, 50, 0, 0, CHICAGO), Map.of("Y", 9));
        FlightOption stLouisToDenver = new FlightOption(611, "PX611", DAY, "STL", "DEN",
                OffsetDateTime.of(2026, 11, 23, 16, 45, 0, 0, CHICAGO),
                OffsetDateTime.of(2026, 11, 23, 17, 40, 0, 0, DENVER), Map.of("Y", 9));
        FlightOption alreadyGone = new FlightOption(499, "PX499", DAY, "MDW", "DEN",
                OffsetDateTime.of(2026, 11, 23, 13, 30, 0, 0, CHICAGO),
                OffsetDateTime.of(2026, 11, 23, 15, 5, 0, 0, DENVER), Map.of("Y", 20));
        MinimumConnectingTimes mct = MinimumConnectingTimes.parse("MDW=45,DEN=40,ORD=90", Duration.ofMinutes(50));

        Optional<Itinerary> found = RouteFinder.earliestArrival("MDW", "DEN", now, "Y",
                List.of(stLouisToDenver, alreadyGone, toStLouis, direct), mct, Duration.ofHours(12), 3);

        assertThat(found).isPresent();
        Itinerary it = found.get();
        assertThat(it.legs()).extracting(l -> l.flight().flight(), Leg::cabin).containsExactly(
                tuple("PX501", "Y"));
        assertThat(it.departure()).isEqualTo(OffsetDateTime.of(2026, 11, 23, 15, 0, 0, 0, CHICAGO));
        assertThat(it.arrival()).isEqualTo(OffsetDateTime.of(2026, 11, 23, 16, 35, 0, 0, DENVER));
        assertThat(it.upgraded("Y")).isFalse();
        assertThat(it.downgraded("Y")).isFalse();
    }

    // --- direct vs connection -------------------------------------------------------------------------------

    @Test
    void directBeatsConnectionWhenItArrivesEarlier() {
        var direct = f(1, "MDW", "DEN", 13, 0, 15, 0);
        var leg1 = f(2, "MDW", "STL", 12, 30, 13, 30);
        var leg2 = f(3, "STL", "DEN", 14, 30, 16, 0);

        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(leg1, leg2, direct), 3))).containsExactly(1L);
    }

    @Test
    void connectionThatArrivesEarlierBeatsALaterDirect() {
        var direct = f(1, "MDW", "DEN", 17, 0, 19, 0);
        var leg1 = f(2, "MDW", "STL", 12, 30, 13, 30);
        var leg2 = f(3, "STL", "DEN", 14, 30, 16, 0);

        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(direct, leg2, leg1), 3))).containsExactly(2L, 3L);
    }

    @Test
    void threeLegConnectionWhenThatIsTheOnlyWay() {
        var a = f(1, "MDW", "STL", 12, 30, 13, 30);
        var b = f(2, "STL", "MCI", 14, 30, 15, 30);
        var c = f(3, "MCI", "DEN", 16, 30, 17, 30);
        var noise = f(4, "ORD", "LAX", 12, 30, 16, 30);

        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(c, noise, b, a), 3))).containsExactly(1L, 2L, 3L);
        assertThat(find("MDW", "DEN", NOON, "Y", List.of(c, noise, b, a), 2)).isEmpty();
    }

    // --- minimum connecting time ----------------------------------------------------------------------------

    @Test
    void connectionOneMinuteShortOfMctIsRefusedExactlyMctIsAccepted() {
        MinimumConnectingTimes mct = MinimumConnectingTimes.parse("STL=40,ORD=90", Duration.ofMinutes(60));
        var leg1 = f(1, "MDW", "STL", 12, 0, 13, 0);
        var tooSoon = f(2, "STL", "DEN", 13, 39, 15, 0);
        var justRight = f(3, "STL", "DEN", 13, 40, 15, 30);

        assertThat(ids(RouteFinder.earliestArrival("MDW", "DEN", NOON, "Y", List.of(leg1, tooSoon, justRight),
                mct, DAY_LONG, 2))).containsExactly(1L, 3L);
        assertThat(RouteFinder.earliestArrival("MDW", "DEN", NOON, "Y", List.of(leg1, tooSoon),
                mct, DAY_LONG, 2)).isEmpty();
    }

    @Test
    void mctIsTakenAtTheConnectingAirport() {
        // 60 minutes at STL is enough under the STL rule (40) but ORD needs 90.
        MinimumConnectingTimes mct = MinimumConnectingTimes.parse("STL=40,ORD=90", Duration.ofMinutes(30));
        var viaOrd1 = f(1, "MDW", "ORD", 12, 0, 13, 0);
        var viaOrd2 = f(2, "ORD", "DEN", 14, 0, 15, 0);
        var viaStl1 = f(3, "MDW", "STL", 12, 0, 13, 0);
        var viaStl2 = f(4, "STL", "DEN", 14, 0, 15, 10);

        assertThat(ids(RouteFinder.earliestArrival("MDW", "DEN", NOON, "Y",
                List.of(viaOrd1, viaOrd2, viaStl1, viaStl2), mct, DAY_LONG, 2))).containsExactly(3L, 4L);
        // At ORD exactly 90 minutes works.
        var viaOrd2Later = f(5, "ORD", "DEN", 14, 30, 15, 5);
        assertThat(ids(RouteFinder.earliestArrival("MDW", "DEN", NOON, "Y",
                List.of(viaOrd1, viaOrd2, viaOrd2Later, viaStl1, viaStl2), mct, DAY_LONG, 2)))
                .containsExactly(1L, 5L);
    }

    @Test
    void mctComparesInstantsAcrossTimeZones() {
        // Arrives DEN 13:00 Mountain = 14:00 Chicago; the onward flight departs 14:40 Chicago offset: 40 minutes.
        MinimumConnectingTimes mct = MinimumConnectingTimes.parse("DEN=40", Duration.ofMinutes(90));
        var leg1 = new FlightOption(1, "PX1", DAY, "MDW", "DEN", at(12, 0),
                OffsetDateTime.of(2026, 11, 23, 13, 0, 0, 0, DENVER), Map.of("Y", 1));
        var leg2 = f(2, "DEN", "SLC", 14, 40, 16, 0);

        assertThat(ids(RouteFinder.earliestArrival("MDW", "SLC", NOON, "Y", List.of(leg1, leg2), mct,
                DAY_LONG, 2))).containsExactly(1L, 2L);
    }

    // --- readyAt and horizon --------------------------------------------------------------------------------

    @Test
    void nothingDepartsBeforeThePassengerIsReady() {
        var early = f(1, "MDW", "DEN", 11, 59, 13, 30);
        var onTime = f(2, "MDW", "DEN", 12, 0, 14, 0);
        var later = f(3, "MDW", "DEN", 13, 0, 15, 0);

        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(early, onTime, later), 3))).containsExactly(2L);
        assertThat(find("MDW", "DEN", NOON, "Y", List.of(early), 3)).isEmpty();
    }

    @Test
    void itineraryMustArriveWithinTheHorizon() {
        var flight = f(1, "MDW", "DEN", 13, 0, 15, 0);

        assertThat(ids(RouteFinder.earliestArrival("MDW", "DEN", NOON, "Y", List.of(flight), MCT_45,
                Duration.ofHours(3), 3))).containsExactly(1L);
        assertThat(RouteFinder.earliestArrival("MDW", "DEN", NOON, "Y", List.of(flight), MCT_45,
                Duration.ofHours(3).minusMinutes(1), 3)).isEmpty();
    }

    @Test
    void emptyWhenNothingGoesThere() {
        var elsewhere = f(1, "MDW", "ATL", 13, 0, 15, 0);

        assertThat(find("MDW", "DEN", NOON, "Y", List.of(elsewhere), 3)).isEmpty();
        assertThat(find("MDW", "DEN", NOON, "Y", List.of(), 3)).isEmpty();
    }

    // --- cabins ---------------------------------------------------------------------------------------------

    @Test
    void bookedCabinWhenFree() {
        var flight = seats(f(1, "MDW", "DEN", 13, 0, 15, 0), Map.of("Y", 1, "W", 3, "J", 2, "F", 1));

        Itinerary it = find("MDW", "DEN", NOON, "Y", List.of(flight), 3).orElseThrow();

        assertThat(it.legs().get(0).cabin()).isEqualTo("Y");
        assertThat(it.upgraded("Y")).isFalse();
    }

    @Test
    void bookedCabinFullTakesTheLowestUpgrade() {
        var flight = seats(f(1, "MDW", "DEN", 13, 0, 15, 0), Map.of("Y", 0, "W", 3, "J", 2, "F", 1));

        Itinerary it = find("MDW", "DEN", NOON, "Y", List.of(flight), 3).orElseThrow();

        assertThat(it.legs().get(0).cabin()).isEqualTo("W");
        assertThat(it.upgraded("Y")).isTrue();
        assertThat(it.downgraded("Y")).isFalse();
    }

    @Test
    void upgradeOnOneLegOnlyWhereNeeded() {
        var leg1 = seats(f(1, "MDW", "STL", 12, 30, 13, 30), Map.of("Y", 2, "J", 2));
        var leg2 = seats(f(2, "STL", "DEN", 14, 30, 16, 0), Map.of("J", 2, "F", 2));

        Itinerary it = find("MDW", "DEN", NOON, "Y", List.of(leg1, leg2), 3).orElseThrow();

        assertThat(it.legs()).extracting(Leg::cabin).containsExactly("Y", "J");
    }

    @Test
    void downgradeOnlyWhenNoBookedOrHigherSeatAnywhere() {
        var onlyEconomy = seats(f(1, "MDW", "DEN", 13, 0, 15, 0), Map.of("Y", 5, "W", 1, "J", 0));

        Itinerary it = find("MDW", "DEN", NOON, "J", List.of(onlyEconomy), 3).orElseThrow();

        assertThat(it.legs().get(0).cabin()).isEqualTo("W");
        assertThat(it.downgraded("J")).isTrue();
    }

    @Test
    void downgradeNeverChosenWhenAnUpgradeItineraryExistsEvenIfLater() {
        var earlyButOnlyEconomy = seats(f(1, "MDW", "DEN", 12, 30, 14, 0), Map.of("Y", 5));
        var lateWithFirst = seats(f(2, "MDW", "DEN", 18, 0, 20, 0), Map.of("F", 1));

        Itinerary it = find("MDW", "DEN", NOON, "J", List.of(earlyButOnlyEconomy, lateWithFirst), 3)
                .orElseThrow();

        assertThat(ids(Optional.of(it))).containsExactly(2L);
        assertThat(it.legs().get(0).cabin()).isEqualTo("F");
        assertThat(it.upgraded("J")).isTrue();
        assertThat(it.downgraded("J")).isFalse();
    }

    @Test
    void downgradeSearchKeepsBookedCabinOnLegsThatHaveIt() {
        var leg1 = seats(f(1, "MDW", "STL", 12, 30, 13, 30), Map.of("J", 1, "Y", 5));
        var leg2 = seats(f(2, "STL", "DEN", 14, 30, 16, 0), Map.of("Y", 5));

        Itinerary it = find("MDW", "DEN", NOON, "J", List.of(leg1, leg2), 3).orElseThrow();

        assertThat(it.legs()).extracting(Leg::cabin).containsExactly("J", "Y");
        assertThat(it.downgraded("J")).isTrue();
    }

    @Test
    void flightWithNoFreeSeatIsUnusable() {
        var full = seats(f(1, "MDW", "DEN", 13, 0, 15, 0), Map.of("Y", 0, "J", 0));
        var later = f(2, "MDW", "DEN", 16, 0, 18, 0);

        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(full, later), 3))).containsExactly(2L);
        assertThat(find("MDW", "DEN", NOON, "Y", List.of(full), 3)).isEmpty();
    }

    // --- tie-breaks -----------------------------------------------------------------------------------------

    @Test
    void sameArrivalPrefersFewerLegs() {
        var direct = f(5, "MDW", "DEN", 12, 0, 16, 0);
        var leg1 = f(1, "MDW", "STL", 13, 0, 14, 0);
        var leg2 = f(2, "STL", "DEN", 15, 0, 16, 0);

        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(leg1, leg2, direct), 3))).containsExactly(5L);
    }

    @Test
    void sameArrivalAndLegsPrefersLaterFirstDeparture() {
        var earlyLeg1 = f(1, "MDW", "STL", 12, 0, 13, 0);
        var lateLeg1 = f(9, "MDW", "STL", 13, 0, 14, 0);
        var leg2 = f(3, "STL", "DEN", 15, 0, 16, 0);

        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(earlyLeg1, lateLeg1, leg2), 3)))
                .containsExactly(9L, 3L);
    }

    @Test
    void fullTieGoesToTheLowestFlightIdSequence() {
        var a = f(20, "MDW", "DEN", 13, 0, 15, 0);
        var b = f(10, "MDW", "DEN", 13, 0, 15, 0);
        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(a, b), 3))).containsExactly(10L);

        // Same first flight, two equal onward flights: the lower second id decides.
        var first = f(7, "MDW", "STL", 13, 0, 14, 0);
        var onwardHigh = f(8, "STL", "DEN", 15, 0, 16, 0);
        var onwardLow = f(3, "STL", "DEN", 15, 0, 16, 0);
        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(first, onwardHigh, onwardLow), 3)))
                .containsExactly(7L, 3L);

        // Compared leg by leg, not by sum: (5, 90) beats (6, 1).
        var viaStl1 = f(5, "MDW", "STL", 13, 0, 14, 0);
        var viaStl2 = f(90, "STL", "DEN", 15, 0, 16, 0);
        var viaOrd1 = f(6, "MDW", "ORD", 13, 0, 14, 0);
        var viaOrd2 = f(1, "ORD", "DEN", 15, 30, 16, 0);
        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(viaOrd2, viaOrd1, viaStl2, viaStl1), 3)))
                .containsExactly(5L, 90L);
    }

    @Test
    void resultDoesNotDependOnCandidateOrder() {
        List<FlightOption> flights = new ArrayList<>(List.of(
                f(1, "MDW", "DEN", 13, 0, 15, 0),
                f(2, "MDW", "DEN", 13, 0, 15, 0),
                f(3, "MDW", "STL", 12, 0, 13, 0),
                f(4, "STL", "DEN", 14, 0, 15, 0),
                f(5, "MDW", "ORD", 12, 30, 13, 15),
                f(6, "ORD", "DEN", 13, 30, 15, 0)));
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(flights, random);
            assertThat(ids(find("MDW", "DEN", NOON, "Y", flights, 3))).containsExactly(1L);
        }
    }

    // --- shape ----------------------------------------------------------------------------------------------

    @Test
    void atMostMaxLegs() {
        var a = f(1, "MDW", "STL", 12, 30, 13, 30);
        var b = f(2, "STL", "MCI", 14, 30, 15, 30);
        var c = f(3, "MCI", "DEN", 16, 30, 17, 30);
        var twoLegLater = f(4, "STL", "DEN", 18, 0, 20, 0);

        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(a, b, c, twoLegLater), 3)))
                .containsExactly(1L, 2L, 3L);
        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(a, b, c, twoLegLater), 2))).containsExactly(1L, 4L);
        assertThat(find("MDW", "DEN", NOON, "Y", List.of(a, b, c, twoLegLater), 1)).isEmpty();
    }

    @Test
    void noAirportIsVisitedTwice() {
        // MDW -> STL -> MDW -> DEN (ids 1, 2, 3) loops back through MDW; the answer is the plain MDW -> DEN.
        var out = f(1, "MDW", "STL", 12, 0, 13, 0);
        var back = f(2, "STL", "MDW", 13, 45, 14, 30);
        var fromMdw = f(3, "MDW", "DEN", 15, 15, 16, 0);
        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(out, back, fromMdw), 3))).containsExactly(3L);

        // MDW -> STL -> ORD -> STL -> DEN revisits STL; the answer is MDW -> STL -> DEN on the same last flight.
        var a = f(11, "MDW", "STL", 12, 0, 13, 0);
        var b = f(12, "STL", "ORD", 13, 45, 14, 30);
        var c = f(13, "ORD", "STL", 15, 30, 16, 0);
        var d = f(14, "STL", "DEN", 17, 0, 18, 0);
        assertThat(ids(find("MDW", "DEN", NOON, "Y", List.of(a, b, c, d), 4))).containsExactly(11L, 14L);
    }

    @Test
    void randomNetworksMatchABruteForceSearchAndNeverRevisitOrMissAConnection() {
        Random random = new Random(11);
        String[] airports = {"MDW", "ORD", "STL", "MCI", "DEN"};
        MinimumConnectingTimes mct = MinimumConnectingTimes.parse("ORD=90,STL=30", Duration.ofMinutes(45));
        int found = 0;
        for (int round = 0; round < 200; round++) {
            List<FlightOption> flights = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String from = airports[random.nextInt(airports.length)];
                String to = airports[random.nextInt(airports.length)];
                int dep = 12 * 60 + random.nextInt(8 * 60);
                flights.add(new FlightOption(i, "PX" + i, DAY, from, to, at(0, 0).plusMinutes(dep),
                        at(0, 0).plusMinutes(dep + 30 + random.nextInt(90)), Map.of("Y", 1)));
            }
            Optional<Itinerary> it = RouteFinder.earliestArrival("MDW", "DEN", NOON, "Y", flights, mct,
                    DAY_LONG, 3);
            if (it.isEmpty()) {
                continue;
            }
            found++;
            List<Leg> legs = it.get().legs();
            List<String> visited = new ArrayList<>();
            visited.add(legs.get(0).flight().origin());
            for (int i = 0; i < legs.size(); i++) {
                FlightOption leg = legs.get(i).flight();
                visited.add(leg.destination());
                if (i > 0) {
                    FlightOption prev = legs.get(i - 1).flight();
                    assertThat(leg.origin()).isEqualTo(prev.destination());
                    assertThat(leg.departure()).isAfterOrEqualTo(prev.arrival().plus(mct.at(leg.origin())));
                }
            }
            assertThat(visited).doesNotHaveDuplicates().startsWith("MDW").endsWith("DEN");
            assertThat(legs).hasSizeLessThanOrEqualTo(3);
            assertThat(ids(it)).as("round %d", round).isEqualTo(bruteForce(flights, mct));
        }
        assertThat(found).isGreaterThan(50);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> find("MDW", "DEN", NOON, "Y", List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(find("MDW", "mdw", NOON, "Y", List.of(f(1, "MDW", "DEN", 13, 0, 15, 0)), 3)).isEmpty();
    }

    // --- scale ----------------------------------------------------------------------------------------------

    @Test
    void thousandCandidatesThreeLegsIsFast() {
        // A hub network: 10 airports, 1,000 flights, most through one hub, destination reachable late only.
        Random random = new Random(7);
        String[] airports = {"MDW", "ORD", "STL", "MCI", "MSP", "DTW", "CLE", "IND", "CMH", "DEN"};
        List<FlightOption> flights = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String from = airports[random.nextInt(airports.length - 1)];
            String to;
            do {
                to = airports[random.nextInt(airports.length - 1)];
            } while (to.equals(from));
            int depMinutes = 12 * 60 + random.nextInt(10 * 60);
            flights.add(new FlightOption(1000 + i, "PX" + i, DAY, from, to, at(0, 0).plusMinutes(depMinutes),
                    at(0, 0).plusMinutes(depMinutes + 60 + random.nextInt(120)), Map.of("Y", 1)));
        }
        // Only one way into DEN, from CLE, late; plenty of ways to CLE.
        flights.add(new FlightOption(1, "PX1", DAY, "CLE", "DEN", at(23, 0), at(23, 59), Map.of("Y", 1)));

        long start = System.nanoTime();
        Itinerary it = RouteFinder.earliestArrival("MDW", "DEN", NOON, "Y", flights, MCT_45, DAY_LONG, 3)
                .orElseThrow();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(it.destination()).isEqualTo("DEN");
        assertThat(it.legs().get(it.legs().size() - 1).flight().flightId()).isEqualTo(1L);
        assertThat(it.legs()).hasSizeBetween(2, 3);
        assertThat(millis).isLessThan(2_000);
    }

    /** Every chain of up to 3 legs MDW to DEN, ranked by the documented order; the ids of the best. */
    private static List<Long> bruteForce(List<FlightOption> flights, MinimumConnectingTimes mct) {
        List<List<FlightOption>> chains = new ArrayList<>();
        for (FlightOption a : flights) {
            if (!a.origin().equals("MDW") || a.departure().isBefore(NOON)) {
                continue;
            }
            chains.add(List.of(a));
            for (FlightOption b : flights) {
                chains.add(List.of(a, b));
                for (FlightOption c : flights) {
                    chains.add(List.of(a, b, c));
                }
            }
        }
        Comparator<List<FlightOption>> order = Comparator
                .<List<FlightOption>, Instant>comparing(c -> c.get(c.size() - 1).arrival().toInstant())
                .thenComparingInt(List::size)
                .thenComparing(c -> c.get(0).departure().toInstant(), Comparator.reverseOrder())
                .thenComparing((x, y) -> {
                    for (int i = 0; i < x.size(); i++) {
                        int cmp = Long.compare(x.get(i).flightId(), y.get(i).flightId());
                        if (cmp != 0) {
                            return cmp;
                        }
                    }
                    return 0;
                });
        return chains.stream().filter(c -> valid(c, mct)).min(order).orElseThrow()
                .stream().map(FlightOption::flightId).toList();
    }

    private static boolean valid(List<FlightOption> chain, MinimumConnectingTimes mct) {
        List<String> seen = new ArrayList<>(List.of(chain.get(0).origin()));
        for (int i = 0; i < chain.size(); i++) {
            FlightOption leg = chain.get(i);
            if (leg.arrival().isBefore(leg.departure()) || seen.contains(leg.destination())) {
                return false;
            }
            if (i > 0) {
                FlightOption prev = chain.get(i - 1);
                if (!leg.origin().equals(prev.destination())
                        || leg.departure().isBefore(prev.arrival().plus(mct.at(leg.origin())))) {
                    return false;
                }
            }
            seen.add(leg.destination());
        }
        FlightOption last = chain.get(chain.size() - 1);
        return last.destination().equals("DEN") && !last.arrival().isAfter(NOON.plus(DAY_LONG));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static Optional<Itinerary> find(String from, String to, OffsetDateTime readyAt, String cabin,
                                            List<FlightOption> flights, int maxLegs) {
        return RouteFinder.earliestArrival(from, to, readyAt, cabin, flights, MCT_45, DAY_LONG, maxLegs);
    }

    private static List<Long> ids(Optional<Itinerary> itinerary) {
        assertThat(itinerary).isPresent();
        return itinerary.get().legs().stream().map(l -> l.flight().flightId()).toList();
    }

    private static FlightOption f(long id, String from, String to, int depH, int depM, int arrH, int arrM) {
        return new FlightOption(id, "PX" + id, DAY, from, to, at(depH, depM), at(arrH, arrM), Map.of("Y", 3));
    }

    private static FlightOption seats(FlightOption f, Map<String, Integer> free) {
        return new FlightOption(f.flightId(), f.flight(), f.date(), f.origin(), f.destination(), f.departure(),
                f.arrival(), free);
    }

    private static OffsetDateTime at(int hour, int minute) {
        return OffsetDateTime.of(2026, 11, 23, hour, minute, 0, 0, CHICAGO);
    }
}
