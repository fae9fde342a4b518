package com.paxcare.bench;

import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The airline the limit is measured on, fed through PaxCare's own feeds (so its rows are exactly what the feeds
 * write): flights boarding at Midway (at least 40, at most 900 passengers each), every passenger checked in at the
 * gate with one checked bag, and flights to ten destinations to rebook onto, enough seats for every passenger.
 * Passenger {@code i} flies on origin flight {@code i % origins} and her family emergency takes her to destination
 * {@code i % 10}.
 */
final class Seeding {
  /** Passengers per boarding flight at most (the feed takes up to 1,000 seats a cabin). */
  static final int PER_ORIGIN = 900;
  static final String[] DESTINATIONS = {"DEN", "LAX", "SFO", "SEA", "PHX", "LAS", "ATL", "BOS", "LGA", "MSP"};
  /** Seats per rebooking flight (economy; plus 12 in business). */
  static final int REBOOK_SEATS = 600;

  final int passengers;
  final int origins;
  final int rebookFlightsPerDestination;
  final JsonArray flights = new JsonArray();

  private Seeding(int passengers) {
    this.passengers = passengers;
    this.origins = Math.max(40, (passengers + PER_ORIGIN - 1) / PER_ORIGIN);
    this.rebookFlightsPerDestination = passengers / DESTINATIONS.length / REBOOK_SEATS + 2;
  }

  static String pnr(int i) {
    return String.format("L%05d", i);
  }

  /** Letters only, as the urgent-event benchmark names its passengers: e.g. "PAXBCD". */
  static String firstName(int i) {
    return UrgentEventBenchmark.letters(i);
  }

  static String destination(int i) {
    return DESTINATIONS[i % DESTINATIONS.length];
  }

  static String gate(int flight) {
    return UrgentEventBenchmark.gate(flight);
  }

  static String phone(int i) {
    return "+1312" + String.format("%07d", i);
  }

  static String email(int i) {
    return "pax" + i + "@example.com";
  }

  static String ticket(int i) {
    return String.format("526%010d", i);
  }

  static String bagTag(int i) {
    return String.format("0526%06d", i);
  }

  /** The family emergency reported for passenger i, as the contact centre sends it. */
  JsonObject event(int i) {
    return new JsonObject().put("type", "FAMILY_EMERGENCY").put("pnr", pnr(i)).put("lastName", "LIMIT")
        .put("destination", destination(i))
        .put("reporter", new JsonObject().put("name", "RELATIVE").put("phone", "+13125559999"));
  }

  /** Feeds the flights, the bookings and the bags. */
  static Seeding load(Http http, int passengers) {
    Seeding seeding = new Seeding(passengers);
    ZonedDateTime now = ZonedDateTime.now(Story.CHICAGO).withNano(0);
    int perFlight = (passengers + seeding.origins - 1) / seeding.origins;
    for (int f = 0; f < seeding.origins; f++) {
      seeding.flights.add(Story.flight("BX" + (100 + f), "MDW", "CMH", now.plusMinutes(10),
          now.plusHours(2).withZoneSameInstant(Story.COLUMBUS), gate(f), new JsonObject().put("Y", perFlight),
          "BOARDING"));
    }
    for (int k = 0; k < DESTINATIONS.length * seeding.rebookFlightsPerDestination; k++) {
      seeding.flights.add(Story.flight("BX" + (500 + k), "MDW", DESTINATIONS[k % DESTINATIONS.length],
          now.plusMinutes(60 + 10L * k), now.plusMinutes(180 + 10L * k), "D" + (k % 30 + 1),
          new JsonObject().put("Y", REBOOK_SEATS).put("J", 12), "SCHEDULED"));
    }
    require(http.postJson("/api/v1/feed/flights", seeding.flights), "flights");
    StringBuilder bsm = new StringBuilder();
    JsonArray bookings = new JsonArray();
    for (int i = 0; i < passengers; i++) {
      int f = i % seeding.origins;
      JsonObject flight = seeding.flights.getJsonObject(f);
      int row = i / seeding.origins;
      String seat = (5 + row / 6) + "ABCDEF".substring(row % 6, row % 6 + 1);
      bookings.add(Story.booking(pnr(i), firstName(i), "LIMIT", phone(i), email(i), flight, seat, "CHECKED_IN",
          ticket(i)));
      String ddmmm = OffsetDateTime.parse(flight.getString("departure")).toLocalDate()
          .format(DateTimeFormatter.ofPattern("ddMMM", Locale.ENGLISH)).toUpperCase(Locale.ROOT);
      bsm.append("BSM\n.V/1LMDW\n.F/").append(flight.getString("flight")).append('/').append(ddmmm)
          .append("/CMH/Y\n.N/").append(bagTag(i)).append("001\n.W/K/1/20\n.P/1LIMIT/")
          .append(firstName(i)).append("\n.L/").append(pnr(i)).append("\nENDBSM\n");
      if (bookings.size() == 1000 || i == passengers - 1) {
        require(http.postJson("/api/v1/feed/bookings", bookings), "bookings");
        require(http.post("/api/v1/feed/bsm", "text/plain", bsm.toString()), "bags");
        bookings = new JsonArray();
        bsm.setLength(0);
      }
    }
    return seeding;
  }

  /**
   * Moves every sequence to a base of its own (the n-th to n x 10^9): an id then never equals a small constant,
   * nor an id of another table, so a parameter can be traced to the result it came from without guessing.
   */
  static void spreadSequences(EmbeddedPostgres pg) throws Exception {
    try (Connection c = DatabaseLimit.jdbc(pg); Statement s = c.createStatement()) {
      List<String> sequences = new ArrayList<>();
      try (ResultSet rows = s.executeQuery("SELECT schemaname || '.' || sequencename FROM pg_sequences "
          + "WHERE schemaname = 'public' AND sequencename <> 'ticket_serial' ORDER BY sequencename")) {
        while (rows.next()) {
          sequences.add(rows.getString(1));
        }
      }
      long base = 1;
      for (String sequence : sequences) {
        s.execute("SELECT setval('" + sequence + "', " + (base++ * 1_000_000_000L) + ")");
      }
    }
  }

  private static void require(Http.Answer answer, String what) {
    if (answer.status() != 200) {
      throw new IllegalStateException("Loading " + what + " failed: " + answer.status() + " " + answer.body());
    }
  }
}
