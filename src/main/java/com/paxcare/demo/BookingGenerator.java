package com.paxcare.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Sells every flight to its target load with bookings of one to six passengers, and checks their bags. */
final class BookingGenerator {

  static final String STORY_PNR = "K7Q2ZB";
  static final String STORY_SEAT = "14C";
  private static final String PNR_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
  private static final char[] CABINS = {'J', 'Y'};
  /** Share of spoke bookings that look for a connection; hub bookings are direct, so ~40% of all connect. */
  private static final double CONNECTING_SHARE = 0.8;
  private static final Duration MIN_CONNECTION = Duration.ofMinutes(45);
  private static final Duration MAX_CONNECTION = Duration.ofHours(4);
  private static final Duration CHECK_IN_OPENS = Duration.ofHours(24);
  private static final List<String> SSR_FOR_ADULTS = List.of("WCHR", "WCHS", "WCHC", "MEDA", "DPNA");
  private static final List<String> RELATIONS = List.of("SPOUSE", "PARENT", "CHILD", "SIBLING", "FRIEND");

  private record Passenger(String id, String firstName, String lastName, String phone, String email,
      String language, List<String> ssr, String tier) {

    JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("firstName", firstName).put("lastName", lastName);
      if (phone != null) json.put("phone", phone);
      if (email != null) json.put("email", email);
      return json.put("language", language).put("ssr", new JsonArray(new ArrayList<>(ssr))).put("tier", tier);
    }

