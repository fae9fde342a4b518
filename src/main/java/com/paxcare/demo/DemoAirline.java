package com.paxcare.demo;

import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo airline PX, generated deterministically: the same {@code now} and seed always give
 * byte-identical flights, bookings and bags.
 *
 * @param flights one feed object per operated leg on the day of {@code now} (Chicago) and the next
 * @param bookings PNRs selling every flight to 35–65 %, including the story booking {@code K7Q2ZB}
 * @param bags checked bags, one entry per passenger who checked any
 * @param storyFlight the MDW→CMH flight the story passenger is boarded on, departing ~20 min after {@code now}
 * @param storyDate the local departure date of {@code storyFlight}
 */
public record DemoAirline(JsonArray flights, JsonArray bookings, List<DemoBag> bags, String storyFlight,
    LocalDate storyDate) {

  public static final String AIRLINE = Schedule.AIRLINE;
  public static final String STORY_PNR = BookingGenerator.STORY_PNR;

  public DemoAirline {
    bags = List.copyOf(bags);
  }

  public static DemoAirline generate(ZonedDateTime now, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant instant = now.toInstant();
    LocalDate today = now.withZoneSameInstant(Network.HOME_ZONE).toLocalDate();
    Schedule schedule = Schedule.build(today, random);
    ScheduledFlight story = schedule.placeStory(instant);
    BookingGenerator sales = new BookingGenerator(random, instant, schedule.departuresByHub());
    sales.addStoryBooking(story);
    sales.sellAll(schedule.flights());
    return new DemoAirline(schedule.toJson(instant), sales.bookings(), sales.bags(), story.number, story.date);
  }
}
