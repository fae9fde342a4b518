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

  /**
   * A request the HTTP codec could not read (request line or headers too long, malformed): answered before any
   * route, as a problem too, then the connection is closed, since what follows on it cannot be trusted.
   */
  public static void invalidRequest(io.vertx.core.http.HttpServerRequest request) {
    Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
    int status;
    String type;
    String title;
    FieldError error;
    if (cause instanceof io.netty.handler.codec.http.TooLongHttpLineException) {
      status = 414;
      type = "uri-too-long";
      title = "URI too long";
      error = new FieldError("(request line)", "is longer than this server reads");
    } else if (cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException) {
      status = 431;
      type = "headers-too-large";
      title = "Request headers too large";
      error = new FieldError("(headers)", "are larger than this server reads");
    } else {
      status = 400;
      type = "bad-request";
      title = "Bad request";
      error = new FieldError("(request)", "is not a well-formed HTTP request");
    }
    JsonObject body = new JsonObject().put("type", TYPES + type).put("title", title).put("status", status)
        .put("detail", cause == null ? title : String.valueOf(cause.getMessage()))
        .put("errors", new JsonArray().add(new JsonObject().put("field", error.field()).put("reason", error.reason())));
    request.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).putHeader("Connection", "close")
        .end(body.encode()).onComplete(done -> request.connection().close());
  }

  public static void notFound(RoutingContext ctx, String detail) {
    send(ctx, 404, "not-found", "Not found", detail, null);
  }
}
