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
    return attempt(transaction, 1, Retry::isTransient);
  }

  /**
   * Also runs again when one of the named unique constraints refused a row another transaction committed
   * first: the next attempt reads that row and takes the other path (e.g. join the case it opened).
   */
  public static <T> Future<T> onConflict(Supplier<Future<T>> transaction, String... constraints) {
    java.util.Set<String> names = java.util.Set.of(constraints);
    return attempt(transaction, 1, failure -> isTransient(failure)
        || failure instanceof PgException pg && "23505".equals(pg.getSqlState()) && names.contains(pg.getConstraint()));
  }

  private static <T> Future<T> attempt(Supplier<Future<T>> transaction, int attempt,
      java.util.function.Predicate<Throwable> retryable) {
    return transaction.get().recover(failure -> attempt < ATTEMPTS && retryable.test(failure)
        ? attempt(transaction, attempt + 1, retryable)
        : Future.failedFuture(failure));
  }

  public static boolean isTransient(Throwable failure) {
    return failure instanceof PgException pg
        && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
  }
}
