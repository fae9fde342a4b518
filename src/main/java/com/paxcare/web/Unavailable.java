package com.paxcare.web;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;

/**
 * The failures that mean "not now" rather than "never": the database unreachable or restarting, too many
 * requests waiting for a connection, a transaction chosen as a deadlock or serialization victim. They are answered
 * 503 with {@code Retry-After}, never 500, because the request's transaction stored nothing and the same request
 * sent again will be worked.
 */
final class Unavailable {
  private Unavailable() {
  }

  static boolean isTransient(Throwable failure) {
    return busy(failure) || databaseDown(failure) || retryableConflict(failure);
  }

  static String type(Throwable failure) {
    if (busy(failure)) {
      return "overloaded";
    }
    return databaseDown(failure) ? "database-unavailable" : "conflict-retry";
  }

  static int retryAfterSeconds(Throwable failure) {
    return databaseDown(failure) ? 2 : 1;
  }

  static String detail(Throwable failure) {
    if (busy(failure)) {
      return "Too many requests are waiting for the database on this node; try again in a second.";
    }
    return databaseDown(failure) ? "The database cannot be reached just now; nothing was stored. Try again shortly."
        : "The request met another one changing the same rows; nothing was stored. Try again.";
  }

  private static boolean busy(Throwable failure) {
    return failure instanceof ConnectionPoolTooBusyException;
  }

  private static boolean databaseDown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
        return true;
      }
      // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or starting up.
      if (t instanceof PgException pg && pg.getSqlState() != null
          && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  /** 40001 serialization failure, 40P01 deadlock: PostgreSQL rolled the transaction back for us. */
  private static boolean retryableConflict(Throwable failure) {
    return failure instanceof PgException pg && ("40001".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState()));
  }
}
