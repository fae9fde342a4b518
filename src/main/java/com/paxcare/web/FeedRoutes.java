package com.paxcare.web;

import com.paxcare.db.schema.enums.FlightStatus;
import com.paxcare.feed.BagFeed;
import com.paxcare.feed.BookingFeed;
import com.paxcare.feed.BookingInput;
import com.paxcare.feed.FlightFeed;
import com.paxcare.feed.FlightInput;
import com.paxcare.feed.FlightKey;
import com.paxcare.lookup.FlightLookup;
import com.paxcare.validation.JsonFields;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import static com.paxcare.access.Role.ADMIN;
import static com.paxcare.access.Role.FEED;

import com.paxcare.disruption.Disruptions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The airline's systems feed PaxCare here (README, "Feed contract"). */
final class FeedRoutes {
  /** Published on the clustered event bus when a flight's operational status changes. */
  static final String FLIGHT_STATUS_ADDRESS = "paxcare.flight.status";
  private static final Set<String> STATUS_FIELDS = Set.of("status", "departure", "gate");

  private final FlightFeed flights;
  private final BookingFeed bookings;
  private final BagFeed bags;
  private final FlightLookup flightLookup;
  private final EventBus eventBus;
  private final Clock clock;
  private final Disruptions disruptions;
  private final int delayThresholdMinutes;

  FeedRoutes(FlightFeed flights, BookingFeed bookings, BagFeed bags, FlightLookup flightLookup, EventBus eventBus,
      Clock clock,
      Disruptions disruptions, int delayThresholdMinutes) {
    this.flights = flights;
    this.flightLookup = flightLookup;
    this.bookings = bookings;
    this.bags = bags;
    this.eventBus = eventBus;
    this.clock = clock;
    this.disruptions = disruptions;
    this.delayThresholdMinutes = delayThresholdMinutes;
  }

  void mount(Router router) {
    router.post("/api/v1/feed/flights").handler(Guard.only(ADMIN, FEED)).handler(this::flights);
    router.post("/api/v1/feed/flights/:flight/:date/:origin/status").handler(Guard.only(ADMIN, FEED)).handler(this::status);
    router.post("/api/v1/feed/bookings").handler(Guard.only(ADMIN, FEED)).handler(this::bookings);
    router.post("/api/v1/feed/bsm").handler(Guard.only(ADMIN, FEED)).handler(this::bsm);
  }

  private void flights(RoutingContext ctx) {
    var batch = FlightInput.readAll(Requests.jsonArray(ctx));
    flights.upsert(batch).onSuccess(count -> ctx.json(new JsonObject().put("upserted", count))).onFailure(ctx::fail);
  }

  private void bookings(RoutingContext ctx) {
    var batch = BookingInput.readAll(Requests.jsonArray(ctx));
    bookings.upsert(batch).onSuccess(count -> ctx.json(new JsonObject().put("upserted", count))).onFailure(ctx::fail);
  }

  private void bsm(RoutingContext ctx) {
    bags.receive(Requests.text(ctx), LocalDate.now(clock)).onSuccess(messages -> {
      JsonArray received = new JsonArray();
      messages.forEach(m -> received.add(new JsonObject()
          .put("line", m.firstLine()).put("action", m.action().name()).put("tags", new JsonArray(m.tags()))));
      ctx.json(new JsonObject().put("accepted", messages.size()).put("messages", received));
    }).onFailure(ctx::fail);
  }

  private void status(RoutingContext ctx) {
    FlightKey key = Requests.flightKey(ctx);
    JsonObject body = Requests.jsonObject(ctx);
    JsonFields fields = new JsonFields();
    fields.rejectUnknown(body, "", STATUS_FIELDS);
    FlightStatus status = fields.oneOf(body, "", "status", true, FlightStatus.class);
    var departure = fields.dateTime(body, "", "departure", false);
    String gate = fields.text(body, "", "gate", false, Pattern.compile("[A-Z0-9]{1,6}"), "a gate like B12");
    fields.throwIfAny();
    // A cancellation, or a delay past the threshold, raises a disruption by itself (before the times move,
    // so the delay is measured from what the flight was).
    disruptions.fromStatusFeed(key, status, departure, delayThresholdMinutes)
        .compose(raised -> flights.updateStatus(key, status, departure, gate)
            .compose(updated -> updated.isEmpty() ? Future.succeededFuture(Optional.<JsonObject>empty())
                : flightLookup.flight(key))
            .map(flight -> flight.map(f -> raised.map(r -> f.put("disruption", r.id().toString())).orElse(f))))
        .onSuccess(flight -> {
          if (flight.isEmpty()) {
            Problem.notFound(ctx, "No flight " + key.flight() + " on " + key.date() + " from " + key.origin());
            return;
          }
          eventBus.publish(FLIGHT_STATUS_ADDRESS, new JsonObject().put("flight", key.flight())
              .put("date", key.date().toString()).put("origin", key.origin()).put("status", status.getLiteral()));
          ctx.json(flight.get());
        })
        .onFailure(ctx::fail);
  }
}
