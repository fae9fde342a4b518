package com.paxcare.baggage;

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

  /** A page of the queue: the messages' text, separated by blank lines, and the id to continue after. */
  public record Page(String text, long lastId) {
  }

  public Future<Page> after(long afterId, int limit) {
    var query = Sql.dsl().select(BSM_OUTBOUND.ID, BSM_OUTBOUND.TEXT).from(BSM_OUTBOUND)
        .where(BSM_OUTBOUND.ID.gt(afterId)).orderBy(BSM_OUTBOUND.ID).limit(limit);
    return Sql.run(pool, query).map(rows -> {
      StringBuilder text = new StringBuilder();
      long last = afterId;
      for (Row row : rows) {
        text.append(row.getString("text")).append("\n\n");
        last = row.getLong("id");
      }
      return new Page(text.toString(), last);
    });
  }
}
