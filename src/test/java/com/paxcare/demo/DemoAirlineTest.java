package com.paxcare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Size, shape and integrity of the generated airline. */
class DemoAirlineTest {

  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 22, 14, 0, 0, 0, CHICAGO);
  static final long SEED = 42;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static final LocalDate TOMORROW = LocalDate.of(2026, 11, 23);

  static DemoIndex demo;

  @BeforeAll
  static void generate() {
    demo = new DemoIndex(DemoAirline.generate(NOW, SEED));
  }

  @AfterAll
  static void release() {
    demo = null; // a generation holds ~150 MB; later timing tests should not pay for it
  }

  @Test
  void sameNowAndSeedGiveByteIdenticalOutput() {
    DemoAirline again = DemoAirline.generate(NOW, SEED);

    assertThat(again.flights().encode()).isEqualTo(demo.airline.flights().encode());
    assertThat(again.bookings().encode()).isEqualTo(demo.airline.bookings().encode());
    assertThat(again.bags()).isEqualTo(demo.airline.bags());
    assertThat(again.storyFlight()).isEqualTo(demo.airline.storyFlight());
    assertThat(again.storyDate()).isEqualTo(demo.airline.storyDate());
  }

  @Test
  void anotherSeedGivesAnotherAirline() {
    DemoAirline other = DemoAirline.generate(NOW, SEED + 1);

    assertThat(other.bookings().encode()).isNotEqualTo(demo.airline.bookings().encode());
  }

  @Test
  void networkHasHubsSpokesAndOverThreeHundredFlightsOnEachDay() {
    Set<String> airports = demo.flights.stream().map(f -> f.getString("origin")).collect(Collectors.toSet());
    Map<String, Long> flightsPerDate = demo.flights.stream()
        .collect(Collectors.groupingBy(f -> f.getString("date"), TreeMap::new, Collectors.counting()));

    assertThat(airports).hasSizeGreaterThanOrEqualTo(15).contains("MDW", "DEN", "CMH", "LAX", "PHX", "BOS");
    assertThat(flightsPerDate).containsOnlyKeys(TODAY.toString(), TOMORROW.toString());
    assertThat(flightsPerDate.values()).allSatisfy(count -> assertThat(count).isBetween(300L, 400L));
    assertThat(demo.flights).allSatisfy(f -> assertThat(List.of(f.getString("origin"), f.getString("destination")))
        .containsAnyOf("MDW", "DEN").doesNotHaveDuplicates());
    assertThat(demo.flights.stream().filter(f -> f.getString("origin").equals("MDW")
        && f.getString("destination").equals("DEN"))).hasSizeGreaterThanOrEqualTo(2 * 6);
  }

  @Test
  void flightsFollowTheFeedFormat() {
    assertThat(demo.flights).allSatisfy(flight -> {
      assertThat(flight.fieldNames()).containsExactly(
          "flight", "date", "origin", "destination", "departure", "arrival", "gate", "seats", "status");
      assertThat(flight.getString("flight")).matches("PX\\d{4}");
      assertThat(flight.getString("gate")).matches("[A-C]([1-9]|[12]\\d|30)");
      assertThat(flight.getString("departure")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00[-+]\\d\\d:\\d\\d");
      assertThat(flight.getJsonObject("seats").encode())
          .isIn("{\"Y\":137,\"J\":6}", "{\"Y\":150}", "{\"Y\":170,\"J\":12}");
      assertThat(DemoIndex.departure(flight).toLocalDate().toString()).isEqualTo(flight.getString("date"));
      assertThat(DemoIndex.arrival(flight)).isAfter(DemoIndex.departure(flight));
    });
  }

  @Test
  void flightNumbersAreUniquePerDateAndOriginAndRepeatOnTheNextDay() {
    Set<String> keys = demo.flights.stream().map(DemoIndex::key).collect(Collectors.toSet());
    Map<String, Set<String>> numbersPerDate = demo.flights.stream().collect(Collectors.groupingBy(
        f -> f.getString("date"), Collectors.mapping(f -> f.getString("flight"), Collectors.toSet())));

    assertThat(keys).hasSameSizeAs(demo.flights);
    assertThat(numbersPerDate.get(TODAY.toString())).isEqualTo(numbersPerDate.get(TOMORROW.toString()));
  }

  @Test
  void departuresAreBetweenSixAndTwentyTwoLocal() {
    // At 14:00 the story flight (14:20) and its rebooking flight already fall inside the day.
    assertThat(demo.flights).allSatisfy(flight -> assertThat(DemoIndex.departure(flight).toLocalTime())
        .isBetween(LocalTime.of(6, 0), LocalTime.of(22, 0)));
  }

  @Test
  void offsetsAreTheAirportsRealOffsetsInNovember() {
    Map<String, String> offsetByOrigin = new HashMap<>();
    demo.flights.forEach(f -> offsetByOrigin.put(f.getString("origin"), f.getString("departure").substring(19)));

    assertThat(offsetByOrigin).containsEntry("MDW", "-06:00").containsEntry("DEN", "-07:00")
        .containsEntry("CMH", "-05:00").containsEntry("LAX", "-08:00").containsEntry("PHX", "-07:00")
        .containsEntry("BOS", "-05:00").containsEntry("DAL", "-06:00");
  }

  @Test
  void atLeastTwentyThousandPassengersInBookingsOfOneToSix() {
    List<Integer> sizes = demo.bookings.stream().map(b -> b.getJsonArray("passengers").size()).toList();
    int passengers = sizes.stream().mapToInt(Integer::intValue).sum();
    long oneOrTwo = sizes.stream().filter(size -> size <= 2).count();

    assertThat(passengers).isGreaterThanOrEqualTo(20_000);
    assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 6)).contains(1, 2, 3, 4, 5, 6);
    assertThat(oneOrTwo).isGreaterThan(sizes.size() * 7L / 10);
    assertThat(demo.bookings).allSatisfy(booking -> {
      assertThat(booking.fieldNames()).containsExactly("pnr", "passengers", "contacts", "segments");
      List<String> ids = booking.getJsonArray("passengers").stream().map(p -> ((JsonObject) p).getString("id")).toList();
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= ids.size(); i++) expected.add("P" + i);
      assertThat(ids).isEqualTo(expected);
    });
  }

  @Test
  void passengersLookLikeRealTravellers() {
    List<JsonObject> passengers = passengers();
    Map<String, Long> languages = countBy(passengers, p -> p.getString("language"));
    Map<String, Long> tiers = countBy(passengers, p -> p.getString("tier"));
    long withBoth = passengers.stream().filter(p -> p.containsKey("phone") && p.containsKey("email")).count();
    long withSsr = passengers.stream().filter(p -> !p.getJsonArray("ssr").isEmpty()).count();

    assertThat(passengers).allSatisfy(p -> {
      assertThat(p.getString("firstName")).matches("[A-Z]+");
      assertThat(p.getString("lastName")).matches("[A-Z]+");
      assertThat(p.containsKey("phone") || p.containsKey("email")).isTrue();
      if (p.containsKey("phone")) assertThat(p.getString("phone")).matches("\\+1\\d{10}");
      if (p.containsKey("email")) assertThat(p.getString("email")).matches("[a-z]+\\.[a-z]+\\d*@example\\.com");
      assertThat(p.getJsonArray("ssr").getList()).isSubsetOf("WCHR", "WCHS", "WCHC", "MEDA", "DPNA", "UMNR");
    });
    assertThat(languages).containsOnlyKeys("en", "es");
    assertThat(share(languages.get("es"), passengers.size())).isBetween(0.18, 0.32);
    assertThat(tiers).containsOnlyKeys("NONE", "SILVER", "GOLD", "PLATINUM");
    assertThat(share(tiers.get("NONE"), passengers.size())).isGreaterThan(0.75);
    assertThat(share(withBoth, passengers.size())).isGreaterThan(0.7);
    assertThat(share(withSsr, passengers.size())).isBetween(0.02, 0.04);
    assertThat(passengers.stream().map(p -> p.getString("lastName"))).contains("GARCIA", "SMITH", "NUNEZ");
  }

  @Test
  void unaccompaniedMinorsTravelAloneAndContactsAreFew() {
    assertThat(demo.bookings).allSatisfy(booking -> {
      if (booking.getJsonArray("passengers").size() > 1) {
        assertThat(booking.encode()).doesNotContain("UMNR");
      }
      assertThat(booking.getJsonArray("contacts").size()).isBetween(0, 2);
      booking.getJsonArray("contacts").forEach(c -> {
        JsonObject contact = (JsonObject) c;
        assertThat(contact.fieldNames()).containsExactly("name", "phone", "relation");
        assertThat(contact.getString("relation")).isIn("SPOUSE", "PARENT", "CHILD", "SIBLING", "FRIEND");
      });
    });
  }

  @Test
  void pnrsAreUniqueSixCharacterCodes() {
    List<String> pnrs = demo.bookings.stream().map(b -> b.getString("pnr")).toList();

    assertThat(pnrs).doesNotHaveDuplicates().allSatisfy(pnr -> assertThat(pnr).matches("[A-Z2-9]{6}"));
  }

  @Test
  void ticketsAreUniquePerPassengerAndSharedByTheirLegs() {
    Set<String> tickets = new HashSet<>();
    int passengers = 0;
    for (JsonObject booking : demo.bookings) {
      for (Object p : booking.getJsonArray("passengers")) {
        List<JsonObject> legs = DemoIndex.segmentsOf(booking, ((JsonObject) p).getString("id"));
        Set<String> ticketsOfPassenger = legs.stream().map(s -> s.getString("ticket")).collect(Collectors.toSet());
        assertThat(ticketsOfPassenger).hasSize(1);
        assertThat(ticketsOfPassenger.iterator().next()).matches("989\\d{10}");
        tickets.addAll(ticketsOfPassenger);
        passengers++;
      }
    }
    assertThat(tickets).hasSize(passengers);
  }

  @Test
  void everySegmentFliesAGeneratedFlightToTheSameDestination() {
    assertThat(demo.segments()).allSatisfy(segment -> {
      assertThat(segment.fieldNames()).containsExactly("passengerId", "flight", "date", "origin", "destination",
          "cabin", "seat", "status", "ticket", "fare");
      JsonObject flight = demo.flightOf(segment);
      assertThat(segment.getString("destination")).isEqualTo(flight.getString("destination"));
      assertThat(flight.getJsonObject("seats").containsKey(segment.getString("cabin"))).isTrue();
      assertThat(segment.getJsonObject("fare").getString("amount")).matches("\\d+\\.\\d\\d");
      assertThat(segment.getJsonObject("fare").getString("currency")).isEqualTo("USD");
    });
  }

  @Test
  void noSeatIsSoldTwiceAndNoCabinIsOversold() {
    Map<String, List<JsonObject>> segmentsByFlight = demo.segments().stream()
        .collect(Collectors.groupingBy(DemoIndex::key));

    assertThat(demo.flights).allSatisfy(flight -> {
      List<JsonObject> onBoard = segmentsByFlight.getOrDefault(DemoIndex.key(flight), List.of());
      JsonObject capacity = flight.getJsonObject("seats");
      int totalSeats = capacity.getInteger("Y") + capacity.getInteger("J", 0);
      assertThat(onBoard.stream().map(s -> s.getString("seat"))).doesNotHaveDuplicates();
      for (String cabin : capacity.fieldNames()) {
        long sold = onBoard.stream().filter(s -> s.getString("cabin").equals(cabin)).count();
        assertThat(sold).isLessThanOrEqualTo(capacity.getInteger(cabin));
      }
      assertThat(share(onBoard.size(), totalSeats)).as("load factor of %s", DemoIndex.key(flight)).isBetween(0.3, 0.7);
    });
  }

  @Test
  void seatsMatchTheirCabin() {
    assertThat(demo.segments()).allSatisfy(segment -> {
      if (segment.getString("cabin").equals("J")) assertThat(segment.getString("seat")).matches("[1-4][ACDF]");
      else assertThat(segment.getString("seat")).matches("([5-9]|[1-3]\\d)[A-F]");
    });
  }

  @Test
  void businessFaresAreHigherThanEconomy() {
    Map<String, Double> averageFare = demo.segments().stream().collect(Collectors.groupingBy(
        s -> s.getString("cabin"),
        Collectors.averagingDouble(s -> Double.parseDouble(s.getJsonObject("fare").getString("amount")))));

    assertThat(averageFare.get("J")).isGreaterThan(2 * averageFare.get("Y"));
  }

  @Test
  void aboutFortyPercentOfBookingsConnectThroughAHubWithinFortyFiveMinutesToFourHours() {
    int connecting = 0;
    for (JsonObject booking : demo.bookings) {
      List<List<String>> itineraries = new ArrayList<>();
      for (Object p : booking.getJsonArray("passengers")) {
        List<JsonObject> legs = DemoIndex.segmentsOf(booking, ((JsonObject) p).getString("id"));
        itineraries.add(legs.stream().map(DemoIndex::key).toList());
        assertThat(legs).hasSizeBetween(1, 2);
        if (legs.size() == 2) {
          JsonObject first = demo.flightOf(legs.get(0));
          JsonObject second = demo.flightOf(legs.get(1));
          Duration connection = Duration.between(DemoIndex.arrival(first), DemoIndex.departure(second));
          assertThat(first.getString("destination")).isEqualTo(second.getString("origin")).isIn("MDW", "DEN");
          assertThat(second.getString("destination")).isNotEqualTo(first.getString("origin"));
          assertThat(connection).isBetween(Duration.ofMinutes(45), Duration.ofHours(4));
          assertThat(legs.get(1).getString("cabin")).isEqualTo(legs.get(0).getString("cabin"));
        }
      }
      assertThat(itineraries).as("one itinerary per booking").containsOnly(itineraries.get(0));
      if (itineraries.get(0).size() == 2) connecting++;
    }
    assertThat(share(connecting, demo.bookings.size())).isBetween(0.33, 0.47);
  }

  @Test
  void bagTagsAreUniqueAndTheirPiecesDoNotOverlap() {
    List<DemoBag> bags = demo.airline.bags();
    Set<Integer> usedSerials = new HashSet<>();

    assertThat(bags).allSatisfy(bag -> {
      assertThat(bag.tag()).matches("0989\\d{6}");
      assertThat(bag.pieces()).isBetween(1, 2);
      int serial = Integer.parseInt(bag.tag().substring(4));
      for (int piece = 0; piece < bag.pieces(); piece++) assertThat(usedSerials.add(serial + piece)).isTrue();
    });
  }

  @Test
  void aboutHalfThePassengersCheckBagsThatFollowTheirItinerary() {
    Map<String, JsonObject> bookingsByPnr = demo.bookings.stream()
        .collect(Collectors.toMap(b -> b.getString("pnr"), Function.identity()));
    List<DemoBag> bags = demo.airline.bags();

    assertThat(share(bags.size(), passengers().size())).isBetween(0.4, 0.6);
    assertThat(bags.stream().map(bag -> bag.pnr() + "/" + bag.passengerId())).doesNotHaveDuplicates();
    assertThat(bags).allSatisfy(bag -> {
      JsonObject booking = bookingsByPnr.get(bag.pnr());
      JsonObject passenger = booking.getJsonArray("passengers").stream().map(JsonObject.class::cast)
          .filter(p -> p.getString("id").equals(bag.passengerId())).findFirst().orElseThrow();
      List<JsonObject> segments = DemoIndex.segmentsOf(booking, bag.passengerId());
      assertThat(bag.surname()).isEqualTo(passenger.getString("lastName"));
      assertThat(bag.givenName()).isEqualTo(passenger.getString("firstName"));
      assertThat(bag.sourceStation()).isEqualTo(segments.get(0).getString("origin"));
      assertThat(bag.legs()).hasSameSizeAs(segments);
      for (int i = 0; i < segments.size(); i++) {
        JsonObject segment = segments.get(i);
        assertThat(bag.legs().get(i)).isEqualTo(new DemoBagLeg(segment.getString("flight"),
            LocalDate.parse(segment.getString("date")), segment.getString("origin"),
            segment.getString("destination"), segment.getString("cabin").charAt(0)));
      }
      boolean priority = passenger.getString("tier").matches("GOLD|PLATINUM") || segments.get(0).getString("cabin").equals("J");
      assertThat(bag.exceptions().contains("PRIO")).isEqualTo(priority);
      assertThat(bag.weightKg()).isBetween(8 * bag.pieces(), 32 * bag.pieces());
    });
  }

  static List<JsonObject> passengers() {
    List<JsonObject> passengers = new ArrayList<>();
    demo.bookings.forEach(b -> b.getJsonArray("passengers").forEach(p -> passengers.add((JsonObject) p)));
    return passengers;
  }

  static <T> Map<String, Long> countBy(List<T> values, Function<T, String> classifier) {
    return values.stream().collect(Collectors.groupingBy(classifier, Collectors.counting()));
  }

  static double share(long part, long whole) {
    return (double) part / whole;
  }
}
