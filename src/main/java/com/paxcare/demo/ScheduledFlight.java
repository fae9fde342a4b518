package com.paxcare.demo;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** One operated leg while the demo is generated; its departure may still be moved for the story. */
final class ScheduledFlight {

  private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  final String number;
  final LocalDate date;
  final String dateText; // shared by the flight's many segments
  final Airport origin;
  final Airport destination;
  final int blockMinutes;
  final String gate;
  final int economySeats;
  final int businessSeats;
  final SeatPool economy;
  final SeatPool business;
  private ZonedDateTime departure;
  private ZonedDateTime arrival;
  private Instant departureInstant; // cached: compared many times while connections are searched
  private Instant arrivalInstant;

  ScheduledFlight(String number, ZonedDateTime departure, Airport origin, Airport destination, int blockMinutes,
      String gate, int economySeats, int businessSeats, SplittableRandom random) {
    this.number = number;
    this.date = departure.toLocalDate();
    this.dateText = date.toString();
    this.origin = origin;
    this.destination = destination;
    this.blockMinutes = blockMinutes;
    this.gate = gate;
    this.economySeats = economySeats;
    this.businessSeats = businessSeats;
    this.economy = SeatPool.of('Y', economySeats, random);
    this.business = businessSeats > 0 ? SeatPool.of('J', businessSeats, random) : null;
    departAt(departure);
  }

  /** Moves the flight to a new departure on the same local date, keeping its block time. */
  void departAt(ZonedDateTime newDeparture) {
    ZonedDateTime local = newDeparture.withZoneSameInstant(origin.zone());
    if (!local.toLocalDate().equals(date)) throw new IllegalArgumentException(number + " would change date");
    departure = local;
    arrival = local.plusMinutes(blockMinutes).withZoneSameInstant(destination.zone());
    departureInstant = departure.toInstant();
    arrivalInstant = arrival.toInstant();
  }

  ZonedDateTime departure() {
    return departure;
  }

  ZonedDateTime arrival() {
    return arrival;
  }

  Instant departureInstant() {
    return departureInstant;
  }

  Instant arrivalInstant() {
    return arrivalInstant;
  }

  /** The cabin's seats, or null when the aircraft has no such cabin. */
  SeatPool seats(char cabin) {
    return cabin == 'J' ? business : economy;
  }

  FlightStatus statusAt(Instant now) {
    return FlightStatus.at(now, departureInstant(), arrivalInstant());
  }

  JsonObject toJson(Instant now) {
    JsonObject seats = new JsonObject().put("Y", economySeats);
    if (businessSeats > 0) seats.put("J", businessSeats);
    return new JsonObject()
        .put("flight", number)
        .put("date", dateText)
        .put("origin", origin.code())
        .put("destination", destination.code())
        .put("departure", ISO_WITH_OFFSET.format(departure))
        .put("arrival", ISO_WITH_OFFSET.format(arrival))
        .put("gate", gate)
        .put("seats", seats)
        .put("status", statusAt(now).name());
  }
}
