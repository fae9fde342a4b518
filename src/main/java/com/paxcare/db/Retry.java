package com.paxcare.db;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

import java.util.function.Supplier;

/**
 * Runs a transaction again when PostgreSQL aborted it for a conflict that a retry resolves (a deadlock or a
 * serialization failure): the transaction rolled back whole, so running it again is safe.
 */
public final class Retry {
  private static final int ATTEMPTS = 4;

  private Retry() {
  }

  public static <T> Future<T> onTransientConflict(Supplier<Future<T>> transaction) {
    return attempt(transaction, 1);
  }

  private static <T> Future<T> attempt(Supplier<Future<T>> transaction, int attempt) {
    return transaction.get().recover(failure -> attempt < ATTEMPTS && isTransient(failure)
        ? attempt(transaction, attempt + 1)
        : Future.failedFuture(failure));
  }

  static boolean isTransient(Throwable failure) {
    return failure instanceof PgException pg
        && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
  }
}
