package com.paxcare.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A crowd for mass-disruption tests and benchmarks, timed around now: full flights from Midway to Denver that
 * can be cancelled, and a few later flights whose free seats they compete for. Bookings of one to three
 * passengers, some needing assistance, some unaccompanied minors, families with a child, frequent flyers,
 * onward connections from Denver, checked bags; from a fixed seed, so every run sees the same crowd.
 */
public final class Crowd {
  public final ZonedDateTime now = ZonedDateTime.now(Story.CHICAGO).withNano(0).withSecond(0);
  private final Random random = new Random(20261125);
  private final JsonArray flights = new JsonArray();
  private final JsonArray bookings = new JsonArray();
  private final StringBuilder bsms = new StringBuilder();
  private int bookingSerial;
  private int bagSerial;

  /** A flight from Midway to Denver departing {@code hours} from now with {@code seats} economy seats. */
  public JsonObject toDenver(String number, double hours, int seats) {
    JsonObject flight = Story.flight(number, "MDW", "DEN", now.plusMinutes((long) (hours * 60)),
        now.plusMinutes((long) (hours * 60) + 155).withZoneSameInstant(Story.DENVER), "B" + (flights.size() + 1),
        new JsonObject().put("Y", seats), "SCHEDULED");
    flights.add(flight);
    return flight;
  }

  /** A flight between two airports, for connections. */
  public JsonObject flight(String number, String origin, String destination, double hours, int minutes, int seats) {
    JsonObject flight = Story.flight(number, origin, destination, now.plusMinutes((long) (hours * 60)),
        now.plusMinutes((long) (hours * 60) + minutes), "C" + (flights.size() + 1), new JsonObject().put("Y", seats),
        "SCHEDULED");
    flights.add(flight);
    return flight;
  }

  /**
   * Books {@code passengers} people on {@code flight} (then on {@code onward} for some), in bookings of one to
   * three; answers the bookings' PNRs.
   */
  public List<String> book(JsonObject flight, int passengers, JsonObject onward) {
    List<String> pnrs = new ArrayList<>();
    int seat = 0;
    int booked = 0;
    while (booked < passengers) {
      int size = Math.min(passengers - booked, 1 + random.nextInt(3));
      String pnr = pnr();
      boolean family = size > 1 && random.nextInt(4) == 0;
      boolean connecting = onward != null && random.nextInt(5) == 0;
      JsonArray pax = new JsonArray();
      JsonArray segments = new JsonArray();
      for (int i = 1; i <= size; i++) {
        String id = "P" + i;
        JsonArray ssr = new JsonArray();
        int roll = random.nextInt(100);
        if (family && i == size) {
          ssr.add("CHLD");
        } else if (size == 1 && roll < 2) {
          ssr.add("UMNR");
        } else if (roll < 6) {
          ssr.add(List.of("WCHR", "WCHS", "WCHC", "MEDA", "DPNA").get(random.nextInt(5)));
        }
        int tierRoll = random.nextInt(100);
        String tier = tierRoll < 80 ? "NONE" : tierRoll < 92 ? "SILVER" : tierRoll < 98 ? "GOLD" : "PLATINUM";
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        pax.add(new JsonObject().put("id", id).put("firstName", first).put("lastName", last)
            .put("phone", "+1312555" + String.format("%04d", random.nextInt(10_000)))
            .put("email", first.toLowerCase() + "." + pnr.toLowerCase() + "@example.com")
            .put("language", random.nextInt(5) == 0 ? "es" : "en").put("ssr", ssr).put("tier", tier));
        seat++;
        String ticket = "526" + String.format("%010d", bookingSerial * 10L + i);
        segments.add(segment(id, flight, (seat + 4) / 6 + 4 + "" + "ABCDEF".charAt(seat % 6), ticket));
        if (connecting) {
          segments.add(segment(id, onward, null, ticket));
        }
        if (random.nextInt(3) == 0) {
          bag(pnr, last, first, flight, connecting ? onward : null);
        }
      }
      bookings.add(new JsonObject().put("pnr", pnr).put("passengers", pax).put("segments", segments));
      pnrs.add(pnr);
      booked += size;
    }
    return pnrs;
  }

  private static JsonObject segment(String passengerId, JsonObject flight, String seat, String ticket) {
    JsonObject segment = new JsonObject().put("passengerId", passengerId)
        .put("flight", flight.getString("flight")).put("date", flight.getString("date"))
        .put("origin", flight.getString("origin")).put("destination", flight.getString("destination"))
        .put("cabin", "Y").put("status", "CONFIRMED").put("ticket", ticket)
        .put("fare", new JsonObject().put("amount", "149.00").put("currency", "USD"));
    if (seat != null) {
      segment.put("seat", seat);
    }
    return segment;
  }

