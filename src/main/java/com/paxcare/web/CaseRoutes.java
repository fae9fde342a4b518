package com.paxcare.web;

import com.paxcare.baggage.OutboundBsm;
import com.paxcare.cases.CaseQueries;
import com.paxcare.db.schema.enums.CaseStatus;
import com.paxcare.followup.FollowUps;
import com.paxcare.intake.Intake;
import com.paxcare.intake.PassengerFinder;
import com.paxcare.intake.UrgentEvent;
import com.paxcare.recall.RecallDesk;
import com.paxcare.validation.FieldError;
import com.paxcare.validation.InvalidInput;
import com.paxcare.validation.JsonFields;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Urgent events and the cases they open, as the care desk, gates, crews and ops use them. */
final class CaseRoutes {
  private static final Pattern STATION = Pattern.compile("[A-Z]{3}");
  private static final Pattern GATE = Pattern.compile("[A-Z0-9]{1,6}|\\*");
  private static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");

  private final Intake intake;
  private final CaseQueries cases;
  private final RecallDesk recall;
  private final FollowUps followUps;
  private final OutboundBsm outboundBsm;

  CaseRoutes(Intake intake, CaseQueries cases, RecallDesk recall, FollowUps followUps, OutboundBsm outboundBsm) {
    this.intake = intake;
    this.cases = cases;
    this.recall = recall;
    this.followUps = followUps;
    this.outboundBsm = outboundBsm;
  }

  void mount(Router router) {
    router.post("/api/v1/events").handler(this::report);
    router.get("/api/v1/cases").handler(this::list);
    router.get("/api/v1/cases/:id").handler(this::view);
    router.post("/api/v1/cases/:id/recall").handler(this::recallReport);
    router.get("/api/v1/gates/:station/:gate/alerts").handler(this::gateAlerts);
    router.get("/api/v1/crew/messages").handler(this::crewMessages);
    router.post("/api/v1/crew/messages/:id/ack").handler(this::acknowledge);
    router.get("/api/v1/bsm/outbound").handler(this::outbound);
    router.get("/api/v1/followups").handler(this::followUps);
    router.post("/api/v1/followups/:id/complete").handler(this::complete);
  }

