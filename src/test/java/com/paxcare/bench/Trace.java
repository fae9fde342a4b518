package com.paxcare.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one capture window holds: the statements PostgreSQL logged for the node's connections, each joined with
 * what the wire said of it (its round trip and its result), grouped into transactions as the node sent them: a
 * BEGIN ... COMMIT block, or a statement on its own (autocommit). PostgreSQL's virtual transaction id groups
 * them; the log's order is the order the server executed them in.
 */
final class Trace {
  /** One statement: the log's SQL and parameters, and the wire's round trip number and result. */
  record Stmt(int pid, String name, String sql, List<String> params, int flight, List<String> columns,
      List<List<String>> rows, int rowCount, String tag) {
    boolean isBegin() {
      return sql.equalsIgnoreCase("BEGIN");
    }

    boolean isEnd() {
      return sql.equalsIgnoreCase("COMMIT") || sql.equalsIgnoreCase("ROLLBACK");
    }
  }

  /** A transaction as the node ran it. */
  record Tx(int pid, List<Stmt> statements) {
    boolean explicit() {
      return statements.get(0).isBegin();
    }

    /** The statements' SQL in order: two transactions of one shape did the same thing (with other values). */
    List<String> shape() {
      return statements.stream().map(Stmt::sql).toList();
    }

    /**
     * Whether it found and changed nothing: every statement is BEGIN, COMMIT or one whose command tag counts no
     * row (a poll or a claim that found no work).
     */
    boolean didNothing() {
      return statements.stream().allMatch(s -> s.isBegin() || s.isEnd() || s.tag().endsWith(" 0"));
    }

    /** Whether the window holds all of it (a transaction cut by the window's edge is left out). */
    boolean complete() {
      boolean begins = statements.get(0).isBegin();
      boolean ends = statements.get(statements.size() - 1).isEnd();
      return begins ? ends && statements.size() >= 2 : statements.size() == 1 && !ends;
    }

    /** Distinct round trips: statements sent together (a pipelined batch) share one. */
    int roundTrips() {
      return (int) statements.stream().map(Stmt::flight).distinct().count();
    }
  }

  final List<Tx> transactions;

  private Trace(List<Tx> transactions) {
    this.transactions = transactions;
  }

  /** Joins the log and the wire of one window; statements of other connections (this program's JDBC) are left out. */
  static Trace of(List<StatementLog.Logged> logged, List<WireTap.Execution> wire) {
    Map<Integer, List<WireTap.Execution>> wireByPid = new HashMap<>();
    for (WireTap.Execution execution : wire) {
      wireByPid.computeIfAbsent(execution.pid(), k -> new ArrayList<>()).add(execution);
    }
    Map<Integer, List<StatementLog.Logged>> logByPid = new HashMap<>();
    for (StatementLog.Logged statement : logged) {
      if (wireByPid.containsKey(statement.pid())) {
        logByPid.computeIfAbsent(statement.pid(), k -> new ArrayList<>()).add(statement);
      }
    }
    // Per connection, line the wire's executions up with the log's statements (the log was switched on before
    // the wire was recorded and off after, so the log may hold a few more at either end).
    Map<StatementLog.Logged, WireTap.Execution> joined = new java.util.IdentityHashMap<>();
    for (var entry : logByPid.entrySet()) {
      List<StatementLog.Logged> log = entry.getValue();
      List<WireTap.Execution> executions = wireByPid.get(entry.getKey());
      int best = Integer.MIN_VALUE;
      int bestMatches = -1;
      for (int shift = -executions.size(); shift <= log.size(); shift++) {
        int matches = 0;
        for (int w = 0; w < executions.size(); w++) {
          int l = w + shift;
          if (l >= 0 && l < log.size() && sameStatement(log.get(l), executions.get(w))) {
            matches++;
          }
        }
        if (matches > bestMatches) {
          bestMatches = matches;
          best = shift;
        }
      }
      for (int w = 0; w < executions.size(); w++) {
        int l = w + best;
        if (l >= 0 && l < log.size() && sameStatement(log.get(l), executions.get(w))) {
          joined.put(log.get(l), executions.get(w));
        }
      }
    }
    Map<String, List<Stmt>> byTransaction = new LinkedHashMap<>();
    int autocommit = 0;
    for (StatementLog.Logged statement : logged) {
      if (!logByPid.containsKey(statement.pid())) {
        continue;
      }
      WireTap.Execution execution = joined.get(statement);
      if (execution == null) {
        continue; // logged just before or after the wire was recorded
      }
      Stmt stmt = new Stmt(statement.pid(), statement.name(), statement.sql(), statement.parameters(),
          execution.flight(), execution.columns(), execution.rows(), execution.rowCount(), execution.tag());
      // A statement outside BEGIN ... COMMIT still gets a virtual transaction id of its own.
      String key = statement.pid() + "/" + (statement.vxid() == null ? "auto" + autocommit++ : statement.vxid());
      byTransaction.computeIfAbsent(key, k -> new ArrayList<>()).add(stmt);
    }
    List<Tx> transactions = new ArrayList<>();
    for (List<Stmt> statements : byTransaction.values()) {
      Tx tx = new Tx(statements.get(0).pid(), List.copyOf(statements));
      if (tx.complete()) {
        transactions.add(tx);
      }
    }
    return new Trace(transactions);
  }

  private static boolean sameStatement(StatementLog.Logged logged, WireTap.Execution execution) {
    if (execution.simple()) {
      return logged.name() == null && logged.sql().equals(execution.statement().trim());
    }
    String name = execution.statement().isEmpty() ? "<unnamed>" : execution.statement();
    return name.equals(logged.name());
  }

  /**
   * The event's transactions: everything in the window that found or changed something. Left out are
   * transactions that found and changed nothing: the node's pollers (due steps, the outbox, disruptions) and
   * lanes woken by the event that found its step already claimed by another lane.
   */
  List<Tx> eventTransactions() {
    return transactions.stream().filter(tx -> !tx.didNothing()).toList();
  }

  /** The transactions left out of {@link #eventTransactions}. */
  List<Tx> idleTransactions() {
    return transactions.stream().filter(Tx::didNothing).toList();
  }
}
