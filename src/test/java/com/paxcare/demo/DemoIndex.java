package com.paxcare.demo;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lookups over a generated demo airline, so tests can follow segments to their flights. */
final class DemoIndex {

  final DemoAirline airline;
  final List<JsonObject> flights = new ArrayList<>();
  final List<JsonObject> bookings = new ArrayList<>();
  private final Map<String, JsonObject> flightsByKey = new HashMap<>();

  DemoIndex(DemoAirline airline) {
    this.airline = airline;
    airline.flights().forEach(flight -> flights.add((JsonObject) flight));
    airline.bookings().forEach(booking -> bookings.add((JsonObject) booking));
    flights.forEach(flight -> flightsByKey.put(key(flight), flight));
  }

  /** Flights are identified by number, local date and origin; the same is true of segments and bag legs. */
  static String key(JsonObject flightOrSegment) {
    return key(flightOrSegment.getString("flight"), flightOrSegment.getString("date"),
        flightOrSegment.getString("origin"));
  }

  static String key(String flight, String date, String origin) {
    return flight + "/" + date + "/" + origin;
  }

  Optional<JsonObject> flight(String key) {
    return Optional.ofNullable(flightsByKey.get(key));
  }

  JsonObject flightOf(JsonObject segment) {
    return flight(key(segment)).orElseThrow(() -> new AssertionError("no flight for " + segment.encode()));
  }

  JsonObject booking(String pnr) {
    return bookings.stream().filter(booking -> booking.getString("pnr").equals(pnr)).findFirst().orElseThrow();
  }

  List<JsonObject> segments() {
    List<JsonObject> segments = new ArrayList<>();
    bookings.forEach(booking -> booking.getJsonArray("segments").forEach(s -> segments.add((JsonObject) s)));
    return segments;
  }

  List<JsonObject> segmentsOn(JsonObject flight) {
    String key = key(flight);
    return segments().stream().filter(segment -> key(segment).equals(key)).toList();
  }

  static List<JsonObject> segmentsOf(JsonObject booking, String passengerId) {
    List<JsonObject> segments = new ArrayList<>();
    booking.getJsonArray("segments").forEach(s -> {
      if (((JsonObject) s).getString("passengerId").equals(passengerId)) segments.add((JsonObject) s);
    });
    return segments;
  }

  static OffsetDateTime departure(JsonObject flight) {
    return OffsetDateTime.parse(flight.getString("departure"));
  }

  static OffsetDateTime arrival(JsonObject flight) {
    return OffsetDateTime.parse(flight.getString("arrival"));
  }
}
