package com.paxcare.web;

import com.paxcare.feed.FlightKey;
import com.paxcare.lookup.BookingLookup;
import com.paxcare.lookup.FlightLookup;
import com.paxcare.validation.FieldError;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import com.paxcare.access.Principal;
import com.paxcare.access.Role;

import static com.paxcare.access.Role.ADMIN;
import static com.paxcare.access.Role.CARE;
import static com.paxcare.access.Role.CREW;
import static com.paxcare.access.Role.GATE;
import static com.paxcare.access.Role.OPS;
import static com.paxcare.access.Role.PASSENGER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What anyone helping a passenger reads: a flight with its seats, a booking with its bags. */
final class LookupRoutes {
  private static final Pattern PNR = Pattern.compile("[A-Z0-9]{6}");

  private final FlightLookup flights;
  private final BookingLookup bookings;

  LookupRoutes(FlightLookup flights, BookingLookup bookings) {
    this.flights = flights;
    this.bookings = bookings;
  }

  void mount(Router router) {
    router.get("/api/v1/flights").handler(Guard.only(ADMIN, OPS, CARE, GATE)).handler(this::search);
    router.get("/api/v1/flights/:flight/:date/:origin").handler(Guard.only(ADMIN, OPS, CARE, GATE, CREW))
        .handler(this::flight);
    router.get("/api/v1/bookings/:pnr").handler(Guard.only(ADMIN, OPS, CARE, PASSENGER)).handler(this::booking);
  }

  private void flight(RoutingContext ctx) {
    FlightKey key = Requests.flightKey(ctx);
    Principal principal = Guard.principal(ctx);
    Guard.require(principal.role() == Role.CREW ? principal.mayCrewFlight(key.flight(), key.date())
        : principal.role() != Role.GATE || principal.mayWorkStation(key.origin()),
        "A " + principal.role().code() + " may read only the flights of their " + (principal.role() == Role.CREW
            ? "own flight" : "station"));
    flights.flight(key).onSuccess(flight -> flight.ifPresentOrElse(ctx::json,
        () -> Problem.notFound(ctx, "No flight " + key.flight() + " on " + key.date() + " from " + key.origin())))
        .onFailure(ctx::fail);
  }

  private void search(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    String dateParam = ctx.queryParams().get("date");
    LocalDate date = dateParam == null ? null : Requests.date(dateParam, "date", errors);
    if (dateParam == null) {
      errors.add(new FieldError("date", "is required, like 2026-11-22"));
    }
    String origin = Requests.airport(ctx, "origin", errors);
    String destination = Requests.airport(ctx, "destination", errors);
    int limit = 500;
    String limitParam = ctx.queryParams().get("limit");
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam);
        if (limit < 1 || limit > 2000) {
          errors.add(new FieldError("limit", "must be between 1 and 2000"));
        }
      } catch (NumberFormatException e) {
        errors.add(new FieldError("limit", "must be a whole number"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    Principal principal = Guard.principal(ctx);
    Guard.require(principal.role() != Role.GATE || (origin != null && principal.mayWorkStation(origin)),
        "A gate agent searches the departures of their station: origin=" + principal.station());
    flights.search(date, origin, destination, limit)
        .onSuccess(list -> ctx.json(new JsonObject().put("flights", list)))
        .onFailure(ctx::fail);
  }

  private void booking(RoutingContext ctx) {
    String pnr = ctx.pathParam("pnr");
    if (!PNR.matcher(pnr).matches()) {
      throw InvalidInput.of("pnr", "must be a 6-character record locator like K7Q2ZB");
    }
    Guard.require(Guard.principal(ctx).mayReadBooking(pnr), "A passenger may read only their own booking");
    bookings.booking(pnr).onSuccess(booking -> booking.ifPresentOrElse(ctx::json,
        () -> Problem.notFound(ctx, "No booking " + pnr))).onFailure(ctx::fail);
  }
}
