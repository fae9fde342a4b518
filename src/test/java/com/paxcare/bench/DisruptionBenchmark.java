package com.paxcare.bench;

import ch.qos.logback.classic.Level;
import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.disruption.Disruptions;
import com.paxcare.testing.Crowd;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: mass cancellations against one node on an embedded PostgreSQL, on this machine. Measures from the
 * moment the cancellation is sent to the moment the node announces the disruption done: every passenger given
 * seats and a ticket, or a waitlist place, with bags rerouted (BSMs written), care recorded and notices queued in
 * the outbox (their delivery is the outbox's work and not counted).
 * <ol>
 *   <li>one cancellation of a full 300-seat flight with enough seats on later flights;
 *   <li>ten cancellations of 200-seat flights sent at once, 2,000 passengers competing for 1,800 seats.
 * </ol>
 * {@code ./mvnw -q -B test-compile exec:exec@disruption-bench -Dbench.rounds=5}
 */
public final class DisruptionBenchmark {
  public static void main(String[] args) {
    try {
      run(Integer.parseInt(args[0]), Path.of(args[1]));
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(2);
    }
  }

  private record Scenario(List<JsonObject> cancelled) {
  }

  private static void run(int rounds, Path results) throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.paxcare")).setLevel(Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.hazelcast")).setLevel(Level.ERROR);
    int port = TestNodes.freePort();
    Config config = Config.from(TestNodes.environment("bench-" + UUID.randomUUID(), "bench", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_PG_POOL_SIZE", "16")));
    // As the product reaches its embedded server: over the server's Unix-domain socket.
    PaxCareNode node = TestNodes.start(config,
        TestDatabase.fresh().overSocket(com.paxcare.db.Database.socketDirectory(TestDatabase.server())));
    Http http = new Http(node.httpPort());

    // Every round's flights are fed up front: the rounds only cancel.
    Crowd crowd = new Crowd();
    List<Scenario> single = new ArrayList<>();
    List<Scenario> ten = new ArrayList<>();
    int number = 1000;
    for (int r = 0; r < rounds; r++) {
      JsonObject flight = crowd.toDenver("BA" + number++, 3, 300);
      JsonObject onward = crowd.flight("BA" + number++, "DEN", "SEA", 12, 150, 200);
      for (int i = 0; i < 4; i++) {
        crowd.toDenver("BA" + number++, 4 + i, 100);
      }
      crowd.book(flight, 300, onward);
      single.add(new Scenario(List.of(flight)));
    }
    for (int r = 0; r < rounds; r++) {
      List<JsonObject> flights = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        JsonObject flight = crowd.toDenver("BA" + number++, 2 + i * 0.25, 200);
        crowd.book(flight, 200, null);
        flights.add(flight);
      }
      for (int i = 0; i < 12; i++) {
        crowd.toDenver("BA" + number++, 5 + i * 0.5, 150);
      }
      ten.add(new Scenario(flights));
    }
    long feedStart = System.nanoTime();
    crowd.feed(http);
    System.out.printf("Fed %d flights, %d bookings in %.1f s%n", crowd.flights().size(), crowd.bookings().size(),
        (System.nanoTime() - feedStart) / 1e9);

    Map<String, CompletableFuture<JsonObject>> done = new ConcurrentHashMap<>();
    node.vertx().eventBus().<JsonObject>consumer(Disruptions.PROGRESS_ADDRESS, message -> {
      if ("DONE".equals(message.body().getString("status"))) {
        done.computeIfAbsent(message.body().getString("id"), k -> new CompletableFuture<>()).complete(message.body());
      }
    });

    List<String> lines = new ArrayList<>();
    lines.add("| scenario | round | passengers | re-accommodated | waitlisted | notices | bags | time |");
    lines.add("|---|---|---|---|---|---|---|---|");
    List<Double> singleTimes = new ArrayList<>();
    List<Double> tenTimes = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      singleTimes.add(cancel(http, done, single.get(r), "one cancellation, 300 passengers", r + 1, lines));
    }
    for (int r = 0; r < rounds; r++) {
      tenTimes.add(cancel(http, done, ten.get(r), "ten cancellations at once, 2,000 passengers", r + 1, lines));
    }
    long oversold = node.pool().query("SELECT count(*) FROM flight_cabin WHERE sold > capacity").execute()
        .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
    long twice = node.pool().query("SELECT count(*) FROM (SELECT pnr, pax_id FROM reissue GROUP BY pnr, pax_id"
        + " HAVING count(*) > 1) t").execute().toCompletionStage().toCompletableFuture().join().iterator().next()
        .getLong(0);

    String report = "# Mass disruption benchmark (latest run)\n\n"
        + "Run " + LocalDateTime.now().withNano(0) + " on " + Runtime.getRuntime().availableProcessors()
        + " cores: one node, embedded PostgreSQL (" + com.paxcare.testing.TestDatabase.durability() + "; over its Unix-domain socket), " + rounds
        + " rounds of each scenario.\n"
        + "Time: from sending the cancellation(s) to the node announcing every disruption done (seats, tickets, "
        + "bags, care and notices queued).\n\n"
        + String.join("\n", lines) + "\n\n"
        + String.format("- One 300-passenger cancellation: median %.0f ms, best %.0f ms, worst %.0f ms (aim: under 1 s)%n",
            median(singleTimes), min(singleTimes), max(singleTimes))
        + String.format("- Ten simultaneous cancellations, 2,000 passengers: median %.0f ms, best %.0f ms, worst %.0f ms"
            + " (aim: under 5 s)%n", median(tenTimes), min(tenTimes), max(tenTimes))
        + "- Cabins oversold afterwards: " + oversold + "; passengers reissued twice: " + twice + "\n";
    System.out.println(report);
    Files.createDirectories(results.getParent());
    Files.writeString(results, report);
    TestNodes.stop(node);
  }

  private static double cancel(Http http, Map<String, CompletableFuture<JsonObject>> done, Scenario scenario,
      String name, int round, List<String> lines) throws Exception {
    long start = System.nanoTime();
    List<CompletableFuture<Http.Answer>> sent = scenario.cancelled().stream()
        .map(f -> CompletableFuture.supplyAsync(() -> http.postJson("/api/v1/events", Crowd.cancellation(f))))
        .toList();
    int passengers = 0;
    int seated = 0;
    int waitlisted = 0;
    int notified = 0;
    int bags = 0;
    for (CompletableFuture<Http.Answer> answer : sent) {
      Http.Answer raised = answer.get(30, TimeUnit.SECONDS);
      if (raised.status() != 202) {
        throw new IllegalStateException("Cancellation refused: " + raised.status() + " " + raised.body());
      }
      String id = raised.json().getString("id");
      done.computeIfAbsent(id, k -> new CompletableFuture<>()).get(60, TimeUnit.SECONDS);
    }
    double millis = (System.nanoTime() - start) / 1e6;
    for (CompletableFuture<Http.Answer> answer : sent) {
      JsonObject progress = http.get("/api/v1/disruptions/" + answer.get().json().getString("id")).json()
          .getJsonObject("progress");
      passengers += progress.getInteger("affected");
      seated += progress.getInteger("reaccommodated");
      waitlisted += progress.getInteger("waitlisted");
      notified += progress.getInteger("notified");
      bags += progress.getInteger("bagsRerouted");
    }
    lines.add(String.format("| %s | %d | %d | %d | %d | %d | %d | %.0f ms |", name, round, passengers, seated,
        waitlisted, notified, bags, millis));
    System.out.println(lines.get(lines.size() - 1));
    return millis;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
