package com.paxcare.web;

import com.paxcare.disruption.Disruptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

import static com.paxcare.access.Role.ADMIN;
import static com.paxcare.access.Role.CARE;
import static com.paxcare.access.Role.OPS;

/** Mass disruptions as ops control follows them: progress, and who is still waiting, by priority. */
final class DisruptionRoutes {
  private final Disruptions disruptions;

  DisruptionRoutes(Disruptions disruptions) {
    this.disruptions = disruptions;
  }

  void mount(Router router) {
    router.get("/api/v1/disruptions").handler(Guard.only(ADMIN, OPS, CARE)).handler(this::list);
    router.get("/api/v1/disruptions/:id").handler(Guard.only(ADMIN, OPS, CARE)).handler(this::view);
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
