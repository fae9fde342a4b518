package com.paxcare.feed;

import com.paxcare.db.schema.enums.SegmentStatus;
import com.paxcare.validation.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One booking (PNR) of the bookings feed, validated (README, "Feed contract"). */
public record BookingInput(String pnr, List<Passenger> passengers, List<Contact> contacts, List<Segment> segments) {

  public record Passenger(String id, String firstName, String lastName, String phone, String email,
      String language, List<String> ssr, String tier) {
  }

  public record Contact(String name, String phone, String email, String relation) {
  }

  /** {@code path} is where the segment stood in the request, for errors found against the database. */
  public record Segment(String passengerId, FlightKey flight, String destination, String cabin, String seat,
      SegmentStatus status, String ticket, BigDecimal fareAmount, String fareCurrency, String path) {
  }

  public static final int MAX_BATCH = 2_000;
  static final Pattern PNR = Pattern.compile("[A-Z0-9]{6}");
  private static final Pattern PASSENGER_ID = Pattern.compile("[A-Za-z0-9_-]{1,20}");
  private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '\\-.]{0,59}");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,190}\\.[A-Za-z]{2,}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern SSR = Pattern.compile("[A-Z]{4}");
  private static final Pattern TIER = Pattern.compile("[A-Z]{1,20}");
  private static final Pattern CABIN = Pattern.compile("[A-Z]");
  private static final Pattern SEAT = Pattern.compile("[0-9]{1,3}[A-Z]");
  private static final Pattern TICKET = Pattern.compile("[0-9]{13}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern RELATION = Pattern.compile("[A-Z_]{2,20}");

  private static final Set<String> BOOKING_FIELDS = Set.of("pnr", "passengers", "contacts", "segments");
  private static final Set<String> PASSENGER_FIELDS =
      Set.of("id", "firstName", "lastName", "phone", "email", "language", "ssr", "tier");
  private static final Set<String> CONTACT_FIELDS = Set.of("name", "phone", "email", "relation");
  private static final Set<String> SEGMENT_FIELDS = Set.of("passengerId", "flight", "date", "origin",
      "destination", "cabin", "seat", "status", "ticket", "fare");
  private static final Set<String> FARE_FIELDS = Set.of("amount", "currency");

  /** Reads a whole batch; any error rejects the batch, all errors are reported together. */
  public static List<BookingInput> readAll(JsonArray batch) {
    JsonFields fields = new JsonFields();
    List<BookingInput> bookings = fields.eachObject(batch, "", MAX_BATCH, (json, path) -> read(fields, json, path));
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < bookings.size(); i++) {
      BookingInput booking = bookings.get(i);
      if (booking != null) {
        Integer earlier = seen.putIfAbsent(booking.pnr(), i);
        if (earlier != null) {
          fields.error("[" + i + "].pnr", "the same booking as [" + earlier + "]");
        }
      }
    }
    if (batch.isEmpty()) {
      fields.error("(body)", "must hold at least one booking");
    }
    fields.throwIfAny();
    return bookings;
  }

  private static BookingInput read(JsonFields fields, JsonObject json, String path) {
    int errorsBefore = fields.errors().size();
    fields.rejectUnknown(json, path, BOOKING_FIELDS);
    String pnr = fields.text(json, path, "pnr", true, PNR, "a 6-character record locator like K7Q2ZB");
    List<Passenger> passengers = fields.eachObject(fields.array(json, path, "passengers", true),
        JsonFields.join(path, "passengers"), 9, (p, at) -> passenger(fields, p, at));
    JsonArray contactsJson = fields.array(json, path, "contacts", false);
    List<Contact> contacts = fields.eachObject(contactsJson, JsonFields.join(path, "contacts"), 10,
        (c, at) -> contact(fields, c, at));
    List<Segment> segments = fields.eachObject(fields.array(json, path, "segments", true),
        JsonFields.join(path, "segments"), 99, (s, at) -> segment(fields, s, at));
    if (json.getValue("passengers") instanceof JsonArray array && array.isEmpty()) {
      fields.error(JsonFields.join(path, "passengers"), "must hold at least one passenger");
    }
    Set<String> passengerIds = new HashSet<>();
    for (int i = 0; i < passengers.size(); i++) {
      Passenger passenger = passengers.get(i);
      if (passenger != null && !passengerIds.add(passenger.id())) {
        fields.error(JsonFields.join(path, "passengers[" + i + "].id"), "is used by another passenger");
      }
    }
    Set<String> coupons = new HashSet<>();
    for (Segment segment : segments) {
      if (segment == null) {
        continue;
      }
      if (!passengerIds.contains(segment.passengerId())) {
        fields.error(JsonFields.join(segment.path(), "passengerId"),
            "names no passenger of this booking: '" + segment.passengerId() + "'");
      }
      if (!coupons.add(segment.passengerId() + " " + segment.flight())) {
        fields.error(segment.path(), "the same passenger is already on " + segment.flight());
      }
    }
    if (fields.errors().size() > errorsBefore) {
      return null;
    }
    return new BookingInput(pnr, passengers, contacts, segments);
  }

