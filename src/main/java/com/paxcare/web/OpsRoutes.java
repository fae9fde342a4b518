package com.paxcare.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;

import java.util.function.BooleanSupplier;

/** For those who run PaxCare: liveness, readiness (database and cluster), Prometheus metrics, the API description. */
final class OpsRoutes {
  private final Vertx vertx;
  private final Pool pool;
  private final ClusterManager clusterManager;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier draining;
  private final Buffer openApi;

  OpsRoutes(Vertx vertx, Pool pool, ClusterManager clusterManager, PrometheusMeterRegistry registry,
      BooleanSupplier draining, Buffer openApi) {
    this.vertx = vertx;
    this.pool = pool;
    this.clusterManager = clusterManager;
    this.registry = registry;
    this.draining = draining;
    this.openApi = openApi;
  }

  void mount(Router router) {
    router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));

    HealthChecks checks = HealthChecks.create(vertx)
        .register("database", 2_000, promise -> pool.query("SELECT 1").execute()
            .onSuccess(rows -> promise.complete(Status.OK()))
            .onFailure(e -> promise.complete(Status.KO(new JsonObject().put("error", e.getMessage())))))
        .register("cluster", 1_000, promise -> promise.complete(clusterManager != null && clusterManager.isActive()
            ? Status.OK(new JsonObject().put("nodes", clusterManager.getNodes().size())
                .put("nodeId", clusterManager.getNodeId()))
            : Status.KO(new JsonObject().put("error", "not a member of the cluster"))))
        .register("accepting-requests", promise -> promise.complete(draining.getAsBoolean()
            ? Status.KO(new JsonObject().put("reason", "shutting down")) : Status.OK()));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(checks));

    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    router.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi));
  }
}
