package com.paxcare.testing;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

/** Reading the database straight from a test thread, to check what the API does not show (or should not). */
public final class Rows {
  private Rows() {
  }

  public static List<Row> of(Pool pool, String sql) {
    List<Row> list = new ArrayList<>();
    pool.query(sql).execute().toCompletionStage().toCompletableFuture().join().forEach(list::add);
    return list;
  }
}
