package com.paxcare.baggage;

import com.paxcare.db.CommitCursor;
import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import static com.paxcare.db.schema.Tables.BSM_OUTBOUND;

/** The baggage system's outbound queue: BSMs PaxCare wrote, in order, as RP 1745 text. */
public final class OutboundBsm {
  private final Pool pool;

  public OutboundBsm(Pool pool) {
    this.pool = pool;
  }

  /** A page of the queue: the messages' text, separated by blank lines, the last id, and the cursor to go on from. */
  public record Page(String text, long lastId, CommitCursor next) {
  }

  /** The messages after {@code cursor}, in commit-safe order (see {@link CommitCursor}): none is ever skipped. */
  public Future<Page> after(CommitCursor cursor, int limit) {
    var query = Sql.dsl().select(BSM_OUTBOUND.TX, BSM_OUTBOUND.ID, BSM_OUTBOUND.TEXT).from(BSM_OUTBOUND)
        .where(cursor.after(BSM_OUTBOUND.TX, BSM_OUTBOUND.ID)).orderBy(BSM_OUTBOUND.TX, BSM_OUTBOUND.ID).limit(limit);
    return Sql.run(pool, query).map(rows -> {
      StringBuilder text = new StringBuilder();
      long last = cursor.id();
      CommitCursor next = cursor;
      for (Row row : rows) {
        text.append(row.getString("text")).append("\n\n");
        last = row.getLong("id");
        next = CommitCursor.at(row.getLong("tx"), last);
      }
      return new Page(text.toString(), Math.max(last, 0), next);
    });
  }
}
