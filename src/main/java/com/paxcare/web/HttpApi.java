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
import io.vertx.sqlclient.Pool;

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

  public static Router router(Vertx vertx, Pool pool, ClusterManager clusterManager, PrometheusMeterRegistry registry,
      BooleanSupplier draining, Clock clock, Buffer openApi) {
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      if (draining.getAsBoolean() && !ctx.request().path().startsWith("/health/")) {
        ctx.response().putHeader("Retry-After", "1").putHeader("Connection", "close");
        Failures.problemForStatus(ctx, 503, null);
        return;
      }
      ctx.next();
    });
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));

    FlightLookup flightLookup = new FlightLookup(pool);
    new FeedRoutes(new FlightFeed(pool), new BookingFeed(pool), new BagFeed(pool), flightLookup, vertx.eventBus(),
        clock).mount(router);
    new LookupRoutes(flightLookup, new BookingLookup(pool)).mount(router);
    new CaseRoutes(new Intake(pool, vertx.eventBus(), clock), new CaseQueries(pool), new RecallDesk(pool),
        new FollowUps(pool), new OutboundBsm(pool)).mount(router);
    new OpsRoutes(vertx, pool, clusterManager, registry, draining, openApi).mount(router);

    router.route().failureHandler(Failures::handle);
    router.errorHandler(404, ctx -> Failures.problemForStatus(ctx, 404, null));
    router.errorHandler(405, ctx -> Failures.problemForStatus(ctx, 405, null));
    router.errorHandler(413, ctx -> Failures.problemForStatus(ctx, 413, null));
    return router;
  }

}
