package com.paxcare.demo;

import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** The flights of two local days: one daily pattern, operated on the day of {@code now} and the next. */
final class Schedule {

  static final String AIRLINE = "PX";
  private static final int FIRST_DEPARTURE_MINUTE = 6 * 60;
  private static final int LAST_DEPARTURE_MINUTE = 22 * 60;
  private static final int FIRST_FLIGHT_NUMBER = 1001;
  private static final Duration STORY_LEAD = Duration.ofMinutes(20);
  private static final Duration REBOOKING_EARLIEST = Duration.ofHours(1);
  private static final Duration REBOOKING_LATEST = Duration.ofHours(4);
  private static final Duration REBOOKING_PLACED_AT = Duration.ofHours(2);

  /** One line of the daily timetable. */
  private record Pattern(String number, Airport origin, Airport destination, int blockMinutes,
      int departureMinute, String gate, int economySeats, int businessSeats) {}

  private final List<ScheduledFlight> flights;

  private Schedule(List<ScheduledFlight> flights) {
    this.flights = flights;
  }

  static Schedule build(LocalDate firstDay, SplittableRandom random) {
    List<Pattern> timetable = timetable(random);
    List<ScheduledFlight> flights = new ArrayList<>();
    for (LocalDate date : List.of(firstDay, firstDay.plusDays(1))) {
      for (Pattern line : timetable) {
        LocalTime localDeparture = LocalTime.of(line.departureMinute() / 60, line.departureMinute() % 60);
        ZonedDateTime departure = ZonedDateTime.of(date, localDeparture, line.origin().zone());
        flights.add(new ScheduledFlight(line.number(), departure, line.origin(), line.destination(),
            line.blockMinutes(), line.gate(), line.economySeats(), line.businessSeats(), random));
      }
    }
    return new Schedule(flights);
  }

  /** All flights; ordered by departure, then flight number, once the story is placed. */
  List<ScheduledFlight> flights() {
    return flights;
  }

  JsonArray toJson(Instant now) {
    JsonArray json = new JsonArray();
    flights.forEach(flight -> json.add(flight.toJson(now)));
    return json;
  }

  /**
   * Places the story flight and the flight its passenger will be rebooked onto, both relative to
   * {@code now} (so possibly outside 06:00–22:00), and returns the story flight.
   */
  ScheduledFlight placeStory(Instant now) {
    ScheduledFlight story = placeStoryFlight(now);
    ensureRebookingFlight(story);
    flights.sort(Comparator.comparing(ScheduledFlight::departureInstant).thenComparing(flight -> flight.number));
    return story;
  }

  /**
   * Moves the MDW→CMH flight of the day that departs closest to {@code now + 20 min} to exactly that
   * time (rounded up to five minutes), so the story passenger is boarding when the demo starts.
   */
  private ScheduledFlight placeStoryFlight(Instant now) {
    ZonedDateTime departure = roundUpToFiveMinutes(now.plus(STORY_LEAD));
    ScheduledFlight story = closest(Network.MDW, "CMH", departure)
        .orElseThrow(() -> new IllegalStateException("no MDW-CMH flight on " + departure.toLocalDate()));
    story.departAt(departure);
    return story;
  }

  /** Guarantees a direct MDW→DEN flight one to four hours after the story flight to rebook onto. */
  private void ensureRebookingFlight(ScheduledFlight story) {
    Instant earliest = story.departureInstant().plus(REBOOKING_EARLIEST);
    Instant latest = story.departureInstant().plus(REBOOKING_LATEST);
    boolean present = flights.stream().anyMatch(flight -> isMdwToDen(flight)
        && !flight.departureInstant().isBefore(earliest) && !flight.departureInstant().isAfter(latest));
    if (!present) {
      ZonedDateTime departure = roundUpToFiveMinutes(story.departureInstant().plus(REBOOKING_PLACED_AT));
      closest(Network.MDW, "DEN", departure)
          .orElseThrow(() -> new IllegalStateException("no MDW-DEN flight on " + departure.toLocalDate()))
          .departAt(departure);
    }
  }