  private void report(RoutingContext ctx) {
    UrgentEvent event = UrgentEvent.read(Requests.jsonObject(ctx));
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null && (key.isBlank() || key.length() > 200)) {
      throw InvalidInput.of("Idempotency-Key", "must be 1 to 200 characters");
    }
    String actor = event.reporter() != null ? "reported by " + event.reporter().name() : "reported by care desk";
    intake.report(event, Optional.ofNullable(key), actor)
        .compose(outcome -> (outcome.opened() != null
            ? io.vertx.core.Future.succeededFuture(Optional.of(outcome.opened())) : cases.view(outcome.caseId()))
            .map(view -> {
          ctx.response().setStatusCode(outcome.created() ? 201 : 200)
              .putHeader("Location", "/api/v1/cases/" + outcome.caseId());
          ctx.json(view.orElseThrow());
          return null;
        }))
        .onFailure(failure -> {
          if (failure instanceof PassengerFinder.NotFound notFound) {
            Problem.notFound(ctx, notFound.getMessage());
          } else if (failure instanceof PassengerFinder.Ambiguous ambiguous) {
            Problem.send(ctx, 409, "ambiguous-passenger", "Several passengers match", ambiguous.getMessage(),
                List.of(new FieldError("firstName", "several passengers match; say which")),
                new JsonObject().put("candidates", ambiguous.candidates()));
          } else {
            ctx.fail(failure);
          }
        });
  }

  private void list(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    CaseStatus filter = null;
    if (status != null) {
      try {
        filter = CaseStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw InvalidInput.of("status", "must be OPEN or CLOSED");
      }
    }
    cases.list(filter).onSuccess(list -> ctx.json(new JsonObject().put("cases", list))).onFailure(ctx::fail);
  }

  private void view(RoutingContext ctx) {
    UUID id = caseId(ctx);
    cases.view(id).onSuccess(view -> view.ifPresentOrElse(ctx::json, () -> Problem.notFound(ctx, "No case " + id)))
        .onFailure(ctx::fail);
  }

  private void recallReport(RoutingContext ctx) {
    UUID id = caseId(ctx);
    JsonObject body = Requests.jsonObject(ctx);
    JsonFields fields = new JsonFields();
    fields.rejectUnknown(body, "", Set.of("status"));
    String status = fields.text(body, "", "status", true, Pattern.compile("FOUND|DEPLANED"), "FOUND or DEPLANED");
    fields.throwIfAny();
    recall.reportRecall(id, status, "gate").compose(found -> found ? cases.view(id) : io.vertx.core.Future
            .succeededFuture(Optional.<JsonObject>empty()))
        .onSuccess(view -> view.ifPresentOrElse(ctx::json, () -> Problem.notFound(ctx, "No case " + id)))
        .onFailure(ctx::fail);
  }

  private void gateAlerts(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    String station = ctx.pathParam("station");
    String gate = ctx.pathParam("gate");
    if (!STATION.matcher(station).matches()) {
      errors.add(new FieldError("station", "must be a 3-letter IATA airport code"));
    }
    if (!GATE.matcher(gate).matches()) {
      errors.add(new FieldError("gate", "must be a gate like B12"));
    }
    long after = longParam(ctx, "after", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    recall.gateAlerts(station, gate, after).onSuccess(alerts -> ctx.json(new JsonObject().put("alerts", alerts)))
        .onFailure(ctx::fail);
  }

  private void crewMessages(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    String flight = ctx.queryParams().get("flight");
    if (flight == null || !FLIGHT.matcher(flight).matches()) {
      errors.add(new FieldError("flight", "is required, like WN1234"));
    }
    String dateParam = ctx.queryParams().get("date");
    LocalDate date = Requests.date(dateParam, "date", errors);
    String origin = Requests.airport(ctx, "origin", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    recall.crewMessages(com.paxcare.feed.FlightKey.normalise(flight), date, origin)
        .onSuccess(list -> ctx.json(new JsonObject().put("messages", list))).onFailure(ctx::fail);
  }

  private void acknowledge(RoutingContext ctx) {
    long id = idParam(ctx);
    recall.acknowledge(id, "crew").onSuccess(message -> message.ifPresentOrElse(ctx::json,
        () -> Problem.notFound(ctx, "No crew message " + id))).onFailure(ctx::fail);
  }

  private void outbound(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    long after = longParam(ctx, "after", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    outboundBsm.after(after, 1000).onSuccess(page -> ctx.response()
            .putHeader("Content-Type", "text/plain; charset=utf-8")
            .putHeader("X-Last-Id", Long.toString(page.lastId()))
            .end(page.text()))
        .onFailure(ctx::fail);
  }

  private void followUps(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !Set.of("DUE", "DONE").contains(status)) {
      throw InvalidInput.of("status", "must be DUE or DONE");
    }
    followUps.list(status).onSuccess(list -> ctx.json(new JsonObject().put("followUps", list))).onFailure(ctx::fail);
  }

  private void complete(RoutingContext ctx) {
    long id = idParam(ctx);
    JsonObject body = Requests.jsonObject(ctx);
    JsonFields fields = new JsonFields();
    fields.rejectUnknown(body, "", Set.of("outcome"));
    String outcome = fields.text(body, "", "outcome", true, Pattern.compile("[^\\p{Cntrl}]{1,1000}"),
        "what the call found, 1 to 1000 characters");
    fields.throwIfAny();
    followUps.complete(id, outcome, "care desk").onSuccess(done -> done.ifPresentOrElse(ctx::json,
        () -> Problem.notFound(ctx, "No follow-up " + id))).onFailure(ctx::fail);
  }

  private static UUID caseId(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("id", "must be a case id (UUID)");
    }
  }

  private static long idParam(RoutingContext ctx) {
    try {
      long id = Long.parseLong(ctx.pathParam("id"));
      if (id < 1) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw InvalidInput.of("id", "must be a positive whole number");
    }
  }

  private static long longParam(RoutingContext ctx, String name, List<FieldError> errors) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return 0;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      errors.add(new FieldError(name, "must be a whole number"));
      return 0;
    }
  }
}
