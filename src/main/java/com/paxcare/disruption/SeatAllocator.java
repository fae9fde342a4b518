package com.paxcare.disruption;

import com.paxcare.rebook.FlightOption;
import com.paxcare.rebook.Itinerary;
import com.paxcare.rebook.Leg;
import com.paxcare.rebook.MinimumConnectingTimes;
import com.paxcare.rebook.RouteFinder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shares out the free seats of a set of flights among disrupted passengers, in priority order. Each party (the
 * passengers of one booking going the same way) gets the earliest-arriving itinerary with seats for all of
 * them on every leg; when there is none, a party may be split and each member placed alone, except a party
 * with a child or infant (SSR CHLD, INFT, INF), which travels together or waits together. Seats taken here are
 * taken from the counts at once, so the next party sees what is left.
 */
public final class SeatAllocator {
  /** Special service requests that mark a minor travelling with her family (never split from them). */
  static final Set<String> MINOR = Set.of("CHLD", "INFT", "INF");
  private static final int MAX_LEGS = 2;

  /** One passenger to place. */
  public record Member(String pnr, String paxId, String cabin, Set<String> ssr) {
    boolean minor() {
      return ssr.stream().anyMatch(MINOR::contains);
    }
  }

  /** Passengers of one booking going from the same airport to the same destination, in rank order. */
  public record Party(List<Member> members, String from, String to, OffsetDateTime readyAt) {
    boolean keepTogether() {
      return members.size() > 1 && members.stream().anyMatch(Member::minor);
    }
  }

  private final List<FlightOption> flights;
  /** Free seats by flight and cabin: what is left as parties are placed. */
  private final Map<Long, Map<String, Integer>> free = new HashMap<>();
  private final MinimumConnectingTimes mct;
  private final Duration horizon;

  public SeatAllocator(List<FlightOption> flights, MinimumConnectingTimes mct, Duration horizon) {
    this.flights = List.copyOf(flights);
    this.mct = mct;
    this.horizon = horizon;
    for (FlightOption flight : flights) {
      free.put(flight.flightId(), new HashMap<>(flight.freeSeats()));
    }
  }

  /** Places the parties in the order given: each member's itinerary, or empty when she must wait. */
  public Map<Member, Optional<Itinerary>> allocate(List<Party> parties) {
    Map<Member, Optional<Itinerary>> placed = new LinkedHashMap<>();
    for (Party party : parties) {
      Optional<Itinerary> together = place(party, party.members().size());
      if (together.isPresent() || party.keepTogether() || party.members().size() == 1) {
        party.members().forEach(m -> placed.put(m, together));
        continue;
      }
      for (Member member : party.members()) {
        placed.put(member, place(new Party(List.of(member), party.from(), party.to(), party.readyAt()), 1));
      }
    }
    return placed;
  }

  /** Free seats left in a cabin of a flight. */
  public int freeSeats(long flightId, String cabin) {
    return free.getOrDefault(flightId, Map.of()).getOrDefault(cabin, 0);
  }

  private Optional<Itinerary> place(Party party, int seats) {
    // All members fly in the first member's cabin (a booking is sold in one cabin); each leg needs `seats`.
    String cabin = party.members().get(0).cabin();
    List<FlightOption> usable = new ArrayList<>();
    for (FlightOption flight : flights) {
      // Only a flight from where she is, or to where she goes, can be in a one- or two-leg itinerary.
      if (!flight.origin().equals(party.from()) && !flight.destination().equals(party.to())) {
        continue;
      }
      Map<String, Integer> left = free.get(flight.flightId());
      Map<String, Integer> enough = new HashMap<>();
      left.forEach((c, n) -> {
        if (n >= seats) {
          enough.put(c, n - seats + 1);
        }
      });
      if (!enough.isEmpty()) {
        usable.add(new FlightOption(flight.flightId(), flight.flight(), flight.date(), flight.origin(),
            flight.destination(), flight.departure(), flight.arrival(), enough));
      }
    }
    Optional<Itinerary> found = RouteFinder.earliestArrival(party.from(), party.to(), party.readyAt(), cabin, usable,
        mct, horizon, MAX_LEGS);
    found.ifPresent(itinerary -> {
      for (Leg leg : itinerary.legs()) {
        free.get(leg.flight().flightId()).merge(leg.cabin(), -seats, Integer::sum);
      }
    });
    return found;
  }
}