  /** Departures from each hub, ordered by time (so only after {@link #placeStory}), for finding connections. */
  Map<Airport, List<ScheduledFlight>> departuresByHub() {
    Map<Airport, List<ScheduledFlight>> byHub = new HashMap<>();
    for (ScheduledFlight flight : flights) {
      if (flight.origin.hub()) byHub.computeIfAbsent(flight.origin, hub -> new ArrayList<>()).add(flight);
    }
    return byHub;
  }

  private Optional<ScheduledFlight> closest(Airport origin, String destination, ZonedDateTime departure) {
    LocalDate date = departure.withZoneSameInstant(origin.zone()).toLocalDate();
    return flights.stream()
        .filter(flight -> flight.origin == origin && flight.destination.code().equals(destination)
            && flight.date.equals(date))
        .min(Comparator.comparing(flight -> Duration.between(flight.departureInstant(), departure.toInstant()).abs()));
  }

  private static boolean isMdwToDen(ScheduledFlight flight) {
    return flight.origin == Network.MDW && flight.destination == Network.DEN;
  }

  private static ZonedDateTime roundUpToFiveMinutes(Instant instant) {
    ZonedDateTime local = instant.atZone(Network.MDW.zone());
    ZonedDateTime minute = local.truncatedTo(ChronoUnit.MINUTES);
    if (minute.isBefore(local)) minute = minute.plusMinutes(1);
    int past = minute.getMinute() % 5;
    return past == 0 ? minute : minute.plusMinutes(5 - past);
  }

  private static List<Pattern> timetable(SplittableRandom random) {
    List<Pattern> lines = new ArrayList<>();
    for (Network.Route route : Network.ROUTES) {
      addRoundTrips(lines, Network.MDW, route.spoke(), route.minutesToMdw(), route.dailyMdw(), random);
      addRoundTrips(lines, Network.DEN, route.spoke(), route.minutesToDen(), route.dailyDen(), random);
    }
    addRoundTrips(lines, Network.MDW, Network.DEN, Network.SHUTTLE_BLOCK_MINUTES,
        Network.SHUTTLES_PER_DIRECTION, random);
    return lines;
  }

  private static void addRoundTrips(List<Pattern> lines, Airport hub, Airport other, int blockMinutes,
      int dailyPerDirection, SplittableRandom random) {
    addDepartures(lines, hub, other, blockMinutes, dailyPerDirection, random);
    addDepartures(lines, other, hub, blockMinutes, dailyPerDirection, random);
  }

  /** Spreads the day's departures evenly over 06:00–22:00 with some jitter, on five-minute marks. */
  private static void addDepartures(List<Pattern> lines, Airport origin, Airport destination, int blockMinutes,
      int daily, SplittableRandom random) {
    int spacing = (LAST_DEPARTURE_MINUTE - FIRST_DEPARTURE_MINUTE) / daily;
    for (int i = 0; i < daily; i++) {
      int jitter = random.nextInt(-spacing / 3, spacing / 3 + 1);
      int minute = FIRST_DEPARTURE_MINUTE + spacing * i + spacing / 2 + jitter;
      minute = Math.max(FIRST_DEPARTURE_MINUTE, Math.min(LAST_DEPARTURE_MINUTE, minute / 5 * 5));
      String number = AIRLINE + (FIRST_FLIGHT_NUMBER + lines.size());
      int[] cabins = aircraft(random);
      lines.add(new Pattern(number, origin, destination, blockMinutes, minute, gate(origin, random),
          cabins[0], cabins[1]));
    }
  }

  /** Economy and business seats: mostly the 143-seat two-class aircraft. */
  private static int[] aircraft(SplittableRandom random) {
    int pick = random.nextInt(10);
    if (pick < 6) return new int[] {137, 6};
    if (pick < 8) return new int[] {150, 0};
    return new int[] {170, 12};
  }

  private static String gate(Airport origin, SplittableRandom random) {
    char concourse = (char) ('A' + random.nextInt(origin.concourses()));
    return concourse + String.valueOf(1 + random.nextInt(origin.gatesPerConcourse()));
  }
}
