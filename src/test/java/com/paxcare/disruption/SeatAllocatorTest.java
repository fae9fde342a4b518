package com.paxcare.disruption;

import com.paxcare.disruption.SeatAllocator.Member;
import com.paxcare.disruption.SeatAllocator.Party;
import com.paxcare.rebook.FlightOption;
import com.paxcare.rebook.Itinerary;
import com.paxcare.rebook.Leg;
import com.paxcare.rebook.MinimumConnectingTimes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Sharing out the free seats of the day's flights among disrupted parties, Chicago Midway to Denver. */
class SeatAllocatorTest {
  private static final MinimumConnectingTimes MCT = new MinimumConnectingTimes(Duration.ofMinutes(45), Map.of());
  private static final Duration HORIZON = Duration.ofHours(48);
  private static final OffsetDateTime READY = t("2026-11-22T10:00-06:00");

  private static OffsetDateTime t(String text) {
    return OffsetDateTime.parse(text);
  }

  private static FlightOption flight(long id, String from, String to, String departure, String arrival, int economy) {
    return new FlightOption(id, "PX" + id, LocalDate.of(2026, 11, 22), from, to, t(departure), t(arrival),
        Map.of("Y", economy));
  }

  private static Member adult(String pnr, String paxId) {
    return new Member(pnr, paxId, "Y", Set.of());
  }

  private static Member withSsr(String pnr, String paxId, String... ssr) {
    return new Member(pnr, paxId, "Y", Set.of(ssr));
  }

  private static Party party(Member... members) {
    return new Party(List.of(members), "MDW", "DEN", READY);
  }

  private static SeatAllocator allocator(FlightOption... flights) {
    return new SeatAllocator(List.of(flights), MCT, HORIZON);
  }

  private static List<Long> flightIds(Optional<Itinerary> itinerary) {
    List<Long> ids = new ArrayList<>();
    itinerary.orElseThrow().legs().forEach(leg -> ids.add(leg.flight().flightId()));
    return ids;
  }

  @Test
  void partiesPlacedInOrderTakeSeatsSoALaterPartySeesFewer() {
    FlightOption early = flight(1, "MDW", "DEN", "2026-11-22T11:00-06:00", "2026-11-22T12:30-07:00", 2);
    FlightOption late = flight(2, "MDW", "DEN", "2026-11-22T15:00-06:00", "2026-11-22T16:30-07:00", 3);
    SeatAllocator seats = allocator(early, late);
    Member first = adult("AAAAA1", "P1");
    Member second = adult("BBBBB2", "P1");
    Member third = adult("CCCCC3", "P1");

    Map<Member, Optional<Itinerary>> placed = seats.allocate(List.of(party(first), party(second), party(third)));

    assertThat(flightIds(placed.get(first))).containsExactly(1L);
    assertThat(flightIds(placed.get(second))).containsExactly(1L);
    assertThat(flightIds(placed.get(third))).as("the early flight is full by now").containsExactly(2L);
    assertThat(seats.freeSeats(1, "Y")).isZero();
    assertThat(seats.freeSeats(2, "Y")).isEqualTo(2);
  }

  @Test
  void theLastPartyThatDoesNotFitWaits() {
    SeatAllocator seats = allocator(flight(1, "MDW", "DEN", "2026-11-22T11:00-06:00", "2026-11-22T12:30-07:00", 1));
    Member first = adult("AAAAA1", "P1");
    Member second = adult("BBBBB2", "P1");

    Map<Member, Optional<Itinerary>> placed = seats.allocate(List.of(party(first), party(second)));

    assertThat(placed.get(first)).isPresent();
    assertThat(placed.get(second)).isEmpty();
    assertThat(seats.freeSeats(1, "Y")).isZero();
  }

  @Test
  void aPartyOfThreeNeedsThreeSeatsOnEveryLegOfTheSameItinerary() {
    // Direct: only 2 seats. Via St. Louis: 5 seats to the hub, then 2 on the first onward flight, 3 on the next.
    FlightOption direct = flight(1, "MDW", "DEN", "2026-11-22T11:00-06:00", "2026-11-22T12:30-07:00", 2);
    FlightOption toHub = flight(2, "MDW", "STL", "2026-11-22T10:30-06:00", "2026-11-22T11:45-06:00", 5);
    FlightOption hubTooSmall = flight(3, "STL", "DEN", "2026-11-22T12:45-06:00", "2026-11-22T13:50-07:00", 2);
    FlightOption hubBigEnough = flight(4, "STL", "DEN", "2026-11-22T14:30-06:00", "2026-11-22T15:35-07:00", 3);
    SeatAllocator seats = allocator(direct, toHub, hubTooSmall, hubBigEnough);
    Member a = adult("FAMILY", "P1");
    Member b = adult("FAMILY", "P2");
    Member c = adult("FAMILY", "P3");

    Map<Member, Optional<Itinerary>> placed = seats.allocate(List.of(party(a, b, c)));

    assertThat(flightIds(placed.get(a))).containsExactly(2L, 4L);
    assertThat(placed.get(b)).isEqualTo(placed.get(a));
    assertThat(placed.get(c)).isEqualTo(placed.get(a));
    assertThat(seats.freeSeats(2, "Y")).isEqualTo(2);
    assertThat(seats.freeSeats(4, "Y")).isZero();
    assertThat(seats.freeSeats(1, "Y")).as("untouched").isEqualTo(2);
    assertThat(seats.freeSeats(3, "Y")).as("untouched").isEqualTo(2);
  }

