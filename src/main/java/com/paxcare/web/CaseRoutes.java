package com.paxcare.web;

import com.paxcare.db.CommitCursor;
import com.paxcare.access.AccessDenied;
import com.paxcare.access.Principal;
import com.paxcare.access.Role;
import com.paxcare.access.Scopes;
import com.paxcare.baggage.OutboundBsm;
import com.paxcare.cases.CaseQueries;
import com.paxcare.db.schema.enums.CaseStatus;
import com.paxcare.disruption.DisruptionKind;
import com.paxcare.disruption.Disruptions;
import com.paxcare.disruption.FlightEvent;
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

import static com.paxcare.access.Role.ADMIN;
import static com.paxcare.access.Role.CARE;
import static com.paxcare.access.Role.CREW;
import static com.paxcare.access.Role.FEED;
import static com.paxcare.access.Role.GATE;
import static com.paxcare.access.Role.OPS;

/** Urgent events and the cases they open, as the care desk, gates, crews and ops use them. */
final class CaseRoutes {
  private static final Pattern STATION_CODE = Pattern.compile("[A-Z]{3}");
  private static final Pattern GATE_CODE = Pattern.compile("[A-Z0-9]{1,6}|\\*");
  private static final Pattern FLIGHT_NUMBER = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");

  private final Intake intake;
  private final CaseQueries cases;
  private final RecallDesk recall;
  private final FollowUps followUps;
  private final OutboundBsm outboundBsm;
  private final Scopes scopes;
  private final Disruptions disruptions;

  CaseRoutes(Intake intake, CaseQueries cases, RecallDesk recall, FollowUps followUps, OutboundBsm outboundBsm,
      Scopes scopes, Disruptions disruptions) {
    this.scopes = scopes;
    this.disruptions = disruptions;
    this.intake = intake;
    this.cases = cases;
    this.recall = recall;
    this.followUps = followUps;
    this.outboundBsm = outboundBsm;
  }

  void mount(Router router) {
    router.post("/api/v1/events").handler(Audit.as("case.report")).handler(Guard.only(ADMIN, OPS, CARE)).handler(this::report);
    router.get("/api/v1/cases").handler(Guard.only(ADMIN, OPS, CARE)).handler(this::list);
    router.get("/api/v1/cases/:id").handler(Audit.as("case.read")).handler(Guard.only(ADMIN, OPS, CARE, GATE)).handler(this::caseAtStation)
        .handler(this::view);
    router.post("/api/v1/cases/:id/recall").handler(Audit.as("case.recall")).handler(Guard.only(ADMIN, OPS, GATE)).handler(this::caseAtStation)
        .handler(this::recallReport);
    router.post("/api/v1/cases/:id/meal-voucher/issue").handler(Audit.as("case.meal-voucher"))
        .handler(Guard.only(ADMIN, OPS, GATE))
        .handler(this::caseAtStation).handler(this::handOverVoucher);
    router.post("/api/v1/cases/:id/bags/:tag/offloaded").handler(Audit.as("case.bag-offloaded"))
        .handler(Guard.only(ADMIN, OPS, GATE))
        .handler(this::caseAtStation).handler(this::bagOffloaded);
    router.get("/api/v1/gates/:station/:gate/alerts").handler(Audit.as("gate.alerts-read")).handler(Guard.only(ADMIN, OPS, GATE)).handler(this::gateAlerts);
    router.post("/api/v1/gates/alerts/:id/ack").handler(Audit.as("gate.alert-ack")).handler(Guard.only(ADMIN, OPS, GATE)).handler(this::acknowledgeAlert);
    router.get("/api/v1/crew/messages").handler(Audit.as("crew.messages-read")).handler(Guard.only(ADMIN, OPS, CREW)).handler(this::crewMessages);
    router.post("/api/v1/crew/messages/:id/ack").handler(Audit.as("crew.message-ack")).handler(Guard.only(ADMIN, OPS, CREW)).handler(this::acknowledge);
    router.get("/api/v1/bsm/outbound").handler(Guard.only(ADMIN, OPS, FEED)).handler(this::outbound);
    router.get("/api/v1/followups").handler(Guard.only(ADMIN, OPS, CARE)).handler(this::followUps);
    router.post("/api/v1/followups/:id/complete").handler(Audit.as("followup.complete"))
        .handler(Guard.only(ADMIN, CARE)).handler(this::complete);
  }

