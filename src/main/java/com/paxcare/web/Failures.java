package com.paxcare.web;

import com.paxcare.access.AccessDenied;
import com.paxcare.validation.FieldError;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Turns every failure into a problem answer; only what is really our fault becomes a 500. */
final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {
  }

  static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode();
    if (failure instanceof AccessDenied denied) {
      boolean signIn = denied.status() == 401;
      if (signIn) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"paxcare\"");
      }
      Problem.send(ctx, denied.status(), signIn ? "not-signed-in" : "forbidden", signIn ? "Not signed in" : "Forbidden",
          denied.getMessage(), List.of(new FieldError("Authorization", signIn ? "missing or not valid" : "not allowed")));
    } else if (failure instanceof InvalidInput invalid) {
      Problem.send(ctx, 400, "invalid-input", "Invalid input", invalid.getMessage(), invalid.errors());
    } else if (failure instanceof DecodeException decode) {
      Problem.send(ctx, 400, "invalid-json", "Invalid JSON", "The body is not valid JSON: " + firstLine(decode),
          List.of(new FieldError("(body)", "is not valid JSON")));
    } else if (failure instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("23")) {
      // A database invariant refused the change (a seat taken twice, a check): the request conflicts with
      // what is stored, and the transaction stored nothing.
      Problem.send(ctx, 409, "conflict", "Conflicts with stored data",
          pg.getErrorMessage() + (pg.getDetail() == null ? "" : " (" + pg.getDetail() + ")"),
          List.of(new FieldError(pg.getConstraint() == null ? "(body)" : pg.getConstraint(), pg.getErrorMessage())));
    } else if (Unavailable.isTransient(failure)) {
      // Nothing was stored (the transaction never committed): the caller may safely send the same request again.
      ctx.response().putHeader("Retry-After", Integer.toString(Unavailable.retryAfterSeconds(failure)));
      Problem.send(ctx, 503, Unavailable.type(failure), "Unavailable for a moment", Unavailable.detail(failure), null);
    } else if (failure instanceof HttpException http) {
      problemForStatus(ctx, http.getStatusCode(), http.getPayload());
    } else if (failure == null && status > 0) {
      problemForStatus(ctx, status, null);
    } else {
      LOG.error("Request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
      Problem.send(ctx, 500, "internal", "Internal error", "PaxCare could not complete the request; it is logged.",
          null);
    }
  }

  static void problemForStatus(RoutingContext ctx, int status, String detail) {
    switch (status) {
      case 404 -> Problem.notFound(ctx, detail != null ? detail : "No resource at " + ctx.request().path());
      case 405 -> Problem.send(ctx, 405, "method-not-allowed", "Method not allowed",
          ctx.request().method() + " is not allowed on " + ctx.request().path(), null);
      case 413 -> Problem.send(ctx, 413, "too-large", "Body too large",
          detail != null ? detail : "The request body is larger than this endpoint accepts", null);
      case 415 -> Problem.send(ctx, 415, "unsupported-media-type", "Unsupported media type",
          detail != null ? detail : "Content-Type " + ctx.request().getHeader("Content-Type") + " is not accepted here",
          List.of(new FieldError("Content-Type", "not accepted here")));
      case 503 -> Problem.send(ctx, 503, "unavailable", "Unavailable",
          detail != null ? detail : "This node is shutting down; retry on another", null);
      default -> Problem.send(ctx, status, "http-" + status, "HTTP " + status, detail, null);
    }
  }

  private static String firstLine(Throwable t) {
    String message = String.valueOf(t.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