  @Test
  void aFamilyWithAChildIsNeverSplitAndWaitsTogetherWhenTwoSeatsRemainForThree() {
    SeatAllocator seats = allocator(flight(1, "MDW", "DEN", "2026-11-22T11:00-06:00", "2026-11-22T12:30-07:00", 2));
    Member mother = adult("FAMILY", "P1");
    Member father = adult("FAMILY", "P2");
    Member child = withSsr("FAMILY", "P3", "CHLD");

    Map<Member, Optional<Itinerary>> placed = seats.allocate(List.of(party(mother, father, child)));

    assertThat(placed).containsOnlyKeys(mother, father, child);
    assertThat(placed.values()).allMatch(Optional::isEmpty);
    assertThat(seats.freeSeats(1, "Y")).as("nothing taken for a family that waits").isEqualTo(2);
  }

  @Test
  void aFamilyWithAnInfantIsNeverSplitEither() {
    SeatAllocator seats = allocator(flight(1, "MDW", "DEN", "2026-11-22T11:00-06:00", "2026-11-22T12:30-07:00", 2));
    Member mother = adult("FAMILY", "P1");
    Member father = adult("FAMILY", "P2");
    Member infant = withSsr("FAMILY", "P3", "INFT");
    Member next = adult("NEXTPX", "P1");

    Map<Member, Optional<Itinerary>> placed = seats.allocate(List.of(party(mother, father, infant), party(next)));

    assertThat(placed.get(mother)).isEmpty();
    assertThat(placed.get(father)).isEmpty();
    assertThat(placed.get(infant)).isEmpty();
    assertThat(placed.get(next)).as("the seats the family could not use go to the next party").isPresent();
    assertThat(seats.freeSeats(1, "Y")).isEqualTo(1);
  }

  @Test
  void threeAdultsWithoutAChildAreSplitAndTwoOfThemPlacedWhenTwoSeatsRemain() {
    SeatAllocator seats = allocator(flight(1, "MDW", "DEN", "2026-11-22T11:00-06:00", "2026-11-22T12:30-07:00", 2));
    Member a = adult("COLLEA", "P1");
    Member b = adult("COLLEA", "P2");
    Member c = adult("COLLEA", "P3");

    Map<Member, Optional<Itinerary>> placed = seats.allocate(List.of(party(a, b, c)));

    // Members are placed in rank order: the first two get the seats.
    assertThat(flightIds(placed.get(a))).containsExactly(1L);
    assertThat(flightIds(placed.get(b))).containsExactly(1L);
    assertThat(placed.get(c)).isEmpty();
    assertThat(seats.freeSeats(1, "Y")).isZero();
  }

  @Test
  void aTwoLegItineraryViaAHubIsUsedWhenTheDirectFlightsAreFull() {
    FlightOption fullDirect = flight(1, "MDW", "DEN", "2026-11-22T11:00-06:00", "2026-11-22T12:30-07:00", 0);
    FlightOption fullLaterDirect = flight(2, "MDW", "DEN", "2026-11-22T17:00-06:00", "2026-11-22T18:30-07:00", 0);
    FlightOption toHub = flight(3, "MDW", "STL", "2026-11-22T12:00-06:00", "2026-11-22T13:15-06:00", 4);
    FlightOption fromHub = flight(4, "STL", "DEN", "2026-11-22T14:15-06:00", "2026-11-22T15:20-07:00", 4);
    SeatAllocator seats = allocator(fullDirect, fullLaterDirect, toHub, fromHub);
    Member her = adult("AAAAA1", "P1");

    Optional<Itinerary> itinerary = seats.allocate(List.of(party(her))).get(her);

    assertThat(flightIds(itinerary)).containsExactly(3L, 4L);
    assertThat(itinerary.orElseThrow().legs()).extracting(Leg::cabin).containsExactly("Y", "Y");
    assertThat(seats.freeSeats(3, "Y")).isEqualTo(3);
    assertThat(seats.freeSeats(4, "Y")).isEqualTo(3);
  }

  @Test
  void theEarliestArrivalIsPreferredOverTheEarliestDeparture() {
    FlightOption slow = flight(1, "MDW", "DEN", "2026-11-22T11:00-06:00", "2026-11-22T14:00-07:00", 5);
    FlightOption fast = flight(2, "MDW", "DEN", "2026-11-22T12:00-06:00", "2026-11-22T13:20-07:00", 5);
    FlightOption viaHub = flight(3, "MDW", "STL", "2026-11-22T10:15-06:00", "2026-11-22T11:30-06:00", 5);
    FlightOption hubOnward = flight(4, "STL", "DEN", "2026-11-22T12:30-06:00", "2026-11-22T13:40-07:00", 5);
    SeatAllocator seats = allocator(slow, fast, viaHub, hubOnward);
    Member her = adult("AAAAA1", "P1");

    Optional<Itinerary> itinerary = seats.allocate(List.of(party(her))).get(her);

    assertThat(flightIds(itinerary)).containsExactly(2L);
    assertThat(seats.freeSeats(2, "Y")).isEqualTo(4);
    assertThat(seats.freeSeats(1, "Y")).isEqualTo(5);
  }

  @Test
  void flightsBeforeSheIsReadyOrWithoutHerCabinAreNotOffered() {
    FlightOption tooEarly = flight(1, "MDW", "DEN", "2026-11-22T09:30-06:00", "2026-11-22T11:00-07:00", 5);
    SeatAllocator seats = allocator(tooEarly);
    Member her = adult("AAAAA1", "P1");

    assertThat(seats.allocate(List.of(party(her))).get(her)).isEmpty();
    assertThat(seats.freeSeats(1, "Y")).isEqualTo(5);
    assertThat(seats.freeSeats(1, "J")).as("a cabin the flight does not have").isZero();
    assertThat(seats.freeSeats(42, "Y")).as("a flight it was not given").isZero();
  }
}
