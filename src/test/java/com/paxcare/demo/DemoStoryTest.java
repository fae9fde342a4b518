package com.paxcare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Peggy Uhle's booking K7Q2ZB and the MDW→DEN flight she will be rebooked onto, whatever {@code now} is. */
class DemoStoryTest {

  @ParameterizedTest(name = "now = {0}")
  @ValueSource(strings = {
      "2026-11-22T14:00:00-06:00[America/Chicago]",
      "2026-11-22T14:03:27.5-06:00[America/Chicago]",
      "2026-11-22T00:05:00-06:00[America/Chicago]",
      "2026-11-22T05:40:00-06:00[America/Chicago]",
      "2026-11-22T21:50:00-06:00[America/Chicago]",
      "2026-11-22T23:55:00-06:00[America/Chicago]",
      "2026-11-01T01:30:00-06:00[America/Chicago]",
      "2026-11-22T19:00:00Z[UTC]"})
  void storyBookingAndRebookingFlightExist(String nowText) {
    ZonedDateTime now = ZonedDateTime.parse(nowText);
    DemoAirline airline = DemoAirline.generate(now, 42);
    DemoIndex demo = new DemoIndex(airline);

    JsonObject booking = demo.booking("K7Q2ZB");
    JsonObject segment = booking.getJsonArray("segments").getJsonObject(0);
    JsonObject storyFlight = demo.flightOf(segment);
    Duration untilDeparture = Duration.between(now.toOffsetDateTime(), DemoIndex.departure(storyFlight));

    assertThat(demo.bookings.stream().filter(b -> b.getString("pnr").equals("K7Q2ZB"))).hasSize(1);
    assertThat(booking.getJsonArray("passengers")).isEqualTo(new JsonArray().add(new JsonObject()
        .put("id", "P1").put("firstName", "PEGGY").put("lastName", "UHLE").put("phone", "+13125550142")
        .put("email", "peggy.uhle@example.com").put("language", "en").put("ssr", new JsonArray()).put("tier", "NONE")));
    assertThat(booking.getJsonArray("contacts")).isEqualTo(new JsonArray().add(new JsonObject()
        .put("name", "MR UHLE").put("phone", "+13125550199").put("relation", "SPOUSE")));
    assertThat(booking.getJsonArray("segments")).hasSize(1);
    assertThat(segment.copy().put("ticket", "-")).isEqualTo(new JsonObject()
        .put("passengerId", "P1").put("flight", airline.storyFlight()).put("date", airline.storyDate().toString())
        .put("origin", "MDW").put("destination", "CMH").put("cabin", "Y").put("seat", "14C")
        .put("status", "BOARDED").put("ticket", "-")
        .put("fare", new JsonObject().put("amount", "129.00").put("currency", "USD")));
    assertThat(segment.getString("ticket")).matches("989\\d{10}");

    assertThat(storyFlight.getString("status")).isEqualTo("BOARDING");
    assertThat(untilDeparture).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(25));
    assertThat(DemoIndex.departure(storyFlight).toLocalDate()).isEqualTo(airline.storyDate());

    List<DemoBag> storyBags = airline.bags().stream().filter(bag -> bag.pnr().equals("K7Q2ZB")).toList();
    assertThat(storyBags).singleElement().satisfies(bag -> {
      assertThat(bag.passengerId()).isEqualTo("P1");
      assertThat(bag.surname()).isEqualTo("UHLE");
      assertThat(bag.givenName()).isEqualTo("PEGGY");
      assertThat(bag.sourceStation()).isEqualTo("MDW");
      assertThat(bag.pieces()).isEqualTo(1);
      assertThat(bag.legs()).containsExactly(
          new DemoBagLeg(airline.storyFlight(), airline.storyDate(), "MDW", "CMH", 'Y'));
    });

    assertThat(rebookingFlights(demo, storyFlight)).as("MDW-DEN 1-4 h after %s", storyFlight.encode())
        .isNotEmpty()
        .allSatisfy(flight -> assertThat(flight.getString("status")).isEqualTo("SCHEDULED"));
  }

  /** Direct MDW→DEN flights leaving one to four hours after the story flight with economy seats left. */
  private static List<JsonObject> rebookingFlights(DemoIndex demo, JsonObject storyFlight) {
    return demo.flights.stream()
        .filter(f -> f.getString("origin").equals("MDW") && f.getString("destination").equals("DEN"))
        .filter(f -> {
          Duration after = Duration.between(DemoIndex.departure(storyFlight), DemoIndex.departure(f));
          return after.compareTo(Duration.ofHours(1)) >= 0 && after.compareTo(Duration.ofHours(4)) <= 0;
        })
        .filter(f -> demo.segmentsOn(f).stream().filter(s -> s.getString("cabin").equals("Y")).count()
            < f.getJsonObject("seats").getInteger("Y"))
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-22T14:00:00-06:00[America/Chicago]", "2026-11-22T23:55:00-06:00[America/Chicago]"})
  void storyFlightIsChosenDeterministically(String nowText) {
    ZonedDateTime now = ZonedDateTime.parse(nowText);

    DemoAirline first = DemoAirline.generate(now, 42);
    DemoAirline second = DemoAirline.generate(now.withZoneSameInstant(ZoneId.of("UTC")), 42);

    assertThat(second.storyFlight()).isEqualTo(first.storyFlight()).matches("PX\\d{4}");
    assertThat(second.storyDate()).isEqualTo(first.storyDate());
    assertThat(second.bookings().encode()).isEqualTo(first.bookings().encode());
  }
}
