package com.paxcare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flight and segment statuses follow {@code now}; offsets follow the real time zones, DST included. */
class DemoTimeTest {

  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 22, 14, 0, 0, 0, CHICAGO);
  static final long SEED = 7;

  @Test
  void flightStatusBoundaries() {
    Instant departure = Instant.parse("2026-11-22T20:00:00Z");
    Instant arrival = departure.plus(Duration.ofMinutes(75));

    assertThat(statusMinutesBefore(41, departure, arrival)).isEqualTo(FlightStatus.SCHEDULED);
    assertThat(statusMinutesBefore(40, departure, arrival)).isEqualTo(FlightStatus.BOARDING);
    assertThat(statusMinutesBefore(11, departure, arrival)).isEqualTo(FlightStatus.BOARDING);
    assertThat(statusMinutesBefore(10, departure, arrival)).isEqualTo(FlightStatus.DOORS_CLOSED);
    assertThat(statusMinutesBefore(4, departure, arrival)).isEqualTo(FlightStatus.DOORS_CLOSED);
    assertThat(statusMinutesBefore(3, departure, arrival)).isEqualTo(FlightStatus.TAXIING);
    assertThat(statusMinutesBefore(-9, departure, arrival)).isEqualTo(FlightStatus.TAXIING);
    assertThat(statusMinutesBefore(-10, departure, arrival)).isEqualTo(FlightStatus.AIRBORNE);
    assertThat(statusMinutesBefore(-74, departure, arrival)).isEqualTo(FlightStatus.AIRBORNE);
    assertThat(statusMinutesBefore(-75, departure, arrival)).isEqualTo(FlightStatus.LANDED);
  }

  @Test
  void everyFlightAndSegmentStatusIsConsistentWithNow() {
    DemoIndex demo = new DemoIndex(DemoAirline.generate(NOW, SEED));
    Map<String, Long> statuses = demo.flights.stream()
        .collect(Collectors.groupingBy(f -> f.getString("status"), Collectors.counting()));

    assertThat(statuses).containsKeys("SCHEDULED", "BOARDING", "AIRBORNE", "LANDED")
        .doesNotContainKeys("CANCELLED", "DIVERTED");
    assertThat(demo.flights).allSatisfy(flight -> assertThat(flight.getString("status")).isEqualTo(
        FlightStatus.at(NOW.toInstant(), DemoIndex.departure(flight).toInstant(),
            DemoIndex.arrival(flight).toInstant()).name()));
    assertThat(demo.segments()).allSatisfy(segment ->
        assertThat(segment.getString("status")).isIn(allowedSegmentStatuses(demo.flightOf(segment), NOW)));
  }

  @Test
  void mostPassengersOnFlightsWithinADayAreCheckedIn() {
    DemoIndex demo = new DemoIndex(DemoAirline.generate(NOW, SEED));
    List<JsonObject> soon = demo.segments().stream().filter(segment -> {
      JsonObject flight = demo.flightOf(segment);
      return flight.getString("status").equals("SCHEDULED")
          && DemoIndex.departure(flight).toInstant().isBefore(NOW.toInstant().plus(Duration.ofHours(24)));
    }).toList();
    long checkedIn = soon.stream().filter(s -> s.getString("status").equals("CHECKED_IN")).count();

    assertThat((double) checkedIn / soon.size()).isBetween(0.75, 0.95);
  }

  /** A LAX departure picked from one generation, then observed again at {@code minutes} after departure. */
  @ParameterizedTest(name = "{0} min after departure: {1}")
  @CsvSource({
      "-120, SCHEDULED,    CHECKED_IN|CONFIRMED",
      "-25,  BOARDING,     BOARDED|CHECKED_IN",
      "-7,   DOORS_CLOSED, BOARDED",
      "5,    TAXIING,      BOARDED",
      "30,   AIRBORNE,     BOARDED",
      "2000, LANDED,       FLOWN"})
  void aChosenFlightAndItsPassengersAtAChosenMoment(int minutes, String flightStatus, String segmentStatuses) {
    JsonObject chosen = new DemoIndex(DemoAirline.generate(NOW, SEED)).flights.stream()
        .filter(f -> f.getString("origin").equals("LAX") && f.getString("date").equals("2026-11-22")
            && DemoIndex.departure(f).getHour() >= 11)
        .findFirst().orElseThrow();
    ZonedDateTime later = DemoIndex.departure(chosen).plusMinutes(minutes).atZoneSameInstant(CHICAGO);
    if (minutes == 2000) later = DemoIndex.arrival(chosen).plusMinutes(1).atZoneSameInstant(CHICAGO);

    DemoIndex demo = new DemoIndex(DemoAirline.generate(later, SEED));
    JsonObject flight = demo.flight(DemoIndex.key(chosen)).orElseThrow();
    List<JsonObject> passengers = demo.segmentsOn(flight);

    assertThat(flight.getString("status")).isEqualTo(flightStatus);
    assertThat(passengers).isNotEmpty();
    assertThat(passengers.stream().map(s -> s.getString("status")).collect(Collectors.toSet()))
        .isSubsetOf(Set.of(segmentStatuses.split("\\|")));
  }

  @Test
  void offsetsChangeWithDaylightSavingTimeEnding() {
    // US DST ends on 2026-11-01 at 02:00: Saturday still daylight time, Sunday standard time.
    DemoIndex demo = new DemoIndex(DemoAirline.generate(ZonedDateTime.of(2026, 10, 31, 12, 0, 0, 0, CHICAGO), SEED));
    JsonObject saturday = flight(demo, "MDW", "LAX", "2026-10-31");
    JsonObject sunday = demo.flight(DemoIndex.key(saturday.getString("flight"), "2026-11-01", "MDW")).orElseThrow();

    assertThat(saturday.getString("departure")).endsWith("-05:00");
    assertThat(saturday.getString("arrival")).endsWith("-07:00");
    assertThat(sunday.getString("departure")).endsWith("-06:00");
    assertThat(sunday.getString("arrival")).endsWith("-08:00");
    assertThat(DemoIndex.departure(sunday).toLocalTime()).isEqualTo(DemoIndex.departure(saturday).toLocalTime());
    assertThat(blockTime(sunday)).isEqualTo(blockTime(saturday));
    assertThat(flight(demo, "PHX", "DEN", "2026-10-31").getString("departure")).endsWith("-07:00");
    assertThat(flight(demo, "PHX", "DEN", "2026-11-01").getString("departure")).endsWith("-07:00");
  }

  @Test
  void offsetsOnTheDayDaylightSavingTimeEnds() {
    ZonedDateTime sundayNoon = ZonedDateTime.of(2026, 11, 1, 12, 0, 0, 0, CHICAGO);
    DemoIndex demo = new DemoIndex(DemoAirline.generate(sundayNoon, SEED));

    assertThat(demo.flights).filteredOn(f -> f.getString("date").equals("2026-11-01")
        && f.getString("origin").equals("MDW")).isNotEmpty()
        .allSatisfy(f -> assertThat(f.getString("departure")).endsWith("-06:00"));
    assertThat(flight(demo, "BOS", "MDW", "2026-11-01").getString("departure")).endsWith("-05:00");
  }

  @Test
  void offsetsChangeWithDaylightSavingTimeStarting() {
    DemoIndex demo = new DemoIndex(DemoAirline.generate(ZonedDateTime.of(2026, 3, 7, 12, 0, 0, 0, CHICAGO), SEED));

    assertThat(flight(demo, "MDW", "CMH", "2026-03-07").getString("departure")).endsWith("-06:00");
    assertThat(flight(demo, "MDW", "CMH", "2026-03-08").getString("departure")).endsWith("-05:00");
    assertThat(flight(demo, "SEA", "DEN", "2026-03-08").getString("arrival")).endsWith("-06:00");
  }

  @Test
  void generatingTakesWellUnderTwoSeconds() {
    System.gc(); // measure the generator, not the garbage earlier tests left behind
    long started = System.nanoTime();
    DemoAirline.generate(NOW.plusHours(1), SEED);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    System.out.println("DemoAirline.generate took " + elapsed.toMillis() + " ms");
    assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
  }

  private static FlightStatus statusMinutesBefore(int minutes, Instant departure, Instant arrival) {
    return FlightStatus.at(departure.minus(Duration.ofMinutes(minutes)), departure, arrival);
  }

  private static JsonObject flight(DemoIndex demo, String origin, String destination, String date) {
    return demo.flights.stream().filter(f -> f.getString("origin").equals(origin)
        && f.getString("destination").equals(destination) && f.getString("date").equals(date))
        .findFirst().orElseThrow();
  }

  private static Duration blockTime(JsonObject flight) {
    return Duration.between(DemoIndex.departure(flight), DemoIndex.arrival(flight));
  }

  static Set<String> allowedSegmentStatuses(JsonObject flight, ZonedDateTime now) {
    OffsetDateTime departure = DemoIndex.departure(flight);
    return switch (flight.getString("status")) {
      case "LANDED" -> Set.of("FLOWN");
      case "AIRBORNE", "TAXIING", "DOORS_CLOSED" -> Set.of("BOARDED");
      case "BOARDING" -> Set.of("BOARDED", "CHECKED_IN");
      case "SCHEDULED" -> departure.toInstant().isAfter(now.toInstant().plus(Duration.ofHours(24)))
          ? Set.of("CONFIRMED") : Set.of("CHECKED_IN", "CONFIRMED");
      default -> Set.of();
    };
  }
}
