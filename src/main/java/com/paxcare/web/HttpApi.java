package com.paxcare.web;

import com.paxcare.baggage.OutboundBsm;
import com.paxcare.cases.CaseQueries;
import com.paxcare.feed.BagFeed;
import com.paxcare.followup.FollowUps;
import com.paxcare.intake.Intake;
import com.paxcare.recall.RecallDesk;
import com.paxcare.feed.BookingFeed;
import com.paxcare.feed.FlightFeed;
import com.paxcare.lookup.BookingLookup;
import com.paxcare.lookup.FlightLookup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import com.paxcare.access.ApiKey;
import com.paxcare.access.Passwords;
import com.paxcare.access.RateLimits;
import com.paxcare.access.Scopes;
import com.paxcare.access.Tokens;
import com.paxcare.access.Users;
import com.paxcare.cases.OpsBoard;
import com.paxcare.cases.PassengerTrips;
import java.util.List;
import io.vertx.sqlclient.Pool;

import com.paxcare.disruption.Disruptions;

import java.time.Clock;
import java.util.function.BooleanSupplier;

/** PaxCare's HTTP edge: routes to the capabilities, and every error as a problem answer. */
public final class HttpApi {
  /** Large enough for a bookings feed batch of {@code BookingInput.MAX_BATCH}, small enough to bound memory. */
  public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private HttpApi() {
  }

  /** The API description, read once from the classpath by the caller's thread (never on an event loop). */
  public static Buffer openApiDocument() {
    try (var in = HttpApi.class.getResourceAsStream("/openapi.yaml")) {
      return Buffer.buffer(in.readAllBytes());
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("openapi.yaml is missing from the classpath", e);
    }
  }

  /**
   * Who may come in, and how many at once: partner keys, token signing, the sign-in rate limit and the node's
   * admission limits, shared by a node's servers.
   */
  public record Gatekeeping(List<ApiKey> apiKeys, Tokens tokens, RateLimits signIns, Admission admission) {
  }

  public static Router router(Vertx vertx, Pool pool, ClusterManager clusterManager, PrometheusMeterRegistry registry,
      BooleanSupplier draining, Clock clock, Buffer openApi, Gatekeeping gatekeeping,
      com.paxcare.Config.DisruptionRules disruptionRules, com.paxcare.cases.StepEngine firstSteps) {
    Router router = Router.router(vertx);
    router.route().handler(SecurityHeaders::apply); // first, so that every answer carries them, errors too
    router.route().handler(ctx -> {
      if (draining.getAsBoolean() && !ctx.request().path().startsWith("/health/")) {
        ctx.response().putHeader("Retry-After", "1").putHeader("Connection", "close");
        Failures.problemForStatus(ctx, 503, null);
        return;
      }
      ctx.next();
    });
    // The live socket upgrades before any body handling.
    router.get("/api/v1/live").handler(new LiveSocket(vertx, gatekeeping.tokens())::handle);
    router.route("/api/*").handler(gatekeeping.admission()::handle);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    Guard guard = new Guard(gatekeeping.apiKeys(), gatekeeping.tokens());
    router.route("/api/*").handler(guard::authenticate);
    new Audit(new com.paxcare.audit.AuditTrail(pool, clock)).mount(router); // after authentication, before the routes
    Scopes scopes = new Scopes(pool);
    new AuthRoutes(new Users(pool, new Passwords(vertx)), scopes, gatekeeping.tokens(), gatekeeping.signIns())
        .mount(router);

    FlightLookup flightLookup = new FlightLookup(pool);
    Disruptions disruptions = new Disruptions(pool, vertx.eventBus());
    new FeedRoutes(new FlightFeed(pool), new BookingFeed(pool), new BagFeed(pool), flightLookup, vertx.eventBus(),
        clock, disruptions, disruptionRules.delayThresholdMinutes()).mount(router);
    new LookupRoutes(flightLookup, new BookingLookup(pool)).mount(router);
    CaseQueries cases = new CaseQueries(pool);
    new CaseRoutes(new Intake(pool, vertx.eventBus(), clock, firstSteps), cases, new RecallDesk(pool, vertx.eventBus()),
        new FollowUps(pool), new OutboundBsm(pool), scopes, disruptions).mount(router);
    new DisruptionRoutes(disruptions, new com.paxcare.disruption.Refunds(pool, vertx.eventBus())).mount(router);
    new BoardRoutes(new OpsBoard(pool), new PassengerTrips(pool, cases)).mount(router);
    new OpsRoutes(vertx, pool, clusterManager, registry, draining, openApi).mount(router);
    // The screens: plain files, cached briefly so a fix reaches tablets within minutes.
    // (Everything outside /api, so that an unknown API path stays a 404 and a wrong method a 405.)
    // The screens load only their own files and talk only to their own node: an injected script, were one ever
    // to slip through, could neither load code from elsewhere nor send a token away.
    router.routeWithRegex(io.vertx.core.http.HttpMethod.GET, "^/(?!api/).*")
        .handler(io.vertx.ext.web.handler.CSPHandler.create()
            .addDirective("default-src", "'self'")
            .addDirective("connect-src", "'self'")
            .addDirective("img-src", "'self' data:")
            .addDirective("frame-ancestors", "'none'"))
        .handler(ctx -> {
          ctx.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
          ctx.next();
        })
        .handler(StaticHandler.create("webroot").setMaxAgeSeconds(300).setIndexPage("index.html"));

    router.route().failureHandler(Failures::handle);
    router.errorHandler(404, ctx -> Failures.problemForStatus(ctx, 404, null));
    router.errorHandler(405, ctx -> Failures.problemForStatus(ctx, 405, null));
    router.errorHandler(413, ctx -> Failures.problemForStatus(ctx, 413, null));
    return router;
  }

}
