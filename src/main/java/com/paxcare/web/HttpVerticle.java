package com.paxcare.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One HTTP server per event loop, all on the same port (Vert.x spreads connections over them). Stopping it
 * is graceful: no new connections, requests in flight are finished within the grace period.
 */
public final class HttpVerticle extends VerticleBase {
  private final Supplier<Router> routerFactory;
  private final int port;
  private final int graceSeconds;
  private HttpServer server;

  public HttpVerticle(Supplier<Router> routerFactory, int port, int graceSeconds) {
    this.routerFactory = routerFactory;
    this.port = port;
    this.graceSeconds = graceSeconds;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions()
            .setPort(port)
            .setCompressionSupported(true)
            .setMaxInitialLineLength(8192)
            // HTTP/1.1 and WebSocket only: HTTP/2 belongs to the TLS terminator in front. A client's cleartext
            // upgrade (h2c, which the JDK's client tries by default) once left it and the node framing a large
            // compressed answer differently (CI, OpenApiTest); refusing the upgrade keeps every client on 1.1.
            .setHttp2ClearTextEnabled(false))
        .requestHandler(routerFactory.get())
        .invalidRequestHandler(Problem::invalidRequest);
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(graceSeconds, TimeUnit.SECONDS);
  }
}
