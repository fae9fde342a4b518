package com.paxcare.web;

import com.paxcare.access.Principal;
import com.paxcare.cases.OpsBoard;
import com.paxcare.cases.PassengerTrips;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import static com.paxcare.access.Role.ADMIN;
import static com.paxcare.access.Role.OPS;
import static com.paxcare.access.Role.PASSENGER;

/** Read-only views for two audiences: ops control's board, and a passenger's own trip. */
final class BoardRoutes {
  private final OpsBoard board;
  private final PassengerTrips trips;

  BoardRoutes(OpsBoard board, PassengerTrips trips) {
    this.board = board;
    this.trips = trips;
  }

  void mount(Router router) {
    router.get("/api/v1/ops/board").handler(Guard.only(ADMIN, OPS))
        .handler(ctx -> board.board().onSuccess(ctx::json).onFailure(ctx::fail));
    router.get("/api/v1/passenger/trip").handler(Audit.as("passenger.trip-read")).handler(Guard.only(PASSENGER))
        .handler(ctx -> {
          Principal passenger = Guard.principal(ctx);
          trips.trip(passenger.pnr(), passenger.name()).onSuccess(trip -> {
            trip.getJsonArray("cases").forEach(c -> Audit.touched(ctx,
                java.util.List.of(java.util.UUID.fromString(((JsonObject) c).getString("id")))));
            ctx.json(trip);
          }).onFailure(ctx::fail);
        });
  }
}