  private static Passenger passenger(JsonFields fields, JsonObject json, String path) {
    fields.rejectUnknown(json, path, PASSENGER_FIELDS);
    String language = fields.text(json, path, "language", false, LANGUAGE, "a 2-letter language code like en or es");
    String tier = fields.text(json, path, "tier", false, TIER, "a frequent-flyer tier like GOLD");
    return new Passenger(
        fields.text(json, path, "id", true, PASSENGER_ID, "a passenger id like P1"),
        fields.text(json, path, "firstName", true, NAME, "a name (letters, spaces, ' - .)"),
        fields.text(json, path, "lastName", true, NAME, "a name (letters, spaces, ' - .)"),
        fields.text(json, path, "phone", false, PHONE, "an international phone number like +13125550142"),
        fields.text(json, path, "email", false, EMAIL, "an e-mail address"),
        language == null ? "en" : language,
        fields.codes(json, path, "ssr", SSR, "a 4-letter SSR code like WCHR"),
        tier == null ? "NONE" : tier);
  }

  private static Contact contact(JsonFields fields, JsonObject json, String path) {
    fields.rejectUnknown(json, path, CONTACT_FIELDS);
    return new Contact(
        fields.text(json, path, "name", true, NAME, "a name (letters, spaces, ' - .)"),
        fields.text(json, path, "phone", false, PHONE, "an international phone number like +13125550199"),
        fields.text(json, path, "email", false, EMAIL, "an e-mail address"),
        fields.text(json, path, "relation", false, RELATION, "a relation like SPOUSE"));
  }

  private static Segment segment(JsonFields fields, JsonObject json, String path) {
    fields.rejectUnknown(json, path, SEGMENT_FIELDS);
    String flight = fields.text(json, path, "flight", true, FlightInput.FLIGHT, "a flight like WN1234");
    var date = fields.date(json, path, "date", true);
    String origin = fields.text(json, path, "origin", true, FlightInput.AIRPORT, "a 3-letter IATA airport code");
    String destination = fields.text(json, path, "destination", true, FlightInput.AIRPORT,
        "a 3-letter IATA airport code");
    BigDecimal amount = null;
    String currency = null;
    JsonObject fare = fields.object(json, path, "fare", false);
    if (fare != null) {
      String farePath = JsonFields.join(path, "fare");
      fields.rejectUnknown(fare, farePath, FARE_FIELDS);
      amount = fields.amount(fare, farePath, "amount", true);
      currency = fields.text(fare, farePath, "currency", true, CURRENCY, "a 3-letter currency code like USD");
    }
    FlightKey key = flight == null || date == null || origin == null
        ? null : new FlightKey(FlightKey.normalise(flight), date, origin);
    return new Segment(
        fields.text(json, path, "passengerId", true, PASSENGER_ID, "the id of a passenger of this booking"),
        key,
        destination,
        fields.text(json, path, "cabin", true, CABIN, "a cabin letter like Y"),
        fields.text(json, path, "seat", false, SEAT, "a seat like 14C"),
        fields.oneOf(json, path, "status", true, SegmentStatus.class),
        fields.text(json, path, "ticket", false, TICKET, "a 13-digit ticket number"),
        amount,
        currency,
        path);
  }
}
