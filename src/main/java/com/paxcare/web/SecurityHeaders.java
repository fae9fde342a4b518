package com.paxcare.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer, errors included (set before any route runs). API answers carry personal data: no
 * cache may keep them, and no browser may render one as a page, frame it, or run anything it contains. The
 * screens' own policy (their CSP and a short cache) is set where they are served.
 */
final class SecurityHeaders {
  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
      + "form-action 'none'";

  private SecurityHeaders() {
  }

  static void apply(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("X-Frame-Options", "DENY");
    if (!isScreen(ctx.request().path())) {
      headers.set("Cache-Control", "no-store").set("Content-Security-Policy", API_POLICY);
    }
    ctx.next();
  }

  /** The screens' files: everything but the API, health, metrics and the API description. */
  static boolean isScreen(String path) {
    return path != null && !path.startsWith("/api/") && !path.startsWith("/health/") && !path.equals("/metrics")
        && !path.equals("/openapi.yaml");
  }
}
