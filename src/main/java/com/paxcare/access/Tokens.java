package com.paxcare.access;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Signed tokens (JWT, HS256) for people who signed in: who they are and the scope of their role. */
public final class Tokens {
  private static final String ISSUER = "paxcare";
  private final JWTAuth jwt;
  private final int validMinutes;

  public Tokens(Vertx vertx, String secret, int validMinutes) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER).setLeeway(30)));
    this.validMinutes = validMinutes;
  }

  public String issue(Principal principal) {
    return jwt.generateToken(principal.claims(), new JWTOptions().setAlgorithm("HS256").setIssuer(ISSUER)
        .setExpiresInMinutes(validMinutes));
  }

  /** The principal a token names; fails when it is forged, expired or not ours. */
  public Future<Principal> verify(String token) {
    return verifyUntil(token).map(Verified::principal);
  }

  /** A verified token: who, and until when (epoch seconds; null: no end) it may be used. */
  public record Verified(Principal principal, Long expiresAt) {
  }

  public Future<Verified> verifyUntil(String token) {
    return jwt.authenticate(new TokenCredentials(token)).map(user -> new Verified(
        Principal.fromClaims(user.principal()), expiry(user)));
  }

  /** Vert.x keeps the standard time claims in the user's attributes. */
  private static Long expiry(io.vertx.ext.auth.User user) {
    Long exp = user.attributes().getLong("exp");
    return exp != null ? exp : user.principal().getLong("exp");
  }

  /**
   * The signing secret: the configured one, else one generated once and kept in the data directory (readable by
   * its owner only). Nodes of one cluster must share it, so clusters configure {@code PAXCARE_JWT_SECRET}.
   * Called by the starting thread, before any event loop runs.
   */
  public static String secret(Optional<String> configured, Path dataDir) {
    if (configured.isPresent()) {
      return configured.get();
    }
    Path file = dataDir.resolve("jwt-secret");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
      }
      Files.createDirectories(dataDir);
      byte[] bytes = new byte[48];
      new SecureRandom().nextBytes(bytes);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Path temporary = Files.createTempFile(dataDir, "jwt-secret", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the data directory's own permissions protect it.
      }
      Files.writeString(temporary, secret, StandardCharsets.US_ASCII);
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the token secret in " + file, e);
    }
  }
}
