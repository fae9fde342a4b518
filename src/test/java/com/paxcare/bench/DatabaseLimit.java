package com.paxcare.bench;

import ch.qos.logback.classic.Level;
import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.cases.StepEngine;
import com.paxcare.db.Database;
import com.paxcare.rebook.SeatMap;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: the database's limit for urgent events, and how close PaxCare comes to it, in one run on one embedded
 * PostgreSQL:
 * <ol>
 *   <li>a node (behind {@link WireTap}) on the limit airline ({@link Seeding}) reports a few family emergencies one at
 *       a time while PostgreSQL logs every statement; each event's statements (the answer and the whole plan, in the
 *       node's transactions, with its round trips) are read back from the log ({@link Trace});
 *   <li>two of them become a pgbench script ({@link PgbenchScript}), written to load-tests/pgbench/urgent-event.sql;
 *   <li>a node without the tap is kept busy with events ({@link ClosedLoop}): its sustained events/s;
 *   <li>pgbench runs the script on the same database, each transaction one event on a passenger of its own, first
 *       checked (every event leaves the same rows as the node's), then at a few client counts: its best tps;
 *   <li>the ratio, CPU shares and pg_stat_statements' top statements go to load-tests/results/limit-latest.md.
 * </ol>
 * {@code ./mvnw -q -B test-compile exec:exec@limit -Dlimit.seconds=30}
 */
public final class DatabaseLimit {
  static final String DB = "limit_bench";
  /** Passengers 0..9 are captured (one per destination), 10..79 warm the node up, the node's run starts at 100. */
  private static final int CAPTURES = 10;
  private static final int NODE_FIRST = 100;
  private static final int CAPTURE_POOL = 4;
  private static final int WARM_UP_SECONDS = 40;

  public static void main(String[] args) {
    try {
      new DatabaseLimit(Path.of(args[0]), Path.of(args[1])).run();
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(2);
    }
  }

  private final Path scriptFile;
  private final Path resultsFile;
  private final int seconds = Integer.getInteger("limit.seconds", 30);
  private final int trialSeconds = Integer.getInteger("limit.trial", 8);
  private final int passengers = Integer.getInteger("limit.passengers", 60_000);
  private final int pool = Integer.getInteger("limit.pool", 16);
  private final List<Integer> clients = ints(System.getProperty("limit.clients", "1,2,3,4,8,16"));
  private final List<Integer> concurrencies = ints(System.getProperty("limit.concurrency", "16,32,64,128"));
  private final StringBuilder progress = new StringBuilder();
  private EmbeddedPostgres pg;
  private Cpu cpu;

  private DatabaseLimit(Path scriptFile, Path resultsFile) {
    this.scriptFile = scriptFile;
    this.resultsFile = resultsFile;
  }

  private void run() throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.paxcare")).setLevel(Level.WARN);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.hazelcast")).setLevel(Level.ERROR);
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
    String date = Report.command("date").trim();
    Path work = Path.of("target", "limit").toAbsolutePath();
    Path logDir = work.resolve("pglog");
    deleteTree(logDir);
    if (Files.isDirectory(work)) {
      try (var old = Files.list(work)) {
        for (Path file : old.filter(f -> f.getFileName().toString().startsWith("pgbench-")).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(logDir);
    Path log = logDir.resolve("statements.json"); // jsonlog adds .json to log_filename
    pg = com.paxcare.db.Database.durable(EmbeddedPostgres.builder())
        .setServerConfig("max_connections", "300")
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.max", "10000")
        .setServerConfig("logging_collector", "on")
        .setServerConfig("log_destination", "jsonlog")
        .setServerConfig("log_directory", logDir.toString())
        .setServerConfig("log_filename", "statements")
        .setServerConfig("log_rotation_size", "0")
        .setServerConfig("log_rotation_age", "0")
        .start();
    try {
      String admin = pg.getJdbcUrl("postgres", "postgres");
      try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + DB);
      }
      Database.external(url(pg.getPort()), "postgres", "postgres").migrate();
      String postgresVersion;
      try (Connection c = jdbc(); Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION pg_stat_statements");
        try (ResultSet rows = s.executeQuery("SELECT version(), pg_backend_pid(), current_setting('fsync'),"
            + " current_setting('synchronous_commit')")) {
          rows.next();
          postgresVersion = rows.getString(1) + " (embedded by zonky; fsync " + rows.getString(3)
              + ", synchronous_commit " + rows.getString(4);
          cpu = new Cpu(Cpu.parentOf(rows.getLong(2)));
        }
      }
      Seeding.spreadSequences(pg);

      // 1. Capture.
      Seeding seeding;
      List<PgbenchScript.Capture> captures = new ArrayList<>();
      int idleTransactions = 0;
      int idleStatements = 0;
      try (WireTap tap = new WireTap(pg.getPort())) {
        // A pool of 4: one step lane per worker. The event's wake-up gives each worker's lane the case to claim by
        // its id; with more lanes, idle ones race it with "any due step", which pgbench clients cannot run (each
        // must claim its own event's step). The statements do not depend on the pool's size.
        PaxCareNode node = startNode(Database.external(url(tap.port()), "postgres", "postgres"), CAPTURE_POOL);
        try {
          Http http = new Http(node.httpPort());
          long started = System.nanoTime();
          seeding = Seeding.load(http, passengers);
          note("Seeded %d passengers on %d flights in %.1f s", passengers, seeding.flights.size(),
              (System.nanoTime() - started) / 1e9);
          sql("VACUUM ANALYZE");
          Waiter waiter = new Waiter(node);
          List<CompletableFuture<JsonObject>> warm = new ArrayList<>();
          for (int i = 10; i < 80; i++) {
            warm.add(waiter.send(http, seeding, i));
          }
          CompletableFuture.allOf(warm.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
          Thread.sleep(1500);
          sql("ALTER SYSTEM SET log_statement = 'all'");
          sql("SELECT pg_reload_conf()");
          Thread.sleep(500);
          for (int i = 0; i < CAPTURES; i++) {
            long offset = StatementLog.end(log);
            tap.record();
            JsonObject opened = waiter.send(http, seeding, i).get(30, TimeUnit.SECONDS);
            UUID caseId = UUID.fromString(opened.getString("id"));
            awaitQuiet(caseId);
            List<WireTap.Execution> executions = tap.stop();
            Thread.sleep(300);
            Trace trace = Trace.of(StatementLog.read(log, offset), executions);
            idleTransactions += trace.idleTransactions().size();
            idleStatements += trace.idleTransactions().stream().mapToInt(t -> t.statements().size()).sum();
            if (trace.eventTransactions().size() < 3) {
              throw new IllegalStateException("Capture of passenger " + i + " found " + trace.transactions.size()
                  + " transactions in " + Files.size(log) + " bytes of log and " + executions.size() + " on the wire");
            }
            captures.add(new PgbenchScript.Capture(i, trace.eventTransactions(), identity(i, opened)));
          }
          sql("ALTER SYSTEM RESET log_statement");
          sql("SELECT pg_reload_conf()");
        } finally {
          TestNodes.stop(node);
        }
      }

      // 2. The script.
      PgbenchScript script = null;
      List<String> mismatches = new ArrayList<>();
      PgbenchScript.Capture first = null;
      search:
      for (int a = 0; a < captures.size(); a++) {
        for (int b = a + 1; b < captures.size(); b++) {
          try {
            script = PgbenchScript.build(captures.get(a), captures.get(b), header(date));
            first = captures.get(a);
            note("Script from the events of passengers %d and %d", a, b);
            break search;
          } catch (PgbenchScript.Mismatch mismatch) {
            mismatches.add(a + "/" + b + ": " + mismatch.getMessage());
          }
        }
      }
      if (script == null) {
        throw new IllegalStateException("No two captured events have one shape:\n" + String.join("\n", mismatches));
      }
      Files.createDirectories(scriptFile.getParent());
      Files.writeString(scriptFile, script.text);
      Path runScript = work.resolve("urgent-event.sql");
      Files.writeString(runScript, script.text);

      // 3. PaxCare's sustained events/s.
      sql("VACUUM ANALYZE");
      sql("CHECKPOINT");
      // Enough passengers for the node at up to 250 events/s; the rest are pgbench's.
      int nodeSeconds = WARM_UP_SECONDS + concurrencies.size() * (3 + trialSeconds) + 3 + seconds + 5;
      int nodeLast = NODE_FIRST + Math.min((passengers - NODE_FIRST) / 2, 250 * nodeSeconds);
      NodeRun nodeRun = measureNode(seeding, nodeLast);

      // 4. pgbench.
      int pgFirst = nodeRun.nextPassenger;
      int rows = createBenchTables(script, pgFirst);
      sql("VACUUM ANALYZE");
      // Over the Unix-domain socket, like the node below.
      Pgbench pgbench = new Pgbench(Database.socketDirectory(pg), pg.getPort(), DB, work);
      Pgbench.Result check = pgbench.run(runScript, 2, 2, 0, 2);
      if (!check.ok() || check.failed() > 0) {
        throw new IllegalStateException("pgbench check failed:\n" + check.output());
      }
      String footprint = compareFootprints(first, 4);
      pgbench.run(runScript, 4, 2, 5, 0); // warm-up: caches, and every client's statements prepared once
      sql("CHECKPOINT");
      List<Pgbench.Result> trials = new ArrayList<>();
      List<Cpu.Sample> trialCpu = new ArrayList<>();
      for (int c : clients) {
        long left = rows - used();
        Pgbench.Result best = trials.stream().max(java.util.Comparator.comparingDouble(Pgbench.Result::tps)).orElse(null);
        if (best != null && left < best.tps() * (trialSeconds + seconds) * 1.3) {
          note("pgbench -c %d skipped: %d passengers left", c, left);
          continue;
        }
        Cpu.Sample start = cpu.sample();
        Pgbench.Result trial = pgbench.run(runScript, c, Math.min(c, 2), trialSeconds, 0);
        awaitBackendsGone();
        trialCpu.add(cpu.sample().minus(start));
        trials.add(trial);
        note("pgbench -c %d -j %d -T %d: %.1f tps, %d failed, exit %d", c, Math.min(c, 2), trialSeconds, trial.tps(),
            trial.failed(), trial.exitCode());
      }
      Pgbench.Result bestTrial = trials.stream().filter(Pgbench.Result::ok)
          .max(java.util.Comparator.comparingDouble(Pgbench.Result::tps)).orElseThrow();
      sql("CHECKPOINT");
      sql("SELECT pg_stat_statements_reset()");
      Cpu.Sample before = cpu.sample();
      Pgbench.Result main = pgbench.run(runScript, bestTrial.clients(), bestTrial.threads(), seconds, 0);
      awaitBackendsGone(); // their CPU is the postmaster's once it has reaped them
      Cpu.Sample pgbenchCpu = cpu.sample().minus(before);
      List<Report.Top> pgbenchTop;
      try (Connection c = jdbc()) {
        pgbenchTop = Report.statements(c, DB);
      }
      note("pgbench main: %.1f tps (%s)", main.tps(), main.ok() ? "ok" : "FAILED");

      writeReport(date, postgresVersion, seeding, script, first, idleTransactions, idleStatements, nodeRun, check, footprint,
          trials, trialCpu, main, pgbenchCpu, pgbenchTop);
    } finally {
      pg.close();
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // The node's run

  /** rate: events/s; CPU per event, ms. */
  private record NodeTrial(double rate, double postgresMs, double jvmMs) {
  }

  private record NodeRun(Map<Integer, NodeTrial> trials, int concurrency, double eventsPerSecond, long events,
      long failed, Histogram latency, Cpu.Sample cpu, List<Report.Top> top, int nextPassenger) {
  }

  private NodeRun measureNode(Seeding seeding, int last) throws Exception {
    // Over the server's Unix-domain socket, as the product reaches its embedded server, and as pgbench connects.
    PaxCareNode node = startNode(Database.external(url(pg.getPort()), "postgres", "postgres")
        .overSocket(Database.socketDirectory(pg)), pool);
    try {
      ClosedLoop loop = new ClosedLoop(node, seeding, NODE_FIRST, last);
      // Warm-up (the JIT keeps compiling for a good half minute: the node's CPU per event halves meanwhile; the
      // pool's prepared statements), then a few numbers of events in progress.
      loop.concurrency(concurrencies.stream().max(Integer::compare).orElseThrow());
      Thread.sleep(WARM_UP_SECONDS * 1000L);
      Map<Integer, NodeTrial> trials = new LinkedHashMap<>();
      for (int c : concurrencies) {
        loop.concurrency(c);
        Thread.sleep(3_000);
        long n0 = loop.completed();
        long t0 = System.nanoTime();
        Cpu.Sample start = cpu.sample();
        Thread.sleep(trialSeconds * 1000L);
        long done = loop.completed() - n0;
        Cpu.Sample used = cpu.sample().minus(start);
        double rate = done / ((System.nanoTime() - t0) / 1e9);
        trials.put(c, new NodeTrial(rate, 1000 * used.postgres() / done, 1000 * used.jvm() / done));
        note("PaxCare with %d events in progress: %.1f events/s", c, rate);
      }
      int best = trials.entrySet().stream().max(java.util.Comparator.comparingDouble(e -> e.getValue().rate()))
          .orElseThrow().getKey();
      loop.concurrency(best);
      Thread.sleep(3_000);
      sql("SELECT pg_stat_statements_reset()");
      loop.takeLatency();
      Cpu.Sample before = cpu.sample();
      long n0 = loop.completed();
      long f0 = loop.failed();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long events = loop.completed() - n0;
      double rate = events / ((System.nanoTime() - t0) / 1e9);
      Cpu.Sample used = cpu.sample().minus(before);
      Histogram latency = loop.takeLatency();
      List<Report.Top> top;
      try (Connection c = jdbc()) {
        top = Report.statements(c, DB);
      }
      boolean exhausted = loop.exhausted();
      loop.concurrency(0);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (loop.inProgress() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      note("PaxCare main: %d events in progress, %.1f events/s%s", best, rate, exhausted ? " (RAN OUT OF PASSENGERS)" : "");
      if (exhausted) {
        throw new IllegalStateException("The node's run ran out of passengers: raise limit.passengers");
      }
      loop.close();
      return new NodeRun(trials, best, rate, events, loop.failed() - f0, latency, used, top, loop.nextPassenger());
    } finally {
      TestNodes.stop(node);
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // Capture helpers

  /** Sends urgent events one at a time and completes with the answer once each one's plan is done. */
  static final class Waiter {
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    Waiter(PaxCareNode node) {
      node.vertx().eventBus().<JsonObject>consumer(StepEngine.PLAN_DONE_ADDRESS, message -> {
        CompletableFuture<Void> done = waiting.remove(message.body().getString("pnr"));
        if (done != null) {
          done.complete(null);
        }
      });
    }

    CompletableFuture<JsonObject> send(Http http, Seeding seeding, int passenger) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      waiting.put(Seeding.pnr(passenger), done);
      Http.Answer answer = http.postJson("/api/v1/events", seeding.event(passenger));
      if (answer.status() != 201) {
        throw new IllegalStateException("Event for passenger " + passenger + ": " + answer.status() + " " + answer.body());
      }
      return done.thenApply(v -> answer.json());
    }
  }

  /** Waits until the event's messages are delivered and its audit entry written: nothing of it is left to run. */
  private void awaitQuiet(UUID caseId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
        "SELECT (SELECT count(*) FROM notification WHERE case_id = ? AND status = 'PENDING'), "
            + "(SELECT count(*) FROM case_audit WHERE case_id = ?)")) {
      s.setObject(1, caseId);
      s.setObject(2, caseId);
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = s.executeQuery()) {
          rows.next();
          if (rows.getLong(1) == 0 && rows.getLong(2) > 0) {
            break;
          }
        }
        Thread.sleep(50);
      }
    }
    Thread.sleep(300);
  }

  /** The facts of passenger i's event that vary from one event to the next, after the node handled it. */
  private Map<String, String> identity(int i, JsonObject opened) throws Exception {
    Map<String, String> identity = baseIdentity(i);
    identity.put("case_id", opened.getString("id"));
    identity.put("reference", opened.getString("reference"));
    try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
        "SELECT o.id, fo.id, fo.flight_no, fo.gate, n.flight_id, fn.flight_no, n.seat FROM segment o "
            + "JOIN flight fo ON fo.id = o.flight_id JOIN segment n ON n.pnr = o.pnr AND n.issued_by_paxcare "
            + "JOIN flight fn ON fn.id = n.flight_id WHERE o.pnr = ? AND NOT o.issued_by_paxcare")) {
      s.setString(1, Seeding.pnr(i));
      try (ResultSet rows = s.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("Passenger " + i + " was not rebooked");
        }
        putOrigin(identity, rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4));
        identity.put("flight_id", Long.toString(rows.getLong(5)));
        identity.put("flight_no", rows.getString(6));
        identity.put("seat", rows.getString(7));
      }
    }
    return identity;
  }

  private static Map<String, String> baseIdentity(int i) {
    Map<String, String> identity = new LinkedHashMap<>();
    identity.put("pnr", Seeding.pnr(i));
    identity.put("first_name", Seeding.firstName(i));
    identity.put("phone", Seeding.phone(i));
    identity.put("email", Seeding.email(i));
    identity.put("ticket", Seeding.ticket(i));
    identity.put("bag_tag", Seeding.bagTag(i));
    identity.put("destination", Seeding.destination(i));
    return identity;
  }

  private static void putOrigin(Map<String, String> identity, long segment, long flight, String flightNo, String gate) {
    identity.put("segment_id", Long.toString(segment));
    identity.put("segment_ids", "{" + segment + "}");
    identity.put("origin_flight_id", Long.toString(flight));
    identity.put("origin_flight_no", flightNo);
    identity.put("gate", gate);
  }

  // ------------------------------------------------------------------------------------------------------------
  // pgbench's tables

  /**
   * bench_event: one row per passenger left for pgbench, with her facts, a fresh case id and reference, and the
   * flight and seat the node would give her (her destination's earliest-arriving flight with a free economy seat,
   * first free seat by the seat map); bench_constant: the script's constants, one row. Answers the rows.
   */
  private int createBenchTables(PgbenchScript script, int first) throws Exception {
    List<String> columns = new ArrayList<>(List.of("pnr", "first_name", "phone", "email", "ticket", "bag_tag",
        "destination", "case_id", "reference", "segment_id", "segment_ids", "origin_flight_id", "origin_flight_no",
        "gate", "flight_id", "flight_no", "seat"));
    int n = 0;
    try (Connection c = jdbc()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_event");
        s.execute("DROP TABLE IF EXISTS bench_constant");
        s.execute("DROP SEQUENCE IF EXISTS bench_event_n");
        s.execute("CREATE TABLE bench_event (n bigint PRIMARY KEY, "
            + String.join(", ", columns.stream().map(col -> "e_" + col + " text NOT NULL").toList()) + ")");
        s.execute("CREATE SEQUENCE bench_event_n");
        StringBuilder constant = new StringBuilder("CREATE TABLE bench_constant (");
        constant.append(String.join(", ", script.constants.keySet().stream().map(k -> k + " text NOT NULL").toList()));
        s.execute(constant.append(")").toString());
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_constant VALUES ("
          + String.join(", ", script.constants.keySet().stream().map(k -> "?").toList()) + ")")) {
        int p = 1;
        for (String value : script.constants.values()) {
          insert.setString(p++, value);
        }
        insert.execute();
      }
      // Where each passenger flies now.
      Map<String, long[]> origin = new HashMap<>();
      Map<String, String[]> originText = new HashMap<>();
      try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
          "SELECT o.pnr, o.id, f.id, f.flight_no, f.gate FROM segment o JOIN flight f ON f.id = o.flight_id "
              + "WHERE NOT o.issued_by_paxcare AND o.status <> 'CANCELLED'")) {
        while (rows.next()) {
          origin.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
          originText.put(rows.getString(1), new String[] {rows.getString(4), rows.getString(5)});
        }
      }
      // The flights she can be rebooked onto, by destination, earliest arrival first, with their taken seats.
      Map<String, List<Object[]>> flights = new HashMap<>();
      try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
          "SELECT f.id, f.flight_no, f.destination, y.capacity, j.capacity FROM flight f "
              + "JOIN flight_cabin y ON y.flight_id = f.id AND y.cabin = 'Y' "
              + "LEFT JOIN flight_cabin j ON j.flight_id = f.id AND j.cabin = 'J' "
              + "WHERE f.status = 'SCHEDULED' AND f.origin = 'MDW' ORDER BY f.arrival, f.id")) {
        while (rows.next()) {
          Map<String, Integer> capacity = new LinkedHashMap<>();
          capacity.put("Y", rows.getInt(4));
          capacity.put("J", rows.getInt(5));
          flights.computeIfAbsent(rows.getString(3), d -> new ArrayList<>())
              .add(new Object[] {rows.getLong(1), rows.getString(2), capacity, new HashSet<String>()});
        }
      }
      Map<Long, Set<String>> taken = new HashMap<>();
      flights.values().forEach(list -> list.forEach(f -> taken.put((Long) f[0], (Set<String>) f[3])));
      try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
          "SELECT flight_id, seat FROM segment WHERE seat IS NOT NULL AND status <> 'CANCELLED'")) {
        while (rows.next()) {
          Set<String> seats = taken.get(rows.getLong(1));
          if (seats != null) {
            seats.add(rows.getString(2));
          }
        }
      }
      Set<String> references = new HashSet<>();
      try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT reference FROM care_case")) {
        while (rows.next()) {
          references.add(rows.getString(1));
        }
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_event VALUES (?, "
          + String.join(", ", columns.stream().map(col -> "?").toList()) + ")")) {
        for (int i = first; i < passengers; i++) {
          Map<String, String> identity = baseIdentity(i);
          long[] from = origin.get(Seeding.pnr(i));
          if (from == null) {
            continue;
          }
          putOrigin(identity, from[0], from[1], originText.get(Seeding.pnr(i))[0], originText.get(Seeding.pnr(i))[1]);
          UUID id;
          String reference;
          do {
            id = UUID.randomUUID();
            reference = com.paxcare.intake.Intake.reference(id);
          } while (!references.add(reference));
          identity.put("case_id", id.toString());
          identity.put("reference", reference);
          Object[] flight = null;
          String seat = null;
          for (Object[] candidate : flights.getOrDefault(Seeding.destination(i), List.of())) {
            @SuppressWarnings("unchecked")
            Set<String> seats = (Set<String>) candidate[3];
            @SuppressWarnings("unchecked")
            Map<String, Integer> capacity = (Map<String, Integer>) candidate[2];
            seat = SeatMap.firstFreeSeat("Y", capacity, seats).orElse(null);
            if (seat != null) {
              seats.add(seat);
              flight = candidate;
              break;
            }
          }
          if (flight == null) {
            break; // no seat left to that destination: the rows end here
          }
          identity.put("flight_id", Long.toString((Long) flight[0]));
          identity.put("flight_no", (String) flight[1]);
          identity.put("seat", seat);
          insert.setLong(1, ++n);
          int p = 2;
          for (String column : columns) {
            insert.setString(p++, identity.get(column));
          }
          insert.addBatch();
          if (n % 1000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      c.commit();
    }
    note("bench_event: %d passengers (from passenger %d), bench_constant: %d values", n, first, script.constants.size());
    return n;
  }

  private void awaitBackendsGone() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection c = jdbc(); Statement s = c.createStatement()) {
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = s.executeQuery(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgbench'")) {
          rows.next();
          if (rows.getLong(1) == 0) {
            break;
          }
        }
        Thread.sleep(20);
      }
    }
    Thread.sleep(100);
  }

  private long used() throws Exception {
    try (Connection c = jdbc(); Statement s = c.createStatement();
         ResultSet rows = s.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM bench_event_n")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * The rows an event leaves behind, by table and status: the first captured event's against each of the first
   * {@code events} pgbench events'. They must be the same.
   */
  private String compareFootprints(PgbenchScript.Capture captured, int events) throws Exception {
    Map<String, Long> expected = footprint(UUID.fromString(captured.identity().get("case_id")));
    List<UUID> cases = new ArrayList<>();
    try (Connection c = jdbc(); Statement s = c.createStatement();
         ResultSet rows = s.executeQuery("SELECT e_case_id FROM bench_event WHERE n <= " + events + " ORDER BY n")) {
      while (rows.next()) {
        cases.add(UUID.fromString(rows.getString(1)));
      }
    }
    for (UUID id : cases) {
      Map<String, Long> got = footprint(id);
      if (!got.equals(expected)) {
        throw new IllegalStateException("A pgbench event left other rows than the node's event:\n node:    " + expected
            + "\n pgbench: " + got);
      }
    }
    return expected.toString();
  }

  private Map<String, Long> footprint(UUID caseId) throws Exception {
    String sql = "WITH c AS (SELECT id, pnr FROM care_case WHERE id = ?) "
        + "SELECT 'care_case ' || status, count(*) FROM care_case WHERE id = (SELECT id FROM c) GROUP BY status "
        + "UNION ALL SELECT 'case_step ' || kind || ' ' || status, count(*) FROM case_step "
        + "  WHERE case_id = (SELECT id FROM c) GROUP BY kind, status "
        + "UNION ALL SELECT 'case_event', count(*) FROM case_event WHERE case_id = (SELECT id FROM c) "
        + "UNION ALL SELECT 'gate_alert ' || kind, count(*) FROM gate_alert WHERE case_id = (SELECT id FROM c) GROUP BY kind "
        + "UNION ALL SELECT 'notification ' || channel || ' ' || status, count(*) FROM notification "
        + "  WHERE case_id = (SELECT id FROM c) GROUP BY channel, status "
        + "UNION ALL SELECT 'bsm_outbound ' || action, count(*) FROM bsm_outbound WHERE case_id = (SELECT id FROM c) GROUP BY action "
        + "UNION ALL SELECT 'care_provision ' || kind, count(*) FROM care_provision WHERE case_id = (SELECT id FROM c) GROUP BY kind "
        + "UNION ALL SELECT 'reissue', count(*) FROM reissue WHERE case_id = (SELECT id FROM c) "
        + "UNION ALL SELECT 'followup', count(*) FROM followup WHERE case_id = (SELECT id FROM c) "
        + "UNION ALL SELECT 'case_audit', count(*) FROM case_audit WHERE case_id = (SELECT id FROM c) "
        + "UNION ALL SELECT 'segment ' || status || CASE WHEN issued_by_paxcare THEN ' new' ELSE '' END, count(*) "
        + "  FROM segment WHERE pnr = (SELECT pnr FROM c) GROUP BY 1 "
        + "UNION ALL SELECT 'bag_leg ' || l.kind, count(*) FROM bag_leg l JOIN bag b ON b.tag = l.tag "
        + "  WHERE b.pnr = (SELECT pnr FROM c) GROUP BY l.kind "
        + "UNION ALL SELECT 'bag ' || array_to_string(exceptions, ',') || '/' || array_to_string(irregularities, ','), "
        + "  count(*) FROM bag WHERE pnr = (SELECT pnr FROM c) GROUP BY 1";
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, caseId);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  // ------------------------------------------------------------------------------------------------------------
  // The report

  private String header(String date) {
    return "-- One PaxCare urgent event (a family emergency for a passenger checked in at her gate), as PostgreSQL\n"
        + "-- logged it, for pgbench. Generated by src/test/java/com/paxcare/bench/DatabaseLimit.java on " + date + "\n"
        + "-- (./mvnw -q -B test-compile exec:exec@limit): regenerated from the node's statement log at every run.\n"
        + "-- Run by the harness as: PGOPTIONS='" + Pgbench.DEADLOCK_TIMEOUT + "' pgbench -n -M prepared -c <clients> -j 2\n"
        + "-- -T <seconds> -f urgent-event.sql " + DB + "\n"
        + "-- It needs the harness's tables: bench_event (one row per pre-seeded passenger: her facts, a fresh case id,\n"
        + "-- the flight and seat she is rebooked onto), bench_event_n (which row is next) and bench_constant (the\n"
        + "-- values the node sent that are the same for every event). Each pgbench transaction is one event.\n";
  }

  private void writeReport(String date, String postgresVersion, Seeding seeding, PgbenchScript script,
      PgbenchScript.Capture first,
      int idleTransactions, int idleStatements, NodeRun node, Pgbench.Result check, String footprint,
      List<Pgbench.Result> trials, List<Cpu.Sample> trialCpu, Pgbench.Result main, Cpu.Sample pgbenchCpu,
      List<Report.Top> pgbenchTop)
      throws Exception {
    double ratio = node.eventsPerSecond() / main.tps();
    StringBuilder r = new StringBuilder();
    r.append("# The database's limit for urgent events, and PaxCare against it\n\n")
        .append("Command: `./mvnw -q -B test-compile exec:exec@limit -Dlimit.seconds=").append(seconds)
        .append(" -Dlimit.passengers=").append(passengers).append("`\n\n")
        .append("- Date: ").append(date).append('\n')
        .append("- Machine: ").append(Report.machine()).append('\n')
        .append("- PostgreSQL: ").append(postgresVersion).append("; otherwise default settings, ")
        .append("pg_stat_statements loaded)\n")
        .append("- pgbench: `").append(Pgbench.version()).append("`, ").append(Pgbench.BINARY).append(" from `")
        .append(Report.command("dpkg", "-S", Pgbench.BINARY).trim()).append("` (a wrapper) running `")
        .append(Report.command("dpkg", "-S", "/usr/lib/postgresql/15/bin/pgbench").trim()).append("`\n")
        .append("- Data: ").append(passengers).append(" passengers checked in at their gates at Midway (")
        .append(seeding.origins).append(" boarding flights), one checked bag each, flights to ten destinations to ")
        .append("rebook onto; every event is a family emergency for another passenger.\n\n");

    r.append("## Result\n\n")
        .append(String.format(Locale.ROOT, "| | per second | set-up |%n|---|---:|---|%n"))
        .append(String.format(Locale.ROOT, "| pgbench, the event's SQL | **%.1f** events (tps) | -c %d -j %d, -M prepared, %d s |%n",
            main.tps(), main.clients(), main.threads(), seconds))
        .append(String.format(Locale.ROOT, "| PaxCare, whole plans done | **%.1f** events | %d events in progress, pool %d, %d s |%n",
            node.eventsPerSecond(), node.concurrency(), pool, seconds))
        .append(String.format(Locale.ROOT, "%n**Ratio: %.2f** (PaxCare events/s / pgbench tps; aim >= 0.5).%n%n", ratio));
    // The machine is shared: other processes' CPU during either window moves the ratio. CPU per event moves less:
    // 2 cores / (CPU per event) is what each side would do with the machine to itself. Each side's cheapest run
    // (trials and main run) is taken: interference only ever adds to it.
    double[] pgbenchCost = {Double.MAX_VALUE, 0, 0, 0};
    for (int i = 0; i <= trials.size(); i++) {
      Pgbench.Result run = i < trials.size() ? trials.get(i) : main;
      Cpu.Sample used = i < trials.size() ? trialCpu.get(i) : pgbenchCpu;
      double cost = (used.postgres() + used.jvmChildren()) / run.processed();
      if (run.ok() && cost < pgbenchCost[0]) {
        pgbenchCost = new double[] {cost, used.postgres() / run.processed(), used.jvmChildren() / run.processed(),
            run.clients()};
      }
    }
    double[] nodeCost = {(node.cpu().postgres() + node.cpu().jvm()) / node.events(),
        node.cpu().postgres() / node.events(), node.cpu().jvm() / node.events(), node.concurrency()};
    for (var trial : node.trials().entrySet()) {
      double cost = (trial.getValue().postgresMs() + trial.getValue().jvmMs()) / 1000;
      if (cost < nodeCost[0]) {
        nodeCost = new double[] {cost, trial.getValue().postgresMs() / 1000, trial.getValue().jvmMs() / 1000,
            trial.getKey()};
      }
    }
    r.append(String.format(Locale.ROOT, "Cheapest CPU per event: pgbench %.1f ms (PostgreSQL %.1f + pgbench %.1f, %d "
            + "clients), PaxCare %.1f ms (PostgreSQL %.1f + JVM %.1f, %d events in progress); **ratio by CPU per event: "
            + "%.2f**. Other processes took %.0f%% of the machine during pgbench's run and %.0f%% during PaxCare's%s.%n%n",
        1000 * pgbenchCost[0], 1000 * pgbenchCost[1], 1000 * pgbenchCost[2], (int) pgbenchCost[3], 1000 * nodeCost[0],
        1000 * nodeCost[1], 1000 * nodeCost[2], (int) nodeCost[3], pgbenchCost[0] / nodeCost[0],
        100 * pgbenchCpu.others() / pgbenchCpu.total(), 100 * node.cpu().others() / node.cpu().total(),
        Math.max(pgbenchCpu.others() / pgbenchCpu.total(), node.cpu().others() / node.cpu().total()) > 0.05
            ? " (more than 5%: the events/s ratio is disturbed; the CPU ratio less so)" : ""));

    r.append("## One event's SQL\n\n")
        .append(String.format(Locale.ROOT, "%d statements in %d transactions (%d BEGIN ... COMMIT blocks and %d "
                + "statements on their own), %d round trips. By kind: %s.%n%n", script.statements,
            script.explicitTransactions + script.autocommitStatements, script.explicitTransactions,
            script.autocommitStatements, script.roundTrips, script.byKind))
        .append("Taken from PostgreSQL's statement log (`log_statement = all`, jsonlog) while the node handled one ")
        .append("event at a time, joined with the wire (a relay that reads the protocol) for round trips and results. ")
        .append("Counted: every transaction of the window that found or changed something — the intake's reads and ")
        .append("its transaction, the audit entry, the plan's step transactions, the outbox delivering the event's ")
        .append("messages. Not counted: ").append(idleTransactions).append(" transactions (").append(idleStatements)
        .append(" statements) over the ").append(CAPTURES).append(" captured events, that found and changed nothing: ")
        .append("the node's pollers and lanes woken by the event that found its step already claimed, or looked for ")
        .append("a next step after the plan was done. Also not counted: the follow-up check, a timer due a day later.\n\n")
        .append("Per transaction (the first captured event):\n\n");
    int t = 1;
    for (Trace.Tx tx : first.transactions()) {
      long statements = tx.statements().stream().filter(s -> !s.isBegin() && !s.isEnd()).count();
      List<String> parts = new ArrayList<>();
      String previous = null;
      int repeat = 0;
      for (Trace.Stmt s : tx.statements()) {
        if (s.isBegin() || s.isEnd()) {
          continue;
        }
        String part = s.sql().split(" ")[0] + " " + table(s.sql());
        if (part.equals(previous)) {
          repeat++;
          continue;
        }
        if (previous != null) {
          parts.add(repeat > 1 ? previous + " x" + repeat : previous);
        }
        previous = part;
        repeat = 1;
      }
      if (previous != null) {
        parts.add(repeat > 1 ? previous + " x" + repeat : previous);
      }
      r.append(String.format(Locale.ROOT, "%d. %s, %d statements, %d round trips: %s%n", t++,
          tx.explicit() ? "BEGIN ... COMMIT" : "autocommit", statements, tx.roundTrips(), String.join(", ", parts)));
    }
    r.append("\nThe script: [`load-tests/pgbench/urgent-event.sql`](../pgbench/urgent-event.sql). How its parameters ")
        .append("are bound:\n\n");
    script.notes.forEach(note -> r.append("- ").append(note).append('\n'));
    r.append("- one statement added per event: the look-up of the event's row (`")
        .append(PgbenchScript.LOOKUP.replace("\\gset", "").trim()).append("` with `\\gset`)\n");
    r.append("\nChecked before measuring: ").append(check.processed()).append(" pgbench events ran without error, ")
        .append("and each left exactly the rows the node's event left: ").append(footprint).append("\n\n");

    r.append("## pgbench\n\n`pgbench -n -M prepared -h <socket directory> -c <clients> -j <threads> -T <seconds> -f ")
        .append("urgent-event.sql` (over the server's Unix-domain socket, as the node's pool below), with ")
        .append("`PGOPTIONS='").append(Pgbench.DEADLOCK_TIMEOUT).append("'`: clients running the outbox's claim side by ")
        .append("side can take each other's pending messages and deadlock (PaxCare's outbox is one loop per node, so it ")
        .append("cannot); PostgreSQL fails one of the two, pgbench counts it as failed and not in tps. After a 5 s ")
        .append("warm-up, a few client counts for ").append(trialSeconds).append(" s each, then the best for ")
        .append(seconds).append(" s.\n\n| clients | threads | seconds | tps | latency avg ms | failed | CPU ms/event: PostgreSQL | pgbench |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < trials.size(); i++) {
      Pgbench.Result trial = trials.get(i);
      Cpu.Sample used = trialCpu.get(i);
      r.append(String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %.1f | %d%s | %.1f | %.1f |%n", trial.clients(),
          trial.threads(), trialSeconds, trial.tps(), trial.latencyMs(), trial.failed(),
          trial.exitCode() == 0 ? "" : " (exit " + trial.exitCode() + ")", 1000 * used.postgres() / trial.processed(),
          1000 * used.jvmChildren() / trial.processed()));
    }
    r.append(String.format(Locale.ROOT, "| **%d** | **%d** | **%d** | **%.1f** | %.1f | %d | %.1f | %.1f |%n%n",
        main.clients(), main.threads(), seconds, main.tps(), main.latencyMs(), main.failed(),
        1000 * pgbenchCpu.postgres() / main.processed(), 1000 * pgbenchCpu.jvmChildren() / main.processed()));
    r.append("CPU during the ").append(seconds).append(" s run: ").append(pgbenchCpu.describe("pgbench")).append("; ")
        .append(pgbenchCpu.perEvent(main.processed(), "pgbench")).append(".\n\n");
    r.append(Report.table(pgbenchTop, main.processed(), 12)).append('\n');

    r.append("## PaxCare\n\nA node on the same database (clustered Vert.x, cluster of one, pool ").append(pool)
        .append(" over the server's Unix-domain socket")
        .append("), fed by a closed loop in its own JVM: a fixed number of events in progress, the next one reported ")
        .append("the moment one's whole plan is done. Sustained events/s = plans done per second over the window, ")
        .append("after a ").append(WARM_UP_SECONDS).append(" s warm-up. Each row ").append(trialSeconds).append(" s, the last ").append(seconds)
        .append(" s.\n\n| events in progress | events/s | CPU ms/event: PostgreSQL | PaxCare JVM |\n|---:|---:|---:|---:|\n");
    node.trials().forEach((c, trial) -> r.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f |%n", c,
        trial.rate(), trial.postgresMs(), trial.jvmMs())));
    r.append(String.format(Locale.ROOT, "| **%d** | **%.1f** | %.1f | %.1f |%n%n", node.concurrency(),
        node.eventsPerSecond(), 1000 * node.cpu().postgres() / node.events(), 1000 * node.cpu().jvm() / node.events()));
    r.append(String.format(Locale.ROOT, "%d plans done in the window, %d events refused; event to plan done p50 %.0f ms, "
            + "p99 %.0f ms.%n%n", node.events(), node.failed(), node.latency().getValueAtPercentile(50) / 1000.0,
        node.latency().getValueAtPercentile(99) / 1000.0));
    r.append("CPU during the ").append(seconds).append(" s run: ").append(node.cpu().describe("(none)")).append("; ")
        .append(node.cpu().perEvent(node.events(), "(none)")).append(".\n\n");
    r.append(Report.table(node.top(), node.events(), 12)).append('\n');

    Files.createDirectories(resultsFile.getParent());
    Files.writeString(resultsFile, r.toString());
    System.out.println(r);
    System.out.println("Progress:\n" + progress);
  }

  private static String table(String sql) {
    String[] words = sql.split(" ");
    String verb = words[0].toUpperCase(Locale.ROOT);
    return switch (verb) {
      case "INSERT", "DELETE" -> words.length > 2 ? words[2] : "";
      case "UPDATE" -> words.length > 1 ? words[1] : "";
      default -> {
        java.util.regex.Matcher from = java.util.regex.Pattern.compile("\\bFROM (\\w+)").matcher(sql);
        yield from.find() ? from.group(1) : words.length > 1 ? words[1] : "";
      }
    };
  }

  // ------------------------------------------------------------------------------------------------------------

  private void note(String format, Object... args) {
    String line = OffsetDateTime.now().toLocalTime().withNano(0) + " " + String.format(Locale.ROOT, format, args);
    System.out.println(line);
    progress.append(line).append('\n');
  }

  private Connection jdbc() throws java.sql.SQLException {
    return DriverManager.getConnection(pg.getJdbcUrl("postgres", DB));
  }

  static Connection jdbc(EmbeddedPostgres pg) throws java.sql.SQLException {
    return DriverManager.getConnection(pg.getJdbcUrl("postgres", DB));
  }

  private void sql(String statement) throws java.sql.SQLException {
    try (Connection c = jdbc(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static String url(int port) {
    return "postgresql://localhost:" + port + "/" + DB;
  }

  private static PaxCareNode startNode(Database database, int poolSize) {
    int port = TestNodes.freePort();
    Config config = Config.from(TestNodes.environment("limit-" + UUID.randomUUID(), "limit", port,
        "127.0.0.1:" + port, Map.of("PAXCARE_PG_POOL_SIZE", Integer.toString(poolSize))));
    return TestNodes.start(config, database);
  }

  private static List<Integer> ints(String list) {
    return java.util.Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
