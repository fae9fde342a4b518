package com.paxcare.db;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader's place in a feed that never skips a row (see {@code sql/V6__commit_ordered_feeds.sql}): the writing
 * transaction and id of the last row read, as {@code "<tx>-<id>"}. Rows are read in (tx, id) order and only from
 * transactions older than every one still running, so nothing can become visible behind the cursor later.
 * A plain number is the older id cursor, still accepted: it reads rows with a greater id, then answers a cursor.
 */
public record CommitCursor(long tx, long id, boolean legacy) {
  public static final CommitCursor START = new CommitCursor(-1, -1, false);
  private static final Pattern CURSOR = Pattern.compile("(\\d{1,18})-(\\d{1,18})");
  private static final Pattern LEGACY_ID = Pattern.compile("\\d{1,18}");
  /** Transactions below this one have all ended, committed or not: their rows are all visible, or never will be. */
  private static final Field<Long> OLDEST_RUNNING =
      DSL.field("pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class);

  /** Parses a cursor as given by a client; null or blank: from the start. Null when it is neither form. */
  public static CommitCursor parse(String text) {
    if (text == null || text.isBlank()) {
      return START;
    }
    Matcher cursor = CURSOR.matcher(text);
    if (cursor.matches()) {
      return new CommitCursor(Long.parseLong(cursor.group(1)), Long.parseLong(cursor.group(2)), false);
    }
    return LEGACY_ID.matcher(text).matches() ? new CommitCursor(-1, Long.parseLong(text), true) : null;
  }

  /** Rows after this cursor whose transactions are all over; order them by {@code tx, id}. */
  public Condition after(Field<Long> txColumn, Field<Long> idColumn) {
    Condition behind = legacy ? idColumn.gt(id) : DSL.row(txColumn, idColumn).gt(tx, id);
    return behind.and(txColumn.lt(OLDEST_RUNNING));
  }

  /** The cursor past a row read. */
  public static CommitCursor at(long tx, long id) {
    return new CommitCursor(tx, id, false);
  }

  /** As a client passes it back; the start is the empty cursor. */
  @Override
  public String toString() {
    if (this.equals(START)) {
      return "";
    }
    return legacy ? Long.toString(id) : tx + "-" + id;
  }
}
