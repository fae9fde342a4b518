package com.paxcare.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small things the limit report needs: the machine, commands' output, and pg_stat_statements' top statements. */
final class Report {
  private Report() {
  }

  /** The output of a command (stdout and stderr), for versions and dates. */
  static String command(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }

  static String machine() throws IOException, InterruptedException {
    String os = "Linux";
    for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
      if (line.startsWith("PRETTY_NAME=")) {
        os = line.substring("PRETTY_NAME=".length()).replace("\"", "");
      }
    }
    long memKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        memKb = Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return String.format(Locale.ROOT, "%d cores, %.0f GiB, %s, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
        memKb / 1024.0 / 1024.0, os, System.getProperty("java.version"), System.getProperty("java.vm.name"));
  }

  /** One statement's line in pg_stat_statements. */
  record Top(String query, long calls, double totalMs, double meanMs, long rows) {
  }

  /** Every tracked statement of the database, most total time first. */
  static List<Top> statements(Connection connection, String database) throws java.sql.SQLException {
    List<Top> top = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(
        "SELECT query, calls, total_exec_time, mean_exec_time, rows FROM pg_stat_statements "
            + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '" + database + "') "
            + "ORDER BY total_exec_time DESC")) {
      while (rows.next()) {
        top.add(new Top(rows.getString(1), rows.getLong(2), rows.getDouble(3), rows.getDouble(4), rows.getLong(5)));
      }
    }
    return top;
  }

  /** A markdown table of the first {@code limit} statements, with calls and time per event. */
  static String table(List<Top> statements, double events, int limit) {
    double total = statements.stream().mapToDouble(Top::totalMs).sum();
    long calls = statements.stream().mapToLong(Top::calls).sum();
    // pgbench's prepared BEGIN and COMMIT are not tracked, the node's simple-protocol ones are: compare without.
    long withoutTransactionControl = statements.stream()
        .filter(t -> !t.query().equalsIgnoreCase("BEGIN") && !t.query().equalsIgnoreCase("COMMIT"))
        .mapToLong(Top::calls).sum();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "All statements: %d calls, %.1f per event (%.1f besides BEGIN and COMMIT), "
        + "%.2f ms of execution per event (server time, pg_stat_statements).%n%n", calls, calls / events,
        withoutTransactionControl / events, total / events));
    out.append("| share of time | calls/event | mean ms | statement |\n|---:|---:|---:|---|\n");
    for (Top t : statements.subList(0, Math.min(limit, statements.size()))) {
      String query = t.query().replaceAll("\\s+", " ");
      if (query.length() > 150) {
        query = query.substring(0, 147) + "...";
      }
      out.append(String.format(Locale.ROOT, "| %.1f%% | %.2f | %.3f | `%s` |%n", 100 * t.totalMs() / total,
          t.calls() / events, t.meanMs(), query.replace("|", "\\|").replace("`", "'")));
    }
    return out.toString();
  }
}
