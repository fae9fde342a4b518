package com.paxcare.web;

import com.paxcare.access.Principal;
import com.paxcare.audit.AuditTrail;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.paxcare.access.Role.ADMIN;
import static com.paxcare.access.Role.OPS;

/**
 * The audit trail at the edge. A route that reads or changes a case names its action first in its chain (so a
 * refused attempt is recorded too), and the case it touched when that is not its {@code :id}; once the answer is
 * sent, each case touched is recorded with the caller, the answer's status and the client's address.
 */
final class Audit {
  private static final String ACTION = "paxcare.audit.action";
  private static final String CASES = "paxcare.audit.cases";

  private final AuditTrail trail;

  Audit(AuditTrail trail) {
    this.trail = trail;
  }

  /** Mounted right after authentication: it watches every API request, and serves the trail. */
  void mount(Router router) {
    router.route("/api/*").handler(this::watch);
    router.get("/api/v1/cases/:id/audit").handler(as("case.audit-read")).handler(Guard.only(ADMIN, OPS))
        .handler(this::read);
  }

  /** First in a route's chain: this request reads or changes a case, the one its {@code :id} names if any. */
  static Handler<RoutingContext> as(String action) {
    return ctx -> {
      ctx.put(ACTION, action);
      String id = ctx.pathParam("id");
      if (id != null) {
        try {
          touched(ctx, List.of(UUID.fromString(id)));
        } catch (IllegalArgumentException notAnId) {
          // The route answers 400; there is no case to record.
        }
      }
      ctx.next();
    };
  }

  /** The cases a request touched, when its path does not name them. */
  static void touched(RoutingContext ctx, Collection<UUID> cases) {
    Set<UUID> all = ctx.get(CASES);
    if (all == null) {
      all = new LinkedHashSet<>();
      ctx.put(CASES, all);
    }
    all.addAll(cases);
  }

  /** The cases named by {@code caseId} in an answer's JSON, or in each element of a list. */
  static void touched(RoutingContext ctx, Object json) {
    Set<UUID> cases = new LinkedHashSet<>();
    if (json instanceof JsonObject object && object.getString("caseId") != null) {
      cases.add(UUID.fromString(object.getString("caseId")));
    } else if (json instanceof JsonArray array) {
      array.forEach(element -> {
        if (element instanceof JsonObject object && object.getString("caseId") != null) {
          cases.add(UUID.fromString(object.getString("caseId")));
        }
      });
    }
    touched(ctx, cases);
  }

  private void watch(RoutingContext ctx) {
    ctx.addEndHandler(ended -> {
      String action = ctx.get(ACTION);
      Set<UUID> cases = ctx.get(CASES);
      Principal who = Guard.principalIfAny(ctx);
      int status = ctx.response().getStatusCode();
      // What was done (2xx) and what was refused (403); a 400 or 404 touched no case.
      if (action == null || cases == null || who == null || !(status / 100 == 2 || status == 403)) {
        return;
      }
      String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
      cases.forEach(caseId -> trail.record(caseId, who, action, status, client));
    });
    ctx.next();
  }

  private void read(RoutingContext ctx) {
    UUID id = Requests.uuid(ctx, "id", "a case");
    long after = 0;
    String param = ctx.queryParams().get("after");
    if (param != null) {
      try {
        after = Long.parseLong(param);
      } catch (NumberFormatException e) {
        throw InvalidInput.of("after", "must be a whole number (an entry's id)");
      }
    }
    trail.forCase(id, after).onSuccess(found -> found.ifPresentOrElse(ctx::json,
        () -> Problem.notFound(ctx, "No case " + id))).onFailure(ctx::fail);
  }
}
