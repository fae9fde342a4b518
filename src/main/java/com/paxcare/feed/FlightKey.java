package com.paxcare.feed;

import java.time.LocalDate;

/** How the airline names one operated leg: flight number, local departure date, origin airport. */
public record FlightKey(String flight, LocalDate date, String origin) {

  /** "WN0012" and "WN12" are the same flight: numbers are kept without leading zeros, as BSMs may pad them. */
  public static String normalise(String flight) {
    String carrier = flight.substring(0, 2);
    String rest = flight.substring(2).replaceFirst("^0+(?=\\d)", "");
    return carrier + rest;
  }

  @Override
  public String toString() {
    return flight + " " + date + " " + origin;
  }
}