    boolean isElite() {
      return tier.equals("GOLD") || tier.equals("PLATINUM");
    }
  }

  private final SplittableRandom random;
  private final Instant now;
  private final Map<Airport, List<ScheduledFlight>> departuresByHub;
  private final Set<String> pnrs = new HashSet<>();
  private final JsonArray bookings = new JsonArray();
  private final List<DemoBag> bags = new ArrayList<>();
  private final List<ScheduledFlight> candidates = new ArrayList<>();
  private long nextTicket = 9_892_100_000_001L;
  private int nextTagSerial = 100_001;

  BookingGenerator(SplittableRandom random, Instant now, Map<Airport, List<ScheduledFlight>> departuresByHub) {
    this.random = random;
    this.now = now;
    this.departuresByHub = departuresByHub;
  }

  JsonArray bookings() {
    return bookings;
  }

  List<DemoBag> bags() {
    return bags;
  }

  /** Peggy Uhle, boarded in 14C on the story flight with one bag, written exactly as the demo script expects. */
  void addStoryBooking(ScheduledFlight flight) {
    pnrs.add(STORY_PNR);
    flight.economy.reserve(STORY_SEAT);
    Passenger peggy = new Passenger("P1", "PEGGY", "UHLE", "+13125550142", "peggy.uhle@example.com", "en",
        List.of(), "NONE");
    JsonArray segments = new JsonArray()
        .add(segment(peggy, flight, 'Y', STORY_SEAT, "BOARDED", nextTicket(), "129.00"));
    JsonArray contacts = new JsonArray().add(contact("MR UHLE", "+13125550199", "SPOUSE"));
    bookings.add(booking(STORY_PNR, List.of(peggy), contacts, segments));
    bags.add(bag(STORY_PNR, peggy, List.of(flight), 'Y', 1, 18, List.of()));
  }

  /** Fills spoke departures first, so their connecting passengers are on the hub departures before locals. */
  void sellAll(List<ScheduledFlight> flights) {
    for (ScheduledFlight flight : flights) {
      if (!flight.origin.hub()) sell(flight, true);
    }
    for (ScheduledFlight flight : flights) {
      if (flight.origin.hub()) sell(flight, false);
    }
  }

  private void sell(ScheduledFlight flight, boolean mayConnect) {
    for (char cabin : CABINS) {
      SeatPool seats = flight.seats(cabin);
      while (seats != null && seats.remaining() > 0) {
        int size = Math.min(partySize(), seats.remaining());
        ScheduledFlight onward = mayConnect && random.nextDouble() < CONNECTING_SHARE
            ? connection(flight, cabin, size) : null;
        book(onward == null ? List.of(flight) : List.of(flight, onward), cabin, size);
      }
    }
  }

  /** Mostly one or two travellers, occasionally a family of up to six. */
  private int partySize() {
    int roll = random.nextInt(100);
    if (roll < 50) return 1;
    if (roll < 80) return 2;
    if (roll < 88) return 3;
    if (roll < 95) return 4;
    if (roll < 98) return 5;
    return 6;
  }

  /** A random hub departure 45 min to 4 h after arrival, not back home, with room for the whole party. */
  private ScheduledFlight connection(ScheduledFlight inbound, char cabin, int size) {
    List<ScheduledFlight> departures = departuresByHub.get(inbound.destination);
    Instant earliest = inbound.arrivalInstant().plus(MIN_CONNECTION);
    Instant latest = inbound.arrivalInstant().plus(MAX_CONNECTION);
    candidates.clear();
    for (int i = firstDepartureAtOrAfter(departures, earliest); i < departures.size(); i++) {
      ScheduledFlight onward = departures.get(i);
      if (onward.departureInstant().isAfter(latest)) break;
      SeatPool seats = onward.seats(cabin);
      if (onward.destination != inbound.origin && seats != null && seats.remaining() >= size) candidates.add(onward);
    }
    return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
  }

  private static int firstDepartureAtOrAfter(List<ScheduledFlight> departures, Instant instant) {
    int low = 0;
    int high = departures.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (departures.get(middle).departureInstant().isBefore(instant)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private void book(List<ScheduledFlight> itinerary, char cabin, int size) {
    String pnr = newPnr();
    Airport home = itinerary.get(0).origin;
    boolean spanishSpeaking = random.nextInt(100) < 27;
    List<Passenger> party = party(size, home, spanishSpeaking);
    String[][] seats = new String[itinerary.size()][size];
    String[] fares = new String[itinerary.size()];
    for (int leg = 0; leg < itinerary.size(); leg++) {
      for (int i = 0; i < size; i++) seats[leg][i] = itinerary.get(leg).seats(cabin).take();
      fares[leg] = fare(itinerary.get(leg), cabin);
    }
    JsonArray segments = new JsonArray();
    for (int i = 0; i < size; i++) {
      Passenger passenger = party.get(i);
      String ticket = nextTicket();
      boolean checkedIn = random.nextInt(100) < 85;
      for (int leg = 0; leg < itinerary.size(); leg++) {
        String status = segmentStatus(itinerary.get(leg), checkedIn);
        checkedIn |= !status.equals("CONFIRMED"); // whoever is past check-in on the first leg is checked in throughout
        segments.add(segment(passenger, itinerary.get(leg), cabin, seats[leg][i], status, ticket, fares[leg]));
      }
      if (random.nextBoolean()) bags.add(checkBags(pnr, passenger, itinerary, cabin));
    }
    bookings.add(booking(pnr, party, contacts(party.get(0).lastName(), home), segments));
  }

  private String segmentStatus(ScheduledFlight flight, boolean checkedIn) {
    return switch (flight.statusAt(now)) {
      case LANDED -> "FLOWN";
      case AIRBORNE, TAXIING, DOORS_CLOSED -> "BOARDED";
      case BOARDING -> random.nextInt(10) < 6 ? "BOARDED" : "CHECKED_IN";
      case SCHEDULED -> checkedIn && !flight.departureInstant().isAfter(now.plus(CHECK_IN_OPENS))
          ? "CHECKED_IN" : "CONFIRMED";
      case CANCELLED, DIVERTED -> "CONFIRMED";
    };
  }

  private List<Passenger> party(int size, Airport home, boolean spanishSpeaking) {
    String familyName = lastName(spanishSpeaking);
    List<Passenger> party = new ArrayList<>(size);
    for (int i = 1; i <= size; i++) {
      String lastName = i == 1 || random.nextInt(10) < 7 ? familyName : lastName(spanishSpeaking);
      String firstName = pick(spanishSpeaking ? Names.SPANISH_FIRST : Names.ENGLISH_FIRST);
      int channels = random.nextInt(10); // most give both, some only a phone, some only an email
      String phone = channels == 9 ? null : phone(home);
      String email = channels == 8 ? null : email(firstName, lastName);
      String language = spanishSpeaking && random.nextInt(100) < 92 ? "es" : "en";
      List<String> ssr = random.nextInt(100) < 3 ? List.of(specialService(size == 1)) : List.of();
      party.add(new Passenger("P" + i, firstName, lastName, phone, email, language, ssr, tier()));
    }
    return party;
  }

  private String lastName(boolean spanishSpeaking) {
    return pick(spanishSpeaking || random.nextInt(10) == 0 ? Names.SPANISH_LAST : Names.ENGLISH_LAST);
  }

  /** Unaccompanied minors only ever travel alone in their booking. */
  private String specialService(boolean alone) {
    int choices = SSR_FOR_ADULTS.size() + (alone ? 1 : 0);
    int pick = random.nextInt(choices);
    return pick < SSR_FOR_ADULTS.size() ? SSR_FOR_ADULTS.get(pick) : "UMNR";
  }

  private String tier() {
    int roll = random.nextInt(100);
    if (roll < 85) return "NONE";
    if (roll < 93) return "SILVER";
    if (roll < 98) return "GOLD";
    return "PLATINUM";
  }

  private JsonArray contacts(String familyName, Airport home) {
    int roll = random.nextInt(20);
    int count = roll < 8 ? 0 : roll < 17 ? 1 : 2;
    JsonArray contacts = new JsonArray();
    for (int i = 0; i < count; i++) {
      String name = random.nextBoolean()
          ? (random.nextBoolean() ? "MR " : "MRS ") + familyName
          : pick(Names.ENGLISH_FIRST) + " " + pick(Names.ENGLISH_LAST);
      contacts.add(contact(name, phone(home), pick(RELATIONS)));
    }
    return contacts;
  }

  /** A fictional 555-01xx number in the area code of the traveller's home airport. */
  private String phone(Airport home) {
    return "+1" + home.areaCode() + "55501" + zeroPadded(random.nextInt(100), 2);
  }

  private String email(String firstName, String lastName) {
    String suffix = random.nextBoolean() ? "" : String.valueOf(10 + random.nextInt(90));
    return (firstName + "." + lastName + suffix).toLowerCase(Locale.ROOT) + "@example.com";
  }

  /** Whole-dollar fares ending in 9 that grow with block time; business costs about three times economy. */
  private String fare(ScheduledFlight flight, char cabin) {
    int economy = 49 + flight.blockMinutes / 2 + random.nextInt(150);
    int dollars = (cabin == 'J' ? economy * 3 : economy) / 10 * 10 + 9;
    return BigDecimal.valueOf(dollars).setScale(2).toPlainString();
  }

  private DemoBag checkBags(String pnr, Passenger passenger, List<ScheduledFlight> itinerary, char cabin) {
    int pieces = random.nextInt(5) == 0 ? 2 : 1;
    int weightKg = 0;
    boolean heavy = false;
    for (int piece = 0; piece < pieces; piece++) {
      int pieceKg = 8 + random.nextInt(25);
      weightKg += pieceKg;
      heavy |= pieceKg > 23;
    }
    List<String> exceptions = new ArrayList<>(2);
    if (passenger.isElite() || cabin == 'J') exceptions.add("PRIO");
    if (heavy) exceptions.add("HEAVY");
    return bag(pnr, passenger, itinerary, cabin, pieces, weightKg, exceptions);
  }

  private DemoBag bag(String pnr, Passenger passenger, List<ScheduledFlight> itinerary, char cabin, int pieces,
      int weightKg, List<String> exceptions) {
    String tag = "0989" + zeroPadded(nextTagSerial, 6);
    nextTagSerial += pieces; // the further pieces carry the following tag numbers
    List<DemoBagLeg> legs = itinerary.stream()
        .map(flight -> new DemoBagLeg(flight.number, flight.date, flight.origin.code(), flight.destination.code(), cabin))
        .toList();
    return new DemoBag(tag, pnr, passenger.id(), passenger.lastName(), passenger.firstName(),
        itinerary.get(0).origin.code(), legs, pieces, weightKg, exceptions);
  }

  private String newPnr() {
    char[] code = new char[6];
    String pnr;
    do {
      for (int i = 0; i < code.length; i++) code[i] = PNR_ALPHABET.charAt(random.nextInt(PNR_ALPHABET.length()));
      pnr = new String(code);
    } while (!pnrs.add(pnr));
    return pnr;
  }

  private String nextTicket() {
    return String.valueOf(nextTicket++);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String zeroPadded(int value, int width) {
    String digits = String.valueOf(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static JsonObject booking(String pnr, List<Passenger> party, JsonArray contacts, JsonArray segments) {
    JsonArray passengers = new JsonArray();
    party.forEach(passenger -> passengers.add(passenger.toJson()));
    return new JsonObject().put("pnr", pnr).put("passengers", passengers).put("contacts", contacts)
        .put("segments", segments);
  }

  private static JsonObject contact(String name, String phone, String relation) {
    return new JsonObject().put("name", name).put("phone", phone).put("relation", relation);
  }

  private static JsonObject segment(Passenger passenger, ScheduledFlight flight, char cabin, String seat,
      String status, String ticket, String fare) {
    return new JsonObject()
        .put("passengerId", passenger.id())
        .put("flight", flight.number)
        .put("date", flight.dateText)
        .put("origin", flight.origin.code())
        .put("destination", flight.destination.code())
        .put("cabin", cabin == 'J' ? "J" : "Y")
        .put("seat", seat)
        .put("status", status)
        .put("ticket", ticket)
        .put("fare", new JsonObject().put("amount", fare).put("currency", "USD"));
  }
}
