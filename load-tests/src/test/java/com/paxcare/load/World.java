package com.paxcare.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The passengers a load test reports, fed to the PaxCare under test through its own feeds before the load starts:
 * flights boarding at Midway now (their passengers checked in, so a recall raises gate alerts), and later flights
 * to Denver to rebook them onto. Every run gets flight numbers, record locators and tickets of its own, so runs
 * against the same database never collide. Signs in as the demo admin unless told otherwise.
 */
final class World {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final ZoneId DENVER = ZoneId.of("America/Denver");
  private static final int PER_FLIGHT = 250;
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  final String base;
  final String token;
  /** pnr and lastName of each passenger, as a Gatling feeder wants them. */
  final List<Map<String, Object>> passengers = new ArrayList<>();
  /** A full flight to cancel (flight, date, origin), when one was asked for. */
  String cancellable;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * The nodes under test: {@code -Dpaxcare.urls} (comma-separated, the nodes of a cluster) or else
   * {@code -Dpaxcare.url} (one node, http://localhost:8080 by default). A world is seeded through the first.
   */
  static List<String> nodes() {
    String urls = System.getProperty("paxcare.urls", "");
    if (urls.isBlank()) {
      return List.of(System.getProperty("paxcare.url", "http://localhost:8080"));
    }
    return java.util.Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty()).toList();
  }

  private World(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** Signs in and feeds flights and bookings for {@code count} passengers. */
  static World seed(String base, String username, String password, int count) {
    return seed(base, username, password, count, 0);
  }

  /** As {@link #seed(String, String, String, int)}, plus a flight of {@code toCancel} passengers to cancel. */
  static World seed(String base, String username, String password, int count, int toCancel) {
    try {
      World world = new World(base, signIn(base, username, password));
      world.feed(count, toCancel);
      return world;
    } catch (IOException e) {
      throw new IllegalStateException("PaxCare at " + base + " could not be seeded: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A token of another user (a gate agent for the tablets, say). */
  static String tokenOf(String base, String username, String password) {
    try {
      return signIn(base, username, password);
    } catch (IOException e) {
      throw new IllegalStateException("Sign-in as " + username + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String signIn(String base, String username, String password) throws IOException, InterruptedException {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    Matcher token = TOKEN.matcher(answer.body());
    if (answer.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException("Sign-in as " + username + " at " + base + " failed: " + answer.statusCode()
          + " " + answer.body() + " (start PaxCare with PAXCARE_DEMO=true, or pass -Dpaxcare.user/-Dpaxcare.password)");
    }
    return token.group(1);
  }

  private void feed(int count, int toCancel) throws IOException, InterruptedException {
    long run = System.currentTimeMillis() / 1000 % 1_000_000;
    ZonedDateTime now = ZonedDateTime.now(CHICAGO).truncatedTo(ChronoUnit.MINUTES);
    int boardingFlights = (count + PER_FLIGHT - 1) / PER_FLIGHT;
    StringBuilder flights = new StringBuilder("[");
    List<String> boarding = new ArrayList<>();
    for (int i = 0; i < boardingFlights; i++) {
      String number = flightNumber(run, i);
      boarding.add(number);
      flights.append(flights.length() > 1 ? "," : "").append(flight(number, now.plusMinutes(30), "C" + (i % 40 + 1),
          PER_FLIGHT, "BOARDING"));
    }
    String cancelled = flightNumber(run, 400);
    if (toCancel > 0) {
      flights.append(',').append(flight(cancelled, now.plusHours(2), "A1", toCancel, "SCHEDULED"));
      cancellable = "{\"type\":\"FLIGHT_CANCELLED\",\"flight\":\"" + cancelled + "\",\"date\":\""
          + now.plusHours(2).toLocalDate() + "\",\"origin\":\"MDW\"}";
    }
    for (int i = 0; i < 12; i++) {
      // Later flights to Denver with room for every passenger, so that each can be rebooked.
      int seats = Math.max(100, Math.min(1000, (count + toCancel) / 8));
      flights.append(',').append(flight(flightNumber(run, 500 + i), now.plusHours(3 + i), "B" + (i + 1), seats,
          "SCHEDULED"));
    }
    post("/api/v1/feed/flights", flights.append(']').toString());
    String date = now.toLocalDate().toString();
    StringBuilder bookings = new StringBuilder();
    for (int i = 0; i < count + toCancel; i++) {
      String pnr = pnr(run, i);
      boolean onCancelled = i >= count;
      String flight = onCancelled ? cancelled : boarding.get(i / PER_FLIGHT);
      int seatIndex = onCancelled ? i - count : i % PER_FLIGHT;
      String status = onCancelled ? "CONFIRMED" : "CHECKED_IN";
      String seat = (seatIndex / 6 + 1) + "" + "ABCDEF".charAt(seatIndex % 6);
      String ticket = String.format("989%010d", run * 10_000L % 10_000_000_000L + i);
      bookings.append(bookings.length() > 0 ? "," : "").append("""
          {"pnr":"%s","passengers":[{"id":"P1","firstName":"ALEX","lastName":"LOAD","language":"en","ssr":[],\
          "tier":"NONE","phone":"+1312555%04d","email":"load.%s@example.com"}],"segments":[{"passengerId":"P1",\
          "flight":"%s","date":"%s","origin":"MDW","destination":"DEN","cabin":"Y","seat":"%s","status":"%s",\
          "ticket":"%s","fare":{"amount":"149.00","currency":"USD"}}]}"""
          .formatted(pnr, i % 10_000, pnr.toLowerCase(), flight, onCancelled ? now.plusHours(2).toLocalDate() : date,
              seat, status, ticket));
      if (!onCancelled) {
        passengers.add(Map.of("pnr", pnr, "lastName", "LOAD"));
      }
      if ((i + 1) % 500 == 0 || i == count + toCancel - 1) {
        post("/api/v1/feed/bookings", "[" + bookings + "]");
        bookings.setLength(0);
      }
    }
  }

  private static String flight(String number, ZonedDateTime departure, String gate, int seats, String status) {
    return """
        {"flight":"%s","date":"%s","origin":"MDW","destination":"DEN","departure":"%s","arrival":"%s","gate":"%s",\
        "seats":{"Y":%d},"status":"%s"}""".formatted(number, departure.toLocalDate(), departure.toOffsetDateTime(),
        departure.plusMinutes(155).withZoneSameInstant(DENVER).toOffsetDateTime(), gate, seats, status);
  }

  /** LT1000 to LT9999: the run picks a block of flight numbers of its own. */
  private static String flightNumber(long run, int i) {
    return "LT" + (1000 + (run * 37 + i) % 9000);
  }

  /** Six characters, L then five base-36 digits unique to the run and the passenger. */
  private static String pnr(long run, int i) {
    String digits = Long.toString((run * 100_003L + i) % 60_466_176L, 36).toUpperCase();
    return "L" + "0".repeat(5 - digits.length()) + digits;
  }

  private void post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("Feeding " + path + " failed: " + answer.statusCode() + " " + answer.body());
    }
  }
}
