package com.paxcare.web;

import com.paxcare.access.Principal;
import com.paxcare.disruption.Disruptions;
import com.paxcare.disruption.Refunds;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

import static com.paxcare.access.Role.ADMIN;
import static com.paxcare.access.Role.CARE;
import static com.paxcare.access.Role.OPS;
import static com.paxcare.access.Role.PASSENGER;

/** Mass disruptions as ops control follows them: progress, and who is still waiting, by priority. */
final class DisruptionRoutes {
  private final Disruptions disruptions;
  private final Refunds refunds;

  DisruptionRoutes(Disruptions disruptions, Refunds refunds) {
    this.disruptions = disruptions;
    this.refunds = refunds;
  }

  void mount(Router router) {
    router.get("/api/v1/disruptions").handler(Guard.only(ADMIN, OPS, CARE)).handler(this::list);
    router.get("/api/v1/disruptions/:id").handler(Guard.only(ADMIN, OPS, CARE)).handler(this::view);
    router.post("/api/v1/cases/:id/refund").handler(Audit.as("case.refund")).handler(Guard.only(ADMIN, OPS, CARE)).handler(this::refundCase);
    router.post("/api/v1/passenger/refund").handler(Audit.as("passenger.refund")).handler(Guard.only(PASSENGER)).handler(this::refundMine);
  }

  /** The care desk (or ops) records that she would rather not travel. */
  private void refundCase(RoutingContext ctx) {
    refund(ctx, Requests.uuid(ctx, "id", "a case"));
  }

  /** The passenger herself, signed in with her booking, chooses the refund her rights give her. */
  private void refundMine(RoutingContext ctx) {
    Principal passenger = Guard.principal(ctx);
    refunds.caseOf(passenger.pnr(), passenger.name()).onSuccess(caseId -> {
      if (caseId.isEmpty()) {
        Problem.send(ctx, 409, "no-refund", "No refund to choose", "none of your flights has been disrupted",
            java.util.List.of(), null);
      } else {
        Audit.touched(ctx, java.util.List.of(caseId.get()));
        refund(ctx, caseId.get());
      }
    }).onFailure(ctx::fail);
  }

  private void refund(RoutingContext ctx, UUID caseId) {
    refunds.choose(caseId, Guard.principal(ctx).actor()).onSuccess(refund -> {
      ctx.response().setStatusCode(refund.created() ? 201 : 200);
      ctx.json(refund.toJson());
    }).onFailure(failure -> {
      if (failure instanceof Refunds.NotOffered notOffered) {
        Problem.send(ctx, 409, "no-refund", "No refund to choose", notOffered.getMessage(), java.util.List.of(), null);
      } else {
        ctx.fail(failure);
      }
    });
  }

  private void list(RoutingContext ctx) {
    disruptions.recent().onSuccess(list -> ctx.json(new JsonObject().put("disruptions", list))).onFailure(ctx::fail);
  }

  private void view(RoutingContext ctx) {
    UUID id = Requests.uuid(ctx, "id", "a disruption");
    disruptions.view(id).onSuccess(found -> {
      if (found.isEmpty()) {
        Problem.notFound(ctx, "No disruption " + id);
      } else {
        ctx.json(found.get());
      }
    }).onFailure(ctx::fail);
  }
}
