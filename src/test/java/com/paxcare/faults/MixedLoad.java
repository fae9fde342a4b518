package com.paxcare.faults;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A steady stream of urgent events, as a well-behaved client behind a load balancer sends them: each event has its
 * own Idempotency-Key; a refused connection, a timeout or a 503 is sent again (same key) to the next node after
 * the {@code Retry-After} it was given. It records what PaxCare accepted (2xx), so the suite can check that every
 * accepted event has its case, exactly one.
 */
final class MixedLoad implements AutoCloseable {
  private static final String[] TYPES = {"FAMILY_EMERGENCY", "MEDICAL_EMERGENCY", "BEREAVEMENT"};

  /** An event PaxCare answered 2xx, with the case it named. */
  record Accepted(String pnr, String lastName, String type, String caseId, String key) {
  }

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .version(HttpClient.Version.HTTP_1_1).build();
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final Supplier<List<String>> nodes;
  private final String key;
  private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
  private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger givenUp = new AtomicInteger();
  private final AtomicInteger next = new AtomicInteger();

  MixedLoad(Supplier<List<String>> nodes, String apiKey) {
    this.nodes = nodes;
    this.key = apiKey;
  }

  /** Sends one event per passenger of {@code passengers}, {@code perSecond} a second; answers when all are sent. */
  void run(List<JsonObject> passengers, int perSecond) throws InterruptedException {
    long period = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < passengers.size(); i++) {
      long due = start + i * period;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      JsonObject p = passengers.get(i);
      JsonObject event = com.paxcare.testing.Crowd.urgentEvent(TYPES[i % TYPES.length], p);
      inFlight.incrementAndGet();
      sent.incrementAndGet();
      send(event, UUID.randomUUID().toString(), 0);
    }
  }

  /** Waits until every event sent has its final answer (accepted, or given up after many tries). */
  void awaitAnswers(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    if (inFlight.get() > 0) {
      throw new AssertionError(inFlight.get() + " events still unanswered after " + timeout);
    }
  }

  private void send(JsonObject event, String idempotencyKey, int attempt) {
    List<String> up = nodes.get();
    String base = up.get(Math.floorMod(next.getAndIncrement(), up.size()));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(event.encode())).build();
    client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> {
      int status = failure != null ? -1 : answer.statusCode();
      answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      if (status >= 200 && status < 300) {
        accepted.add(new Accepted(event.getString("pnr"), event.getString("lastName"), event.getString("type"),
            new JsonObject(answer.body()).getString("id"), idempotencyKey));
        inFlight.decrementAndGet();
      } else if (status == -1 || status == 503 || status == 429) {
        if (attempt >= 120) {
          givenUp.incrementAndGet();
          inFlight.decrementAndGet();
          return;
        }
        retries.incrementAndGet();
        long after = status == -1 ? 250 : 1000L * answer.headers().firstValueAsLong("Retry-After").orElse(1);
        timer.schedule(() -> send(event, idempotencyKey, attempt + 1), after, TimeUnit.MILLISECONDS);
      } else {
        // A 4xx for a well-formed event is a defect: keep it for the report and the assertions.
        refused.add(status + " " + answer.body());
        inFlight.decrementAndGet();
      }
    });
  }

  private final List<String> refused = new CopyOnWriteArrayList<>();

  List<Accepted> accepted() {
    return Collections.unmodifiableList(new ArrayList<>(accepted));
  }

  List<String> refused() {
    return List.copyOf(refused);
  }

  int sent() {
    return sent.get();
  }

  int retries() {
    return retries.get();
  }

  int givenUp() {
    return givenUp.get();
  }

  /** Answers by status, -1 for a connection refused or a timeout. */
  Map<Integer, Integer> answers() {
    Map<Integer, Integer> copy = new java.util.TreeMap<>();
    answers.forEach((status, n) -> copy.put(status, n.get()));
    return copy;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