  /** A gate agent works the cases of their station: those that raised an alert or gave care there. */
  private void caseAtStation(RoutingContext ctx) {
    Principal principal = Guard.principal(ctx);
    if (principal.role() != Role.GATE) {
      ctx.next();
      return;
    }
    UUID id = caseId(ctx);
    scopes.caseStations(id).onSuccess(stations -> {
      if (stations.contains(principal.station())) {
        ctx.next();
      } else {
        ctx.fail(AccessDenied.forbidden("Case " + id + " is not worked at " + principal.station()));
      }
    }).onFailure(ctx::fail);
  }

  private void report(RoutingContext ctx) {
    JsonObject body = Requests.jsonObject(ctx);
    if (FlightEvent.isFlightEvent(body)) {
      flightEvent(ctx, FlightEvent.read(body));
      return;
    }
    UrgentEvent event = UrgentEvent.read(body);
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null && (key.isBlank() || key.length() > 200)) {
      throw InvalidInput.of("Idempotency-Key", "must be 1 to 200 characters");
    }
    String actor = Guard.principal(ctx).actor()
        + (event.reporter() != null ? " for " + event.reporter().name() : "");
    intake.report(event, Optional.ofNullable(key), actor)
        .compose(outcome -> (outcome.opened() != null
            ? io.vertx.core.Future.succeededFuture(Optional.of(outcome.opened())) : cases.view(outcome.caseId()))
            .map(view -> {
          Audit.touched(ctx, List.of(outcome.caseId()));
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

  /**
   * A flight event: 202 with the disruption's id at once (200 when it lands on one already raised); the
   * passengers are re-accommodated in the background, followed at {@code /api/v1/disruptions/{id}}. Only ops
   * control says a flight is cancelled, delayed or diverted; the care desk may report a missed connection.
   */
  private void flightEvent(RoutingContext ctx, FlightEvent event) {
    Principal principal = Guard.principal(ctx);
    if (event.kind() != DisruptionKind.MISSED_CONNECTION && principal.role() == Role.CARE) {
      throw AccessDenied.forbidden("only ops control reports what happens to a flight");
    }
    disruptions.raise(event, principal.actor())
        .compose(raised -> disruptions.view(raised.id()).map(view -> {
          ctx.response().setStatusCode(raised.created() ? 202 : 200)
              .putHeader("Location", "/api/v1/disruptions/" + raised.id());
          ctx.json(view.orElseThrow());
          return null;
        }))
        .onFailure(failure -> {
          if (failure instanceof Disruptions.NotFound notFound) {
            Problem.notFound(ctx, notFound.getMessage());
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
    recall.reportRecall(id, status, Guard.principal(ctx).actor()).compose(found -> found ? cases.view(id) : io.vertx.core.Future
            .succeededFuture(Optional.<JsonObject>empty()))
        .onSuccess(view -> view.ifPresentOrElse(ctx::json, () -> Problem.notFound(ctx, "No case " + id)))
        .onFailure(ctx::fail);
  }

  private void gateAlerts(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    String station = ctx.pathParam("station");
    String gate = ctx.pathParam("gate");
    if (!STATION_CODE.matcher(station).matches()) {
      errors.add(new FieldError("station", "must be a 3-letter IATA airport code"));
    }
    if (!GATE_CODE.matcher(gate).matches()) {
      errors.add(new FieldError("gate", "must be a gate like B12"));
    }
    CommitCursor after = cursorParam(ctx, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    Principal principal = Guard.principal(ctx);
    Guard.require(principal.mayWorkStation(station), "A gate agent at " + principal.station() + " may not read "
        + station + "'s alerts");
    recall.gateAlerts(station, gate, after).onSuccess(page -> {
          Audit.touched(ctx, page.alerts());
          ctx.json(new JsonObject().put("alerts", page.alerts()).put("next", page.next().toString()));
        })
        .onFailure(ctx::fail);
  }

  private void crewMessages(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    String flight = ctx.queryParams().get("flight");
    if (flight == null || !FLIGHT_NUMBER.matcher(flight).matches()) {
      errors.add(new FieldError("flight", "is required, like WN1234"));
    }
    String dateParam = ctx.queryParams().get("date");
    LocalDate date = Requests.date(dateParam, "date", errors);
    String origin = Requests.airport(ctx, "origin", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    String flightNo = com.paxcare.feed.FlightKey.normalise(flight);
    Principal principal = Guard.principal(ctx);
    Guard.require(principal.mayCrewFlight(flightNo, date), "The crew of " + principal.flight() + " " + principal.date()
        + " may not read " + flightNo + " " + date);
    recall.crewMessages(flightNo, date, origin).onSuccess(list -> {
      Audit.touched(ctx, list);
      ctx.json(new JsonObject().put("messages", list));
    }).onFailure(ctx::fail);
  }

  private void acknowledge(RoutingContext ctx) {
    long id = idParam(ctx);
    Principal principal = Guard.principal(ctx);
    scopes.crewMessageFlight(id).compose(flight -> {
      if (flight.isPresent() && !principal.mayCrewFlight(flight.get().flight(), flight.get().date())) {
        return io.vertx.core.Future.failedFuture(AccessDenied.forbidden("Crew message " + id + " is for "
            + flight.get().flight() + " " + flight.get().date()));
      }
      return recall.acknowledge(id, principal.actor());
    }).onSuccess(message -> message.ifPresentOrElse(json -> {
      Audit.touched(ctx, json);
      ctx.json(json);
    }, () -> Problem.notFound(ctx, "No crew message " + id))).onFailure(ctx::fail);
  }

  private void acknowledgeAlert(RoutingContext ctx) {
    long id = idParam(ctx);
    Principal principal = Guard.principal(ctx);
    scopes.alertStation(id).compose(station -> {
      if (station.isPresent() && !principal.mayWorkStation(station.get())) {
        return io.vertx.core.Future.failedFuture(AccessDenied.forbidden("Alert " + id + " is for " + station.get()));
      }
      return recall.acknowledgeAlert(id, principal.actor());
    }).onSuccess(alert -> alert.ifPresentOrElse(json -> {
      Audit.touched(ctx, json);
      ctx.json(json);
    }, () -> Problem.notFound(ctx, "No gate alert " + id)))
        .onFailure(ctx::fail);
  }

  private void handOverVoucher(RoutingContext ctx) {
    UUID id = caseId(ctx);
    recall.handOverMealVoucher(id, Guard.principal(ctx).actor()).compose(found -> found
            ? cases.view(id) : io.vertx.core.Future.succeededFuture(Optional.<JsonObject>empty()))
        .onSuccess(view -> view.ifPresentOrElse(ctx::json,
            () -> Problem.notFound(ctx, "Case " + id + " has no meal voucher")))
        .onFailure(ctx::fail);
  }

  private void bagOffloaded(RoutingContext ctx) {
    UUID id = caseId(ctx);
    String tag = ctx.pathParam("tag");
    if (!tag.matches("[0-9]{10}")) {
      throw InvalidInput.of("tag", "must be a 10-digit bag tag number");
    }
    recall.bagOffloaded(id, tag, Guard.principal(ctx).actor()).compose(found -> found
            ? cases.view(id) : io.vertx.core.Future.succeededFuture(Optional.<JsonObject>empty()))
        .onSuccess(view -> view.ifPresentOrElse(ctx::json,
            () -> Problem.notFound(ctx, "Case " + id + " has no bag " + tag)))
        .onFailure(ctx::fail);
  }

  private void outbound(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    CommitCursor after = cursorParam(ctx, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    outboundBsm.after(after, 1000).onSuccess(page -> ctx.response()
            .putHeader("Content-Type", "text/plain; charset=utf-8")
            .putHeader("X-Last-Id", Long.toString(page.lastId()))
            .putHeader("X-Next", page.next().toString())
            .end(page.text()))
        .onFailure(ctx::fail);
  }

  /** {@code after}: a cursor from a previous page's {@code next}, or (older clients) the last id seen. */
  private static CommitCursor cursorParam(RoutingContext ctx, List<FieldError> errors) {
    CommitCursor cursor = CommitCursor.parse(ctx.queryParams().get("after"));
    if (cursor == null) {
      errors.add(new FieldError("after", "must be the 'next' cursor of a previous answer (like 8812-42) or an id"));
      return CommitCursor.START;
    }
    return cursor;
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
    followUps.complete(id, outcome, Guard.principal(ctx).actor()).onSuccess(done -> done.ifPresentOrElse(json -> {
      Audit.touched(ctx, json);
      ctx.json(json);
    }, () -> Problem.notFound(ctx, "No follow-up " + id))).onFailure(ctx::fail);
  }

  private static UUID caseId(RoutingContext ctx) {
    return Requests.uuid(ctx, "id", "a case");
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
