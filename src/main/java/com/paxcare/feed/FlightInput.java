package com.paxcare.feed;

import com.paxcare.db.schema.enums.FlightStatus;
import com.paxcare.validation.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One flight of the flights feed, validated (README, "Feed contract"). */
public record FlightInput(
    FlightKey key,
    String destination,
    OffsetDateTime departure,
    OffsetDateTime arrival,
    String gate,
    Map<String, Integer> seats,
    FlightStatus status) {

  static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
  static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");
  static final Pattern GATE = Pattern.compile("[A-Z0-9]{1,6}");
  private static final Pattern CABIN = Pattern.compile("[A-Z]");
  private static final Set<String> FIELDS =
      Set.of("flight", "date", "origin", "destination", "departure", "arrival", "gate", "seats", "status");
  public static final int MAX_BATCH = 5_000;

  /** Reads a whole batch; any error rejects the batch, all errors are reported together. */
  public static List<FlightInput> readAll(JsonArray batch) {
    JsonFields fields = new JsonFields();
    List<FlightInput> flights = fields.eachObject(batch, "", MAX_BATCH, (json, path) -> read(fields, json, path));
    Map<FlightKey, Integer> seen = new HashMap<>();
    for (int i = 0; i < flights.size(); i++) {
      FlightInput flight = flights.get(i);
      if (flight == null) {
        continue;
      }
      Integer earlier = seen.putIfAbsent(flight.key(), i);
      if (earlier != null) {
        fields.error("[" + i + "]", "the same flight, date and origin as [" + earlier + "]");
      }
    }
    if (batch.isEmpty()) {
      fields.error("(body)", "must hold at least one flight");
    }
    fields.throwIfAny();
    return flights;
  }

  private static FlightInput read(JsonFields fields, JsonObject json, String path) {
    int errorsBefore = fields.errors().size();
    fields.rejectUnknown(json, path, FIELDS);
    String flight = fields.text(json, path, "flight", true, FLIGHT, "a flight like WN1234");
    LocalDate date = fields.date(json, path, "date", true);
    String origin = fields.text(json, path, "origin", true, AIRPORT, "a 3-letter IATA airport code");
    String destination = fields.text(json, path, "destination", true, AIRPORT, "a 3-letter IATA airport code");
    OffsetDateTime departure = fields.dateTime(json, path, "departure", true);
    OffsetDateTime arrival = fields.dateTime(json, path, "arrival", true);
    String gate = fields.text(json, path, "gate", false, GATE, "a gate like B12");
    FlightStatus status = json.containsKey("status")
        ? fields.oneOf(json, path, "status", true, FlightStatus.class) : FlightStatus.SCHEDULED;
    Map<String, Integer> seats = seats(fields, json, path);
    if (origin != null && origin.equals(destination)) {
      fields.error(JsonFields.join(path, "destination"), "must differ from origin");
    }
    if (departure != null && arrival != null && !arrival.isAfter(departure)) {
      fields.error(JsonFields.join(path, "arrival"), "must be after departure");
    }
    if (fields.errors().size() > errorsBefore) {
      return null;
    }
    return new FlightInput(new FlightKey(FlightKey.normalise(flight), date, origin), destination, departure,
        arrival, gate, seats, status);
  }

  private static Map<String, Integer> seats(JsonFields fields, JsonObject json, String path) {
    JsonObject seats = fields.object(json, path, "seats", true);
    Map<String, Integer> byCabin = new LinkedHashMap<>();
    if (seats == null) {
      return byCabin;
    }
    String seatsPath = JsonFields.join(path, "seats");
    if (seats.isEmpty()) {
      fields.error(seatsPath, "must give the seats of at least one cabin, like {\"Y\":137}");
    }
    for (String cabin : seats.fieldNames()) {
      if (!CABIN.matcher(cabin).matches()) {
        fields.error(JsonFields.join(seatsPath, cabin), "a cabin is one capital letter (Y, J, F...)");
        continue;
      }
      Integer count = fields.integer(seats, seatsPath, cabin, true, 0, 1000);
      if (count != null) {
        byCabin.put(cabin, count);
      }
    }
    return byCabin;
  }
}
