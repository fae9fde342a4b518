package com.paxcare.web;

import com.paxcare.validation.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** Errors as RFC 9457 problem details ({@code application/problem+json}), naming the offending field. */
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPES = "https://paxcare.dev/problems/";

  private Problem() {
  }

  public static void send(RoutingContext ctx, int status, String type, String title, String detail,
      List<FieldError> errors) {
    send(ctx, status, type, title, detail, errors, null);
  }

  /** With {@code extra} members (RFC 9457 extensions), e.g. the candidates of an ambiguous match. */
  public static void send(RoutingContext ctx, int status, String type, String title, String detail,
      List<FieldError> errors, JsonObject extra) {
    JsonObject body = new JsonObject()
        .put("type", TYPES + type)
        .put("title", title)
        .put("status", status)
        .put("detail", detail)
        .put("instance", ctx.request().path());
    if (errors != null && !errors.isEmpty()) {
      JsonArray list = new JsonArray();
      errors.forEach(e -> list.add(new JsonObject().put("field", e.field()).put("reason", e.reason())));
      body.put("errors", list);
    }
    if (extra != null) {
      extra.forEach(entry -> body.put(entry.getKey(), entry.getValue()));
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body.encode());
  }

  public static void notFound(RoutingContext ctx, String detail) {
    send(ctx, 404, "not-found", "Not found", detail, null);
  }
}