  private void bag(String pnr, String last, String first, JsonObject flight, JsonObject onward) {
    String ddmmm = ddmmm(flight.getString("date"));
    String tag = "0526" + String.format("%06d", ++bagSerial);
    bsms.append("BSM\n.V/1LMDW\n.F/").append(flight.getString("flight")).append('/').append(ddmmm).append('/')
        .append(flight.getString("destination")).append("/Y\n");
    if (onward != null) {
      bsms.append(".O/").append(onward.getString("flight")).append('/').append(ddmmm(onward.getString("date")))
          .append('/').append(onward.getString("destination")).append("/Y\n");
    }
    bsms.append(".N/").append(tag).append("001\n.W/K/1/20\n.P/1").append(last).append('/').append(first)
        .append("\n.L/").append(pnr).append("\nENDBSM\n");
  }

  private static String ddmmm(String isoDate) {
    java.time.LocalDate date = java.time.LocalDate.parse(isoDate);
    return String.format("%02d", date.getDayOfMonth())
        + date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
        .toUpperCase(java.util.Locale.ROOT);
  }

  private String pnr() {
    String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    int n = ++bookingSerial;
    return "Q" + letters.charAt(n / (24 * 24 * 24) % 24) + letters.charAt(n / (24 * 24) % 24)
        + letters.charAt(n / 24 % 24) + letters.charAt(n % 24) + "Z";
  }

  /**
   * One passenger per booking that {@code bookingFilter} accepts, named as a caller would (booking and surname):
   * the first passenger, when no companion shares her surname.
   */
  public List<JsonObject> namedPassengers(java.util.function.Predicate<JsonObject> bookingFilter) {
    List<JsonObject> named = new ArrayList<>();
    for (Object o : bookings) {
      JsonObject booking = (JsonObject) o;
      JsonArray pax = booking.getJsonArray("passengers");
      String surname = pax.getJsonObject(0).getString("lastName");
      if (bookingFilter.test(booking)
          && pax.stream().filter(p -> surname.equals(((JsonObject) p).getString("lastName"))).count() == 1) {
        named.add(new JsonObject().put("pnr", booking.getString("pnr")).put("lastName", surname));
      }
    }
    return named;
  }

  /** An urgent personal event ({@code FAMILY_EMERGENCY}...) for a passenger of {@link #namedPassengers}. */
  public static JsonObject urgentEvent(String type, JsonObject passenger) {
    return new JsonObject().put("type", type).put("pnr", passenger.getString("pnr"))
        .put("lastName", passenger.getString("lastName")).put("destination", "DEN")
        .put("reporter", new JsonObject().put("name", "RELATIVE").put("phone", "+13125559999"));
  }

  /** Marks every coupon of these bookings checked in (their flight boarding: a recall raises gate alerts). */
  public void checkIn(List<String> pnrs) {
    for (Object o : bookings) {
      JsonObject booking = (JsonObject) o;
      if (pnrs.contains(booking.getString("pnr"))) {
        booking.getJsonArray("segments").forEach(s -> ((JsonObject) s).put("status", "CHECKED_IN"));
      }
    }
  }

  public JsonArray flights() {
    return flights;
  }

  public JsonArray bookings() {
    return bookings;
  }

  /** The bags as BSM text, one message after the other. */
  public String bsms() {
    return bsms.toString();
  }

  /** Feeds the crowd to a node: flights, bookings in batches, bags. */
  public void feed(Http http) {
    check(http.postJson("/api/v1/feed/flights", flights), "flights");
    for (int from = 0; from < bookings.size(); from += 500) {
      JsonArray batch = new JsonArray(bookings.getList().subList(from, Math.min(bookings.size(), from + 500)));
      check(http.postJson("/api/v1/feed/bookings", batch), "bookings");
    }
    if (!bsms.isEmpty()) {
      check(http.post("/api/v1/feed/bsm", "text/plain", bsms()), "bags");
    }
  }

  private static void check(Http.Answer answer, String what) {
    if (answer.status() != 200) {
      throw new IllegalStateException("Feeding " + what + " failed: " + answer.status() + " " + answer.body());
    }
  }

  /** The event that cancels a flight. */
  public static JsonObject cancellation(JsonObject flight) {
    return new JsonObject().put("type", "FLIGHT_CANCELLED").put("flight", flight.getString("flight"))
        .put("date", flight.getString("date")).put("origin", flight.getString("origin"));
  }

  private static final String[] FIRST = {"ANA", "LUIS", "MARIA", "JOHN", "EMMA", "NOAH", "OLIVIA", "LIAM", "SOFIA",
      "MATEO", "GRACE", "ETHAN", "CHLOE", "DIEGO", "ZOE", "OMAR", "LENA", "YUKI", "PRIYA", "AMIR"};
  private static final String[] LAST = {"GARCIA", "SMITH", "NGUYEN", "JOHNSON", "LOPEZ", "BROWN", "KIM", "PATEL",
      "MARTIN", "LEE", "WALKER", "HALL", "YOUNG", "KING", "WRIGHT", "SCOTT", "TORRES", "HILL", "GREEN", "ADAMS"};
}
