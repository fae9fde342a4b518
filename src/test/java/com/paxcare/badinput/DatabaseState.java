package com.paxcare.badinput;

import com.paxcare.testing.Rows;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every table of the public schema holds, as a row count and a digest of all its rows, read in one
 * statement: two equal snapshots mean nothing was inserted, deleted or changed anywhere in between. The audit
 * trail is left out: recording who was refused what is its purpose, not a partial write.
 */
final class DatabaseState {
  private final Pool pool;
  private final String sql;

  DatabaseState(Pool pool) {
    this.pool = pool;
    List<String> tables = new ArrayList<>();
    for (Row row : Rows.of(pool, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        + " AND table_type = 'BASE TABLE' AND table_name <> 'case_audit' ORDER BY table_name")) {
      tables.add(row.getString(0));
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("no tables in the public schema");
    }
    StringBuilder union = new StringBuilder();
    for (String table : tables) {
      if (!union.isEmpty()) {
        union.append(" UNION ALL ");
      }
      union.append("SELECT '").append(table).append("', count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY")
          .append(" t::text), '')) FROM public.\"").append(table).append("\" t");
    }
    this.sql = union.toString();
  }

  /**
   * Where PostgreSQL's write-ahead log stands: no row of any table changes without it moving, so an unmoved
   * position spares reading every table again.
   */
  String walPosition() {
    return Rows.of(pool, "SELECT pg_current_wal_insert_lsn()::text").get(0).getString(0);
  }

  int tables() {
    return snapshot().size();
  }

  /** Table name to "rows:digest". */
  Map<String, String> snapshot() {
    Map<String, String> state = new TreeMap<>();
    for (Row row : Rows.of(pool, sql)) {
      state.put(row.getString(0), row.getLong(1) + ":" + row.getString(2));
    }
    return state;
  }

  /** The tables whose rows differ between two snapshots, with their row counts before and after. */
  static List<String> changed(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    for (var entry : after.entrySet()) {
      String was = before.get(entry.getKey());
      if (!entry.getValue().equals(was)) {
        changed.add(entry.getKey() + " (rows " + (was == null ? "?" : was.split(":")[0]) + " -> "
            + entry.getValue().split(":")[0] + ")");
      }
    }
    return changed;
  }
}
