package com.paxcare.demo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The PX hub-and-spoke network: two hubs, eighteen spokes, block times and daily frequencies. */
final class Network {

  static final ZoneId HOME_ZONE = ZoneId.of("America/Chicago");
  static final Airport MDW = Airport.hub("MDW", "America/Chicago", "312");
  static final Airport DEN = Airport.hub("DEN", "America/Denver", "303");
  static final int SHUTTLES_PER_DIRECTION = 6;
  static final int SHUTTLE_BLOCK_MINUTES = 155;

  /** A spoke with its block time to each hub and its departures per direction per day. */
  record Route(Airport spoke, int minutesToMdw, int minutesToDen, int dailyMdw, int dailyDen) {}

  static final List<Route> ROUTES = List.of(
      route("CMH", "America/New_York", "614", 75, 160, 5, 3),
      route("LAX", "America/Los_Angeles", "310", 265, 150, 6, 5),
      route("SFO", "America/Los_Angeles", "415", 275, 165, 5, 4),
      route("SEA", "America/Los_Angeles", "206", 270, 170, 5, 4),
      route("PHX", "America/Phoenix", "602", 240, 110, 6, 5),
      route("LAS", "America/Los_Angeles", "702", 245, 115, 6, 5),
      route("DAL", "America/Chicago", "214", 140, 120, 5, 4),
      route("HOU", "America/Chicago", "713", 150, 140, 5, 4),
      route("ATL", "America/New_York", "404", 120, 180, 6, 3),
      route("MCO", "America/New_York", "407", 165, 225, 6, 4),
      route("BNA", "America/Chicago", "615", 95, 160, 5, 3),
      route("STL", "America/Chicago", "314", 70, 110, 5, 3),
      route("MSP", "America/Chicago", "612", 90, 120, 5, 4),
      route("BOS", "America/New_York", "617", 140, 230, 5, 3),
      route("LGA", "America/New_York", "212", 130, 225, 6, 4),
      route("SAN", "America/Los_Angeles", "619", 260, 150, 4, 4),
      route("SLC", "America/Denver", "801", 215, 90, 4, 5),
      route("BWI", "America/New_York", "410", 115, 205, 5, 3));

  private Network() {}

  private static Route route(String code, String zone, String areaCode, int toMdw, int toDen, int mdw, int den) {
    return new Route(Airport.spoke(code, zone, areaCode), toMdw, toDen, mdw, den);
  }

  static List<Airport> airports() {
    List<Airport> airports = new ArrayList<>(List.of(MDW, DEN));
    ROUTES.forEach(route -> airports.add(route.spoke()));
    return airports;
  }

  static Map<String, Airport> airportsByCode() {
    Map<String, Airport> byCode = new LinkedHashMap<>();
    airports().forEach(airport -> byCode.put(airport.code(), airport));
    return byCode;
  }
}
