package com.paxcare.access;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Argon2id password hashes (OWASP's parameters: 19 MiB, 2 passes, 1 lane). Hashing is slow on purpose, so it
 * runs on a worker thread, never on an event loop.
 */
public final class Passwords {
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
  /**
   * Checked against when the user does not exist, so an unknown name takes as long as a wrong password. Made on
   * first use, by a worker thread (a holder class is initialised only when first read).
   */
  private static final class Decoy {
    static final String HASH = Password.hash("decoy").addRandomSalt(16).with(ARGON2).getResult();
  }

  private final Vertx vertx;

  public Passwords(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult(), false);
  }

  /** Whether the password matches; {@code storedHash} null means no such user (still costs one hash). */
  public Future<Boolean> matches(String password, String storedHash) {
    return vertx.executeBlocking(() -> {
      boolean ok = Password.check(password, storedHash == null ? Decoy.HASH : storedHash).with(ARGON2);
      return ok && storedHash != null;
    }, false);
  }

  /** What a password must be: long enough to resist guessing, short enough to hash quickly. */
  public static String problem(String password) {
    if (password.length() < 10) {
      return "must be at least 10 characters";
    }
    if (password.length() > 200) {
      return "must be at most 200 characters";
    }
    return null;
  }
}
