package com.paxcare.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the SQL of one urgent event, as PostgreSQL logged it, into a pgbench script: the same statements in the same
 * transactions and round trips, each pgbench transaction a new event on a passenger of its own.
 *
 * <p>Two events (A and B, other passengers, other destinations) are captured so that every parameter can be told
 * apart by comparing them:
 * <ul>
 *   <li>equal in both: a constant, bound as logged (from a one-row table, {@code bench_constant});
 *   <li>the event's own facts (passenger, booking, case id and reference, bag tag, the flight and seat she is
 *       rebooked onto): from the event's row of {@code bench_event};
 *   <li>a value an earlier statement of the event returned (a claimed step's id, the new ticket's serial): that
 *       statement gets {@code \gset} (the node, too, read it from that result), or {@code \set} when it is the
 *       result plus a fixed number (the ticket number is the airline's prefix followed by the serial);
 *   <li>an id read from a multi-row result (the outbox's claimed messages): pgbench can keep only one row, so the
 *       INSERT that made the row returns its id instead ({@code RETURNING id}, same round trip); an array of such
 *       ids (the messages recorded as delivered) is bound as {@code ARRAY[...]} of those variables;
 *   <li>anything else that differs (times, texts and JSON that name the passenger or the time): bound as A's value.
 * </ul>
 * A pipelined group (statements the node sent without waiting, e.g. a batch) stays one round trip between
 * {@code \startpipeline} and {@code \endpipeline}.
 */
final class PgbenchScript {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
  private static final Pattern VARIABLE_LIKE = Pattern.compile(":[A-Za-z0-9_]");
  private static final Pattern FROM_TABLE = Pattern.compile("\\bFROM (\\w+)");
  private static final Pattern INSERT_TABLE = Pattern.compile("^INSERT INTO (\\w+)");

  /** One captured event: its transactions and its own facts (identity name -> value as text). */
  record Capture(int passenger, List<Trace.Tx> transactions, Map<String, String> identity) {
  }

  /** Two captures that differ in shape (another claim won a race, say) cannot be compared. */
  static final class Mismatch extends Exception {
    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  final String text;
  /** Constant name -> value, for the one row of bench_constant. */
  final Map<String, String> constants;
  /** Identity names the script uses (bench_event columns without the e_ prefix). */
  final Set<String> identities;
  /** What a reader should know about how parameters were bound. */
  final List<String> notes;
  final int statements;
  final int explicitTransactions;
  final int autocommitStatements;
  final int roundTrips;
  /** pgbench's round trips per transaction: the node's, the look-up, and any pipeline split for a result. */
  final int pgbenchRoundTrips;
  final Map<String, Integer> byKind;

  private PgbenchScript(String text, Map<String, String> constants, Set<String> identities, List<String> notes,
      int statements, int explicitTransactions, int autocommitStatements, int roundTrips, int pgbenchRoundTrips,
      Map<String, Integer> byKind) {
    this.text = text;
    this.constants = constants;
    this.identities = identities;
    this.notes = notes;
    this.statements = statements;
    this.explicitTransactions = explicitTransactions;
    this.autocommitStatements = autocommitStatements;
    this.roundTrips = roundTrips;
    this.pgbenchRoundTrips = pgbenchRoundTrips;
    this.byKind = byKind;
  }

  /** The pgbench statement that gives each transaction its event; the one statement PaxCare does not send. */
  static final String LOOKUP = "SELECT * FROM bench_event CROSS JOIN bench_constant "
      + "WHERE n = (SELECT nextval('bench_event_n')) \\gset";

  private sealed interface Binding permits Null, Var, IdArray {
  }

  /** An array of ids (the outbox's delivered messages), each one a variable: bound as {@code ARRAY[:a, :b]}. */
  private record IdArray(List<String> names) implements Binding {
  }

  private record Null() implements Binding {
  }

  private record Var(String name) implements Binding {
  }

  static PgbenchScript build(Capture a, Capture b, String header) throws Mismatch {
    if (a.transactions().size() != b.transactions().size()) {
      throw new Mismatch(a.transactions().size() + " and " + b.transactions().size() + " transactions");
    }
    // Pair B's transactions with A's by shape: transactions that do not wait for each other (the audit entry
    // and the first step) may reach the server in either order.
    List<Trace.Tx> bInAOrder = new ArrayList<>();
    boolean[] taken = new boolean[b.transactions().size()];
    for (int t = 0; t < a.transactions().size(); t++) {
      int match = -1;
      for (int u = 0; u < b.transactions().size() && match < 0; u++) {
        if (!taken[u] && b.transactions().get(u).shape().equals(a.transactions().get(t).shape())) {
          match = u;
        }
      }
      if (match < 0) {
        throw new Mismatch("B has no transaction like A's " + (t + 1) + ": " + a.transactions().get(t).shape());
      }
      taken[match] = true;
      bInAOrder.add(b.transactions().get(match));
    }
    List<Trace.Stmt> as = flatten(a.transactions());
    List<Trace.Stmt> bs = flatten(bInAOrder);
    for (int k = 0; k < as.size(); k++) {
      if (as.get(k).params().size() != bs.get(k).params().size()) {
        throw new Mismatch("statement " + (k + 1) + " has other parameters");
      }
      if (VARIABLE_LIKE.matcher(as.get(k).sql()).find()) {
        throw new IllegalStateException("pgbench would read a variable in: " + as.get(k).sql());
      }
    }

    Map<String, String> constantNames = new LinkedHashMap<>(); // value -> name
    Set<String> identities = new java.util.TreeSet<>();
    Set<Integer> gsets = new HashSet<>();
    Map<Integer, String> returning = new HashMap<>(); // statement -> table whose id it must return
    Map<Integer, List<String>> sets = new HashMap<>(); // statement -> \set lines before it
    Map<String, Integer> kept = new TreeMap<>();
    List<List<Binding>> bindings = new ArrayList<>();
    for (int k = 0; k < as.size(); k++) {
      List<Binding> row = new ArrayList<>();
      List<String> pa = as.get(k).params();
      List<String> pb = bs.get(k).params();
      for (int j = 0; j < pa.size(); j++) {
        String va = pa.get(j);
        String vb = pb.get(j);
        if (va == null && vb == null) {
          row.add(new Null());
          continue;
        }
        String identity = identity(a.identity(), b.identity(), va, vb);
        if (identity != null) {
          identities.add(identity);
          row.add(new Var("e_" + identity));
          continue;
        }
        if (va != null && va.equals(vb)) {
          row.add(new Var(constantNames.computeIfAbsent(va, v -> "k" + (constantNames.size() + 1))));
          continue;
        }
        String result = singleRowResult(as, bs, k, va, vb);
        if (result != null) {
          gsets.add(Integer.parseInt(result.substring(1, result.indexOf('_'))) - 1);
          row.add(new Var(result));
          continue;
        }
        String inserted = insertedId(as, bs, k, va, vb, returning);
        if (inserted != null) {
          row.add(new Var(inserted));
          continue;
        }
        List<String> insertedIds = insertedIds(as, bs, k, va, vb, returning);
        if (insertedIds != null) {
          row.add(new IdArray(insertedIds));
          continue;
        }
        String[] offset = offsetOfResult(as, bs, k, va, vb);
        if (offset != null) {
          gsets.add(Integer.parseInt(offset[1].substring(1, offset[1].indexOf('_'))) - 1);
          String name = "d" + (k + 1) + "_" + (j + 1);
          sets.computeIfAbsent(k, x -> new ArrayList<>()).add("\\set " + name + " " + offset[0] + " + :" + offset[1]);
          row.add(new Var(name));
          continue;
        }
        // Differs between the two events but is none of the above: bound as A's value.
        kept.merge(kind(va), 1, Integer::sum);
        row.add(new Var(constantNames.computeIfAbsent(va, v -> "k" + (constantNames.size() + 1))));
      }
      bindings.add(row);
    }

    // A statement that reads rows and whose result is read back must be about this event: a generic claim ("any
    // due step") would take another pgbench client's step. (A sequence's nextval reads no table: always its own.)
    for (int g : gsets) {
      boolean specific = bindings.get(g).stream().anyMatch(x -> x instanceof Var v && !v.name().startsWith("k"));
      if (!specific && FROM_TABLE.matcher(as.get(g).sql()).find()) {
        throw new Mismatch("statement " + (g + 1) + " reads a result but names nothing of the event: " + as.get(g).sql());
      }
    }

    // Write the script.
    StringBuilder script = new StringBuilder(header);
    script.append("\n-- The event: one row of bench_event (its passenger, case id, new flight and seat) and the\n")
        .append("-- constants. Not sent by PaxCare: the one statement added per event.\n")
        .append(LOOKUP).append("\n");
    int k = 0;
    int roundTrips = 0;
    int pgbenchRoundTrips = 1; // the look-up
    int explicit = 0;
    int autocommit = 0;
    Map<String, Integer> byKind = new TreeMap<>();
    for (int t = 0; t < a.transactions().size(); t++) {
      Trace.Tx tx = a.transactions().get(t);
      roundTrips += tx.roundTrips();
      if (tx.explicit()) {
        explicit++;
      } else {
        autocommit++;
      }
      script.append("\n-- ").append(describe(tx, t + 1)).append('\n');
      List<Trace.Stmt> statements = tx.statements();
      int i = 0;
      while (i < statements.size()) {
        int end = i + 1;
        while (end < statements.size() && statements.get(end).flight() == statements.get(i).flight()) {
          end++;
        }
        // One round trip of the node's: pipelined in pgbench too, except that pgbench cannot read a result inside a
        // pipeline: a statement whose result is needed (the claim the node sends right behind BEGIN) goes alone.
        List<Integer> unit = new ArrayList<>();
        int units = 0;
        for (int x = i; x < end; x++) {
          int index = k + x - i;
          byKind.merge(statements.get(x).sql().split(" ")[0].toUpperCase(Locale.ROOT), 1, Integer::sum);
          if (gsets.contains(index) || returning.containsKey(index)) {
            units += emit(script, unit, statements, k - i, bindings, gsets, returning, sets);
            unit.clear();
            unit.add(x);
            units += emit(script, unit, statements, k - i, bindings, gsets, returning, sets);
            unit.clear();
          } else {
            unit.add(x);
          }
        }
        units += emit(script, unit, statements, k - i, bindings, gsets, returning, sets);
        pgbenchRoundTrips += units;
        k += end - i;
        i = end;
      }
    }

    List<String> notes = new ArrayList<>();
    notes.add("event facts from bench_event: " + String.join(", ", identities));
    notes.add("constants bound as logged: " + constantNames.size() + " distinct values");
    if (!gsets.isEmpty()) {
      notes.add("results read back with \\gset (as the node read them): statements "
          + gsets.stream().sorted().map(s -> "#" + (s + 1)).toList());
    }
    if (!returning.isEmpty()) {
      notes.add("INSERTs given RETURNING id, because the node reads these ids from a multi-row result pgbench cannot "
          + "keep: statements " + returning.keySet().stream().sorted().map(s -> "#" + (s + 1)).toList());
    }
    sets.values().forEach(lines -> notes.addAll(lines.stream().map(l -> "computed: " + l).toList()));
    if (!kept.isEmpty()) {
      notes.add("differ between the two captured events but bound as the first one's (they describe, they do not "
          + "identify): " + kept);
    }
    if (pgbenchRoundTrips > roundTrips + 1) {
      int more = pgbenchRoundTrips - roundTrips - 1;
      notes.add(more + " round trip" + (more == 1 ? "" : "s") + " more than the node's: where the node pipelined "
          + "BEGIN with a statement whose result it needs, pgbench sends that statement after BEGIN's answer "
          + "(no \\gset inside a pipeline)");
    }
    return new PgbenchScript(script.toString(), invert(constantNames), identities, notes, as.size(), explicit,
        autocommit, roundTrips, pgbenchRoundTrips, byKind);
  }

  /** Writes statements sent together (a pipeline when more than one); answers the round trips: 0 or 1. */
  private static int emit(StringBuilder script, List<Integer> unit, List<Trace.Stmt> statements, int offset,
      List<List<Binding>> bindings, Set<Integer> gsets, Map<Integer, String> returning,
      Map<Integer, List<String>> sets) {
    if (unit.isEmpty()) {
      return 0;
    }
    if (unit.size() > 1) {
      script.append("\\startpipeline\n");
    }
    for (int x : unit) {
      int index = offset + x;
      for (String set : sets.getOrDefault(index, List.of())) {
        script.append(set).append('\n');
      }
      String sql = substitute(statements.get(x).sql(), bindings.get(index));
      if (returning.containsKey(index)) {
        script.append(sql).append(" RETURNING ").append(returning.get(index)).append(".id \\gset i").append(index + 1)
            .append("_\n");
      } else if (gsets.contains(index)) {
        script.append(sql).append(" \\gset r").append(index + 1).append("_\n");
      } else {
        script.append(sql).append(";\n");
      }
    }
    if (unit.size() > 1) {
      script.append("\\endpipeline\n");
    }
    return 1;
  }

  private static Map<String, String> invert(Map<String, String> valueToName) {
    Map<String, String> nameToValue = new LinkedHashMap<>();
    valueToName.forEach((value, name) -> nameToValue.put(name, value));
    return nameToValue;
  }

  static List<Trace.Stmt> flatten(List<Trace.Tx> transactions) {
    List<Trace.Stmt> all = new ArrayList<>();
    transactions.forEach(tx -> all.addAll(tx.statements()));
    return all;
  }

  private static String identity(Map<String, String> a, Map<String, String> b, String va, String vb) {
    for (var entry : a.entrySet()) {
      if (entry.getValue() != null && entry.getValue().equals(va) && vb != null && vb.equals(b.get(entry.getKey()))) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** {@code r<statement>_<column>} when an earlier single-row result holds the value in both events. */
  private static String singleRowResult(List<Trace.Stmt> as, List<Trace.Stmt> bs, int k, String va, String vb) {
    for (int s = k - 1; s >= 0; s--) {
      Trace.Stmt ra = as.get(s);
      Trace.Stmt rb = bs.get(s);
      if (ra.rowCount() != 1 || rb.rowCount() != 1) {
        continue;
      }
      for (int c = 0; c < ra.columns().size(); c++) {
        String column = ra.columns().get(c);
        if (column.matches("[a-z_][a-z0-9_]*") && va.equals(ra.rows().get(0).get(c))
            && vb.equals(rb.rows().get(0).get(c))) {
          return "r" + (s + 1) + "_" + column;
        }
      }
    }
    return null;
  }

  /** {offset, variable}: the value is an earlier single-row numeric result plus a number, the same in both events. */
  private static String[] offsetOfResult(List<Trace.Stmt> as, List<Trace.Stmt> bs, int k, String va, String vb) {
    Long na = number(va);
    Long nb = number(vb);
    if (na == null || nb == null) {
      return null;
    }
    for (int s = k - 1; s >= 0; s--) {
      Trace.Stmt ra = as.get(s);
      Trace.Stmt rb = bs.get(s);
      if (ra.rowCount() != 1 || rb.rowCount() != 1) {
        continue;
      }
      for (int c = 0; c < ra.columns().size(); c++) {
        Long xa = number(ra.rows().get(0).get(c));
        Long xb = number(rb.rows().get(0).get(c));
        String column = ra.columns().get(c);
        // Only id-like results (sequences start at a billion here): a counter moving by chance in step with the
        // value must not be taken for its source.
        if (xa != null && xb != null && !xa.equals(xb) && Math.abs(xa) >= 1_000_000 && na - xa == nb - xb
            && column.matches("[a-z_][a-z0-9_]*")) {
          return new String[] {Long.toString(na - xa), "r" + (s + 1) + "_" + column};
        }
      }
    }
    return null;
  }

  /**
   * {@code i<statement>_id} when the value is the {@code id} of row r of an earlier multi-row result read from a
   * table, in both events: the id of the r-th row this event inserted into that table, which then returns it.
   */
  private static String insertedId(List<Trace.Stmt> as, List<Trace.Stmt> bs, int k, String va, String vb,
      Map<Integer, String> returning) {
    for (int s = k - 1; s >= 0; s--) {
      Trace.Stmt ra = as.get(s);
      Trace.Stmt rb = bs.get(s);
      int id = ra.columns().indexOf("id");
      Matcher from = FROM_TABLE.matcher(ra.sql());
      if (id < 0 || ra.rowCount() < 2 || ra.rowCount() != rb.rowCount() || !ra.sql().startsWith("SELECT")
          || !from.find()) {
        continue;
      }
      for (int r = 0; r < Math.min(ra.rows().size(), rb.rows().size()); r++) {
        if (va.equals(ra.rows().get(r).get(id)) && vb.equals(rb.rows().get(r).get(id))) {
          String table = from.group(1);
          int seen = 0;
          for (int x = 0; x < s; x++) {
            Matcher insert = INSERT_TABLE.matcher(as.get(x).sql());
            if (insert.find() && insert.group(1).equals(table) && !as.get(x).sql().contains(" RETURNING ")) {
              if (seen++ == r) {
                returning.put(x, table);
                return "i" + (x + 1) + "_id";
              }
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * The variables of an array of ids ({@code {7,8,9}}) whose every element is, in both events, an id read from an
   * earlier multi-row result (see {@link #insertedId}); null if it is not such an array.
   */
  private static List<String> insertedIds(List<Trace.Stmt> as, List<Trace.Stmt> bs, int k, String va, String vb,
      Map<Integer, String> returning) {
    if (!va.matches("\\{\\d+(,\\d+)*}") || !vb.matches("\\{\\d+(,\\d+)*}")) {
      return null;
    }
    String[] ea = va.substring(1, va.length() - 1).split(",");
    String[] eb = vb.substring(1, vb.length() - 1).split(",");
    if (ea.length != eb.length) {
      return null;
    }
    Map<Integer, String> wouldReturn = new HashMap<>(returning);
    List<String> names = new ArrayList<>();
    for (int e = 0; e < ea.length; e++) {
      String name = insertedId(as, bs, k, ea[e], eb[e], wouldReturn);
      if (name == null) {
        return null;
      }
      names.add(name);
    }
    returning.putAll(wouldReturn);
    return names;
  }

  private static Long number(String value) {
    if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Long.parseLong(value);
  }

  private static String kind(String value) {
    if (value.matches("\\d{4}-\\d\\d-\\d\\d[ T].*")) {
      return "times";
    }
    if (value.startsWith("{") || value.startsWith("[")) {
      return "JSON";
    }
    return "texts";
  }

  private static String substitute(String sql, List<Binding> bindings) {
    Matcher matcher = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Binding binding = bindings.get(Integer.parseInt(matcher.group(1)) - 1);
      String bound = binding instanceof Var var ? ":" + var.name()
          : binding instanceof IdArray ids ? "ARRAY[" + String.join(", ", ids.names().stream().map(n -> ":" + n).toList())
              + "]"
          : "NULL";
      matcher.appendReplacement(out, Matcher.quoteReplacement(bound));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String describe(Trace.Tx tx, int number) {
    long statements = tx.statements().stream().filter(s -> !s.isBegin() && !s.isEnd()).count();
    String what = tx.explicit() ? "BEGIN, " + statements + " statement" + (statements == 1 ? "" : "s") + ", COMMIT"
        : "autocommit statement";
    return "(" + number + ") " + what + "; " + tx.roundTrips() + " round trip" + (tx.roundTrips() == 1 ? "" : "s")
        + "; " + summary(tx);
  }

  /** What the transaction is about, read from its statements: the tables it writes, or reads. */
  private static String summary(Trace.Tx tx) {
    Map<String, Integer> writes = new LinkedHashMap<>();
    for (Trace.Stmt s : tx.statements()) {
      String[] words = s.sql().split(" ");
      String verb = words[0].toUpperCase(Locale.ROOT);
      String table = switch (verb) {
        case "INSERT", "DELETE" -> words.length > 2 ? words[2] : "?";
        case "UPDATE" -> words.length > 1 ? words[1] : "?";
        default -> null;
      };
      if (table != null) {
        writes.merge(verb.toLowerCase(Locale.ROOT) + " " + table, 1, Integer::sum);
      }
    }
    if (writes.isEmpty()) {
      Matcher from = FROM_TABLE.matcher(tx.statements().get(tx.explicit() ? 1 : 0).sql());
      return "reads " + (from.find() ? from.group(1) : "");
    }
    List<String> parts = new ArrayList<>();
    writes.forEach((w, n) -> parts.add(n > 1 ? w + " x" + n : w));
    return String.join(", ", parts);
  }
}
