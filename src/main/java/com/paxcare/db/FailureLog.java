package com.paxcare.db;

import org.slf4j.Logger;

/**
 * Logs a background worker's failures without flooding the log while PostgreSQL is away: the first failure with
 * its stack trace, the same cause again only as a count every 30 s, and a line when work succeeds again. A worker
 * retrying every second on several lanes would otherwise write dozens of stack traces a second per node.
 */
public final class FailureLog {
  private static final long REPEAT_EVERY_NANOS = 30_000_000_000L;

  private final Logger log;
  private final String what;
  private String lastCause;
  private long failingSince;
  private long lastLogged;
  private long repeats;

  public FailureLog(Logger log, String what) {
    this.log = log;
    this.what = what;
  }

  public synchronized void failed(Throwable cause) {
    long now = System.nanoTime();
    String key = cause.getClass().getName() + ": " + cause.getMessage();
    if (!key.equals(lastCause)) {
      if (lastCause == null) {
        failingSince = now;
      }
      lastCause = key;
      lastLogged = now;
      repeats = 0;
      log.warn("{} failed; it will be retried", what, cause);
      return;
    }
    repeats++;
    if (now - lastLogged >= REPEAT_EVERY_NANOS) {
      log.warn("{} still failing ({} more times in {} s): {}", what, repeats, (now - lastLogged) / 1_000_000_000L, key);
      lastLogged = now;
      repeats = 0;
    }
  }

  public synchronized void succeeded() {
    if (lastCause != null) {
      log.info("{} works again after {} ms of failures", what, (System.nanoTime() - failingSince) / 1_000_000);
      lastCause = null;
    }
  }
}
