package com.paxcare.web;

import com.paxcare.feed.FlightKey;
import com.paxcare.lookup.BookingLookup;
import com.paxcare.lookup.FlightLookup;
import com.paxcare.validation.FieldError;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

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
    router.get("/api/v1/flights").handler(this::search);
    router.get("/api/v1/flights/:flight/:date/:origin").handler(this::flight);
    router.get("/api/v1/bookings/:pnr").handler(this::booking);
  }

  private void flight(RoutingContext ctx) {
    FlightKey key = Requests.flightKey(ctx);
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
    flights.search(date, origin, destination, limit)
        .onSuccess(list -> ctx.json(new JsonObject().put("flights", list)))
        .onFailure(ctx::fail);
  }

  private void booking(RoutingContext ctx) {
    String pnr = ctx.pathParam("pnr");
    if (!PNR.matcher(pnr).matches()) {
      throw InvalidInput.of("pnr", "must be a 6-character record locator like K7Q2ZB");
    }
    bookings.booking(pnr).onSuccess(booking -> booking.ifPresentOrElse(ctx::json,
        () -> Problem.notFound(ctx, "No booking " + pnr))).onFailure(ctx::fail);
  }
}
