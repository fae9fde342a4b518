package com.paxcare.bench;

import ch.qos.logback.classic.Level;
import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.cases.StepEngine;
import com.paxcare.recall.GateAlerts;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.http.PoolOptions;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: urgent events at a steady rate against one node on an embedded PostgreSQL, measuring from the
 * moment each POST /api/v1/events was due to be sent (so a slow server cannot hide its own queueing) to
 * (a) the gate alert arriving on the event bus and (b) the whole plan being done.
 *
 * <p>{@code ./mvnw -q -B test-compile exec:exec@bench -Dbench.rate=100 -Dbench.seconds=30}
 */
public final class UrgentEventBenchmark {
  private static final int FLIGHTS = 40;
  /**
   * Passengers a boarding flight (-Dbench.passengers over the 40 flights; 12,000 by default): each event is for
   * another passenger, so warm-up and run together need that many. A run long enough for the JIT to settle needs
   * more than the default (on two cores C2 was still compiling a core's worth 45 s into a run).
   */
  private static final int PASSENGERS_PER_FLIGHT = Integer.getInteger("bench.passengers", 12_000) / FLIGHTS;
  /** Seats in each cabin Y of the flights to rebook onto: enough for every passenger, whichever flight she takes. */
  private static final int REBOOK_SEATS = Math.max(180, FLIGHTS * PASSENGERS_PER_FLIGHT / 30 * 2);
  /** Where the relatives are: urgent personal events are independent, so their destinations spread. */
  private static final String[] DESTINATIONS = {"DEN", "LAX", "SFO", "SEA", "PHX", "LAS", "ATL", "BOS", "LGA", "MSP"};

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(2); // Vert.x and Hazelcast threads would keep a failed run alive
    }
  }

  private static void run(String[] args) throws Exception {
    int rate = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    Path results = Path.of(args[2]);
    int warmupSeconds = Integer.getInteger("bench.warmup", 60);
    int warmupEvents = rate * warmupSeconds;
    int events = rate * seconds;
    if (warmupEvents + events > FLIGHTS * PASSENGERS_PER_FLIGHT) {
      throw new IllegalArgumentException("At most " + FLIGHTS * PASSENGERS_PER_FLIGHT
          + " events, warm-up included (distinct passengers)");
    }
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.paxcare")).setLevel(Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.hazelcast")).setLevel(Level.ERROR);

    int port = TestNodes.freePort();
    Config config = Config.from(TestNodes.environment("bench-" + UUID.randomUUID(), "bench", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_PG_POOL_SIZE", System.getProperty("bench.pool", "32"))));
    // As the product reaches its embedded server: over the server's Unix-domain socket.
    PaxCareNode node = TestNodes.start(config,
        TestDatabase.fresh().overSocket(com.paxcare.db.Database.socketDirectory(TestDatabase.server())));
    Http http = new Http(node.httpPort());
    loadAirline(http);

    Vertx vertx = node.vertx();
    Map<String, Long> due = new ConcurrentHashMap<>();
    Histogram toAlert = new Histogram(60_000_000L, 3);
    Histogram toPlanDone = new Histogram(60_000_000L, 3);
    Histogram toAnswer = new Histogram(60_000_000L, 3);
    CountDownLatch warmupDone = new CountDownLatch(warmupEvents);
    CountDownLatch plansDone = new CountDownLatch(events);
    AtomicLong lastPlanDone = new AtomicLong();
    for (int f = 0; f < FLIGHTS; f++) {
      vertx.eventBus().<JsonObject>consumer(GateAlerts.address("MDW", gate(f)), message -> {
        JsonObject alert = message.body();
        Long start = due.get(alert.getString("pnr", ""));
        if (start != null && start > 0 && "RECALL".equals(alert.getString("kind"))) {
          record(toAlert, start);
        }
      });
    }
    vertx.eventBus().<JsonObject>consumer(StepEngine.PLAN_DONE_ADDRESS, message -> {
      Long start = due.get(message.body().getString("pnr"));
      if (start == null) {
        return;
      }
      if (start < 0) {
        warmupDone.countDown();
      } else {
        record(toPlanDone, start);
        lastPlanDone.set(System.nanoTime());
        plansDone.countDown();
      }
    });

    WebClient client = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(64));
    // Warm-up: the same load on other passengers, not recorded, so that the figures are of a node whose JIT has
    // compiled the path (a node in service runs warm; the first seconds of a fresh JVM are another story).
    if (warmupEvents > 0) {
      send(vertx, client, node.httpPort(), 0, warmupEvents, rate, due, null, new AtomicInteger(), new AtomicInteger())
          .await(warmupSeconds + 60L, TimeUnit.SECONDS);
      if (!warmupDone.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The warm-up's plans did not finish");
      }
    }
    AtomicInteger created = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Cpu cpu = new Cpu(postmaster());
    Cpu.Sample before = cpu.sample();
    long begin = System.nanoTime();
    CountDownLatch allSent = send(vertx, client, node.httpPort(), warmupEvents, events, rate, due, toAnswer, created,
        failed);
    allSent.await(seconds + 60L, TimeUnit.SECONDS);
    double sendSeconds = (System.nanoTime() - begin) / 1e9;
    boolean finished = plansDone.await(120, TimeUnit.SECONDS);
    Cpu.Sample used = cpu.sample().minus(before);
    double busySeconds = (lastPlanDone.get() - begin) / 1e9;

    String report = report(rate, seconds, warmupSeconds, events, created.get(), failed.get(), sendSeconds, finished,
        toAnswer, toAlert, toPlanDone)
        + String.format(Locale.ROOT, "%n- Whole plans done per second over the run (first event sent to last plan "
            + "done, %.1f s): %.1f%n", busySeconds, events / busySeconds)
        + String.format(Locale.ROOT, "- CPU per event (the run's CPU time / events): this JVM (node and load "
            + "generator) %.2f ms, PostgreSQL (all its processes) %.2f ms; the machine's 2 cores give %.0f ms "
            + "per second%n", 1000 * used.jvm() / events, 1000 * used.postgres() / events,
            Runtime.getRuntime().availableProcessors() * 1000.0)
        + "- CPU of the run: " + used.describe("children") + "\n";
    System.out.println(report);
    Files.createDirectories(results.getParent());
    Files.writeString(results, report);
    client.close();
    TestNodes.stop(node);
    System.exit(finished && failed.get() == 0 ? 0 : 1);
  }

  /**
   * Sends {@code count} events (passengers {@code from}, {@code from + 1}...) at {@code rate} a second, each timed
   * from when it was due. Warm-up events ({@code answers} null) are marked with a negative due time.
   */
  private static CountDownLatch send(Vertx vertx, WebClient client, int port, int from, int count, int rate,
      Map<String, Long> due, Histogram answers, AtomicInteger created, AtomicInteger failed) {
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    AtomicInteger sent = new AtomicInteger();
    CountDownLatch allSent = new CountDownLatch(1);
    vertx.setPeriodic(1, timer -> {
      // Send every event whose time has come (a 1 ms timer may fire late: catch up, keep the schedule).
      while (sent.get() < count && begin + sent.get() * periodNanos <= System.nanoTime()) {
        int i = sent.getAndIncrement();
        long scheduled = begin + i * periodNanos;
        String pnr = pnr(from + i);
        due.put(pnr, answers == null ? -1L : scheduled);
        JsonObject event = new JsonObject().put("type", "FAMILY_EMERGENCY").put("pnr", pnr).put("lastName", "BENCH")
            .put("destination", destination(from + i))
            .put("reporter", new JsonObject().put("name", "RELATIVE").put("phone", "+13125559999"));
        client.post(port, "127.0.0.1", "/api/v1/events")
            .bearerTokenAuthentication(com.paxcare.testing.Http.TEST_ADMIN_KEY).sendJsonObject(event).onComplete(ar -> {
          if (answers != null) {
            record(answers, scheduled);
          }
          if (ar.succeeded() && ar.result().statusCode() == 201) {
            created.incrementAndGet();
          } else {
            failed.incrementAndGet();
          }
        });
      }
      if (sent.get() >= count) {
        vertx.cancelTimer(timer);
        allSent.countDown();
      }
    });
    return allSent;
  }

  /** The benchmark's PostgreSQL server process, found from one of its backends. */
  private static long postmaster() throws Exception {
    try (var connection = TestDatabase.server().getPostgresDatabase().getConnection();
         var statement = connection.createStatement();
         var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
      rows.next();
      return Cpu.parentOf(rows.getLong(1));
    }
  }

  private static void record(Histogram histogram, long start) {
    synchronized (histogram) {
      histogram.recordValue(Math.max(0, (System.nanoTime() - start) / 1_000));
    }
  }

  static String destination(int i) {
    return System.getProperty("bench.single") != null ? "DEN" : DESTINATIONS[i % DESTINATIONS.length];
  }

  static String pnr(int i) {
    return String.format("B%05d", i);
  }

  /** Names are letters only: passenger i is called e.g. "PAXBCD". */
  static String letters(int i) {
    StringBuilder name = new StringBuilder();
    int n = i;
    do {
      name.append((char) ('A' + n % 26));
      n /= 26;
    } while (n > 0);
    return "PAX" + name;
  }

  static String gate(int flight) {
    return "G" + (flight + 1);
  }

  /** 40 flights boarding or taxiing out of Midway, a passenger a booking, and empty flights to Denver. */
  private static void loadAirline(Http http) {
    ZonedDateTime now = ZonedDateTime.now(Story.CHICAGO).withNano(0);
    JsonArray flights = new JsonArray();
    for (int f = 0; f < FLIGHTS; f++) {
      flights.add(Story.flight("BX" + (100 + f), "MDW", "CMH", now.plusMinutes(10), now.plusHours(2)
              .withZoneSameInstant(Story.COLUMBUS), gate(f), new JsonObject().put("Y", PASSENGERS_PER_FLIGHT),
          f % 2 == 0 ? "BOARDING" : "TAXIING"));
    }
    for (int f = 0; f < 30; f++) {
      flights.add(Story.flight("BX" + (500 + f), "MDW", DESTINATIONS[f % DESTINATIONS.length],
          now.plusMinutes(60 + 10L * f), now.plusMinutes(180 + 10L * f), "D" + f,
          new JsonObject().put("Y", REBOOK_SEATS).put("J", 12), "SCHEDULED"));
    }
    require(http.postJson("/api/v1/feed/flights", flights), "flights");
    StringBuilder bsm = new StringBuilder();
    JsonArray bookings = new JsonArray();
    for (int i = 0; i < FLIGHTS * PASSENGERS_PER_FLIGHT; i++) {
      int f = i % FLIGHTS;
      JsonObject flight = flights.getJsonObject(f);
      int row = i / FLIGHTS;
      String seat = (5 + row / 6) + "ABCDEF".substring(row % 6, row % 6 + 1);
      bookings.add(Story.booking(pnr(i), letters(i), "BENCH",
          "+1312555" + String.format("%04d", i), "pax" + i + "@example.com", flight, seat,
          f % 2 == 0 ? "CHECKED_IN" : "BOARDED", String.format("526%010d", i)));
      String ddmmm = OffsetDateTime.parse(flight.getString("departure")).toLocalDate()
          .format(DateTimeFormatter.ofPattern("ddMMM", Locale.ENGLISH)).toUpperCase(Locale.ROOT);
      bsm.append("BSM\n.V/1LMDW\n.F/").append(flight.getString("flight")).append('/').append(ddmmm)
          .append("/CMH/Y\n.N/").append(String.format("0526%06d001", i)).append("\n.W/K/1/20\n.P/1BENCH/")
          .append(letters(i)).append("\n.L/").append(pnr(i)).append("\nENDBSM\n");
      if (bookings.size() == 1000) {
        require(http.postJson("/api/v1/feed/bookings", bookings), "bookings");
        require(http.post("/api/v1/feed/bsm", "text/plain", bsm.toString()), "bags");
        bookings = new JsonArray();
        bsm.setLength(0);
      }
    }
    if (!bookings.isEmpty()) {
      require(http.postJson("/api/v1/feed/bookings", bookings), "bookings");
      require(http.post("/api/v1/feed/bsm", "text/plain", bsm.toString()), "bags");
    }
  }

  private static void require(Http.Answer answer, String what) {
    if (answer.status() != 200) {
      throw new IllegalStateException("Loading " + what + " failed: " + answer.status() + " " + answer.body());
    }
  }

  private static String report(int rate, int seconds, int warmupSeconds, int events, int created, int failed, double sendSeconds,
      boolean finished, Histogram answer, Histogram alert, Histogram plan) {
    String line = "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n";
    StringBuilder text = new StringBuilder();
    text.append("# Urgent-event benchmark\n\n")
        .append("Command: `./mvnw -q -B test-compile exec:exec@bench -Dbench.rate=").append(rate)
        .append(" -Dbench.seconds=").append(seconds).append(" -Dbench.warmup=").append(warmupSeconds)
        .append(" -Dbench.passengers=").append(FLIGHTS * PASSENGERS_PER_FLIGHT).append("`\n\n")
        .append("- Date: ").append(OffsetDateTime.now()).append('\n')
        .append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(ManagementFactory.getOperatingSystemMXBean().getName()).append(' ')
        .append(ManagementFactory.getOperatingSystemMXBean().getArch()).append(", Java ")
        .append(System.getProperty("java.version")).append('\n')
        .append("- Set-up: one PaxCare node (clustered Vert.x, cluster of one) in the benchmark's JVM, embedded ")
        .append("PostgreSQL 17 on the same machine (").append(TestDatabase.durability())
        .append("; the node's pool over its Unix-domain socket), ")
        .append(String.format(Locale.ROOT, "%,d", FLIGHTS * PASSENGERS_PER_FLIGHT)).append(" passengers on 40 flights boarding or taxiing ")
        .append("at Midway (half at the gate, half on board behind closed doors), each with a checked bag; ")
        .append("30 flights to ten destinations to rebook onto. Each event is a family emergency for another ")
        .append("passenger, who needs to go to one of the ten (")
        .append(System.getProperty("bench.single") != null ? "all to DEN: one hot flight at a time" : "spread evenly")
        .append(").\n")
        .append("- Load: ").append(rate).append(" events/s for ").append(seconds).append(" s = ").append(events)
        .append(" events, sent in ").append(String.format("%.1f", sendSeconds)).append(" s; ")
        .append(created).append(" answered 201, ").append(failed).append(" failed; all plans done: ")
        .append(finished).append("\n")
        .append("- Latency is measured from when each event was due to be sent (coordinated omission avoided), ")
        .append("after a warm-up of ").append(warmupSeconds).append(" s at the same rate on other passengers ")
        .append("(not counted).\n\n")
        .append("| from POST /api/v1/events to | count | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n")
        .append("|---|---|---|---|---|---|---|\n");
    text.append(String.format(Locale.ROOT, line, "201 answer (case recorded)", answer.getTotalCount(),
        ms(answer, 50), ms(answer, 90), ms(answer, 99), ms(answer, 99.9), answer.getMaxValue() / 1000.0));
    text.append(String.format(Locale.ROOT, line, "gate alert published", alert.getTotalCount(), ms(alert, 50),
        ms(alert, 90), ms(alert, 99), ms(alert, 99.9), alert.getMaxValue() / 1000.0));
    text.append(String.format(Locale.ROOT, line, "whole plan done", plan.getTotalCount(), ms(plan, 50), ms(plan, 90),
        ms(plan, 99), ms(plan, 99.9), plan.getMaxValue() / 1000.0));
    return text.toString();
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
