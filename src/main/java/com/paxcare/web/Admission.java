package com.paxcare.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Back-pressure at the door: a node takes at most {@code maxInFlight} API requests at once, and bulk feeds (flight
 * schedules, bookings, bag messages) at most {@code maxBulkInFlight} of them, so a storm of feed traffic can never
 * take the room an urgent event needs. Past either limit the answer is 503 with {@code Retry-After} at once,
 * rather than a queue that grows until every caller times out. One instance is shared by all of a node's HTTP
 * event loops (the counters are atomic); the live socket is not counted, it holds a connection, not work.
 */
public final class Admission {
  private static final String BULK_PREFIX = "/api/v1/feed/";

  private final int maxInFlight;
  private final int maxBulkInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger bulkInFlight = new AtomicInteger();
  private final Counter shedUrgent;
  private final Counter shedBulk;

  public Admission(int maxInFlight, int maxBulkInFlight, MeterRegistry registry) {
    this.maxInFlight = maxInFlight;
    this.maxBulkInFlight = maxBulkInFlight;
    this.shedUrgent = Counter.builder("paxcare.http.shed").tag("class", "interactive")
        .description("API requests answered 503 because the node was at capacity").register(registry);
    this.shedBulk = Counter.builder("paxcare.http.shed").tag("class", "bulk")
        .description("API requests answered 503 because the node was at capacity").register(registry);
    registry.gauge("paxcare.http.in_flight", inFlight);
  }

  /** Lets the request in and counts it until its answer is sent or its connection is gone; or sheds it. */
  public void handle(RoutingContext ctx) {
    boolean bulk = ctx.request().path().startsWith(BULK_PREFIX);
    if (bulk && bulkInFlight.incrementAndGet() > maxBulkInFlight) {
      bulkInFlight.decrementAndGet();
      shed(ctx, shedBulk);
      return;
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      if (bulk) {
        bulkInFlight.decrementAndGet();
      }
      shed(ctx, shedUrgent);
      return;
    }
    ctx.addEndHandler(done -> {
      inFlight.decrementAndGet();
      if (bulk) {
        bulkInFlight.decrementAndGet();
      }
    });
    ctx.next();
  }

  /** Requests being worked now (for the readiness details and tests). */
  public int inFlight() {
    return inFlight.get();
  }

  private static void shed(RoutingContext ctx, Counter counter) {
    counter.increment();
    ctx.response().putHeader("Retry-After", "1");
    Problem.send(ctx, 503, "overloaded", "At capacity",
        "This node is working as many requests as it takes at once; try again in a second.", null);
  }
}
