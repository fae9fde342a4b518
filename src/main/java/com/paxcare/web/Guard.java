package com.paxcare.web;

import com.paxcare.access.AccessDenied;
import com.paxcare.access.ApiKey;
import com.paxcare.access.Principal;
import com.paxcare.access.Role;
import com.paxcare.access.Tokens;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is calling (a Bearer token: a partner's API key or a signed-in user's JWT), and whether their role may call
 * a route. Scope checks (this station, this flight, this booking) are made by the route with {@link Principal}.
 */
final class Guard {
  private static final String PRINCIPAL = "paxcare.principal";
  /** Reached without a token: signing in, and the live socket (which signs in with its first message). */
  private static final Set<String> PUBLIC = Set.of("/api/v1/auth/login", "/api/v1/auth/passenger", "/api/v1/live");

  private final Map<String, ApiKey> apiKeys;
  private final Tokens tokens;

  Guard(List<ApiKey> apiKeys, Tokens tokens) {
    this.apiKeys = apiKeys.stream().collect(Collectors.toUnmodifiableMap(ApiKey::key, Function.identity()));
    this.tokens = tokens;
  }

  /** Runs on every /api request: no token, or a bad one, is a 401 before any route sees the request. */
  void authenticate(RoutingContext ctx) {
    if (PUBLIC.contains(ctx.request().path())) {
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
      ctx.fail(AccessDenied.notSignedIn("Send Authorization: Bearer with a token from /api/v1/auth/login or an API key"));
      return;
    }
    String token = header.substring(7).trim();
    ApiKey key = apiKeys.get(token);
    if (key != null) {
      ctx.put(PRINCIPAL, key.principal());
      ctx.next();
      return;
    }
    tokens.verify(token).onSuccess(principal -> {
      ctx.put(PRINCIPAL, principal);
      ctx.next();
    }).onFailure(failure -> ctx.fail(AccessDenied.notSignedIn("The token is not valid or has expired; sign in again")));
  }

  /** The caller, set by {@link #authenticate}. */
  static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(PRINCIPAL);
    if (principal == null) {
      throw AccessDenied.notSignedIn("Not signed in");
    }
    return principal;
  }

  /** The caller, or null on a public path. */
  static Principal principalIfAny(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** A route handler letting through only these roles (403 for the others). */
  static Handler<RoutingContext> only(Role first, Role... more) {
    EnumSet<Role> allowed = EnumSet.of(first, more);
    String names = allowed.stream().map(Role::code).collect(Collectors.joining(", "));
    return ctx -> {
      Principal principal = principal(ctx);
      if (!allowed.contains(principal.role())) {
        throw AccessDenied.forbidden("A " + principal.role().code() + " may not do this; it is for " + names);
      }
      ctx.next();
    };
  }

  /** Refuses unless the scope check passed. */
  static void require(boolean allowed, String detail) {
    if (!allowed) {
      throw AccessDenied.forbidden(detail);
    }
  }
}
