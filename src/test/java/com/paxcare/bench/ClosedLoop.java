package com.paxcare.bench;

import com.paxcare.PaxCareNode;
import com.paxcare.cases.StepEngine;
import com.paxcare.testing.Http;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a fixed number of urgent events in progress on a node: each time one's whole plan is done (the node
 * publishes it), the next passenger's event is reported. Like pgbench's clients, it offers more than the node can
 * take as long as the number in progress is large enough, without an unbounded queue. The load generator runs in
 * the node's JVM, as pgbench runs on the same machine as PostgreSQL.
 */
final class ClosedLoop {
  private final PaxCareNode node;
  private final Seeding seeding;
  private final int last;
  private final WebClient client;
  private final Map<String, Long> inProgress = new ConcurrentHashMap<>();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Histogram latency = new Histogram(120_000_000L, 3);
  private int next;
  private int target;

  ClosedLoop(PaxCareNode node, Seeding seeding, int first, int last) {
    this.node = node;
    this.seeding = seeding;
    this.next = first;
    this.last = last;
    this.client = WebClient.create(node.vertx(), new WebClientOptions(), new PoolOptions().setHttp1MaxSize(128));
    node.vertx().eventBus().<JsonObject>consumer(StepEngine.PLAN_DONE_ADDRESS, message -> {
      Long sent = inProgress.remove(message.body().getString("pnr", ""));
      if (sent != null) {
        completed.incrementAndGet();
        synchronized (latency) {
          latency.recordValue(Math.min(latency.getHighestTrackableValue(), (System.nanoTime() - sent) / 1_000));
        }
        topUp();
      }
    });
  }

  /** Keeps this many events in progress from now on (0: sends no more). */
  void concurrency(int events) {
    synchronized (this) {
      target = events;
    }
    topUp();
  }

  long completed() {
    return completed.get();
  }

  long failed() {
    return failed.get();
  }

  int inProgress() {
    return inProgress.size();
  }

  /** Passengers used so far (the next one's index). */
  synchronized int nextPassenger() {
    return next;
  }

  synchronized boolean exhausted() {
    return next >= last;
  }

  /** Event-to-plan-done latencies recorded since the last call, and a fresh start. */
  Histogram takeLatency() {
    synchronized (latency) {
      Histogram copy = latency.copy();
      latency.reset();
      return copy;
    }
  }

  void close() {
    client.close();
  }

  private void topUp() {
    while (true) {
      int passenger;
      synchronized (this) {
        if (inProgress.size() >= target || next >= last) {
          return;
        }
        passenger = next++;
        inProgress.put(Seeding.pnr(passenger), System.nanoTime());
      }
      send(passenger);
    }
  }

  private void send(int passenger) {
    client.post(node.httpPort(), "127.0.0.1", "/api/v1/events").bearerTokenAuthentication(Http.TEST_ADMIN_KEY)
        .sendJsonObject(seeding.event(passenger)).onComplete(ar -> {
          if (ar.failed() || ar.result().statusCode() != 201) {
            failed.incrementAndGet();
            inProgress.remove(Seeding.pnr(passenger));
            topUp();
          }
        });
  }
}
