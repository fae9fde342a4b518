package com.paxcare.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs /usr/bin/pgbench with a script against the embedded PostgreSQL and reads its summary. */
final class Pgbench {
  static final String BINARY = "/usr/bin/pgbench";
  static final String DEADLOCK_TIMEOUT = "-c deadlock_timeout=20ms";

  record Result(List<String> command, int clients, int threads, double tps, long processed, long failed,
      double latencyMs, int exitCode, String output) {
    /** pgbench ran to the end; failed transactions (a deadlock, say) are counted apart and not in tps. */
    boolean ok() {
      return exitCode == 0 && processed > 0;
    }
  }

  private final int port;
  private final String database;
  private final Path log;
  /** A host name, or the directory of the server's Unix-domain socket. */
  private final String host;

  /** Each run's full output is appended to a file in {@code log} (when not null). */
  Pgbench(String host, int port, String database, Path log) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.log = log;
  }

  /** {@code -T seconds} when seconds > 0, else {@code -t transactionsPerClient}. */
  Result run(Path script, int clients, int threads, int seconds, int transactionsPerClient)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BINARY, "-n", "-M", "prepared", "--failures-detailed", "-h", host,
        "-p", Integer.toString(port), "-U", "postgres", "-c", Integer.toString(clients), "-j", Integer.toString(threads)));
    if (seconds > 0) {
      command.addAll(List.of("-T", Integer.toString(seconds)));
    } else {
      command.addAll(List.of("-t", Integer.toString(transactionsPerClient)));
    }
    command.addAll(List.of("-f", script.toString(), database));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // Clients running the outbox's claim side by side can deadlock (PaxCare's outbox is one loop per node, so it
    // cannot): PostgreSQL then fails one of them; let it notice in 20 ms rather than after the default second.
    builder.environment().put("PGOPTIONS", DEADLOCK_TIMEOUT);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (log != null) {
      java.nio.file.Files.writeString(log.resolve("pgbench-c" + clients + (seconds > 0 ? "-T" + seconds : "-t"
          + transactionsPerClient) + ".txt"), String.join(" ", command) + "\n" + output, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    return new Result(command, clients, threads, number(output, "tps = ([0-9.]+)"),
        (long) number(output, "number of transactions actually processed: (\\d+)"),
        (long) number(output, "number of failed transactions: (\\d+)"),
        number(output, "latency average = ([0-9.]+) ms"), exit, output);
  }

  static String version() throws IOException, InterruptedException {
    return Report.command(BINARY, "--version").trim();
  }

  private static double number(String output, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(output);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
