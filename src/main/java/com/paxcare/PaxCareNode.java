package com.paxcare;

import com.paxcare.baggage.BagsStep;
import com.paxcare.care.CareStep;
import com.paxcare.cases.Step;
import com.paxcare.cases.StepEngine;
import com.paxcare.cases.StepWorker;
import com.paxcare.disruption.DisruptionWorker;
import com.paxcare.cases.StepKind;
import com.paxcare.cluster.ClusterSetup;
import com.paxcare.followup.FollowUpSteps;
import com.paxcare.notify.ConfirmStep;
import com.paxcare.notify.Outbox;
import com.paxcare.rebook.RebookStep;
import com.paxcare.recall.RecallSteps;
import com.paxcare.db.Database;
import com.paxcare.access.Passwords;
import com.paxcare.access.RateLimits;
import com.paxcare.access.Role;
import com.paxcare.access.Tokens;
import com.paxcare.access.Users;
import com.paxcare.demo.DemoLoader;
import com.paxcare.demo.DemoUsers;
import com.paxcare.web.Admission;
import com.paxcare.web.HttpApi;
import com.paxcare.web.HttpVerticle;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One PaxCare node: a clustered Vert.x instance, a reactive pool on PostgreSQL, and the HTTP edge. Any number
 * of nodes may run against one database; any of them may die without losing anything that was acknowledged,
 * because PostgreSQL holds the record.
 */
public final class PaxCareNode {
  private static final Logger LOG = LoggerFactory.getLogger(PaxCareNode.class);

  private final Config config;
  private final Vertx vertx;
  private final HazelcastClusterManager clusterManager;
  private final Pool pool;
  private final PrometheusMeterRegistry registry;
  private final AtomicBoolean draining = new AtomicBoolean();
  private String stepWorkers;
  /** Applies new cases' first steps in the intake's transaction (not started: it runs no lanes of its own). */
  private StepEngine firstSteps;
  private String disruptionWorker;
  private Outbox outbox;
  private String httpDeployment;
  private int httpPort;

  private PaxCareNode(Config config, Vertx vertx, HazelcastClusterManager clusterManager, Pool pool,
      PrometheusMeterRegistry registry) {
    this.config = config;
    this.vertx = vertx;
    this.clusterManager = clusterManager;
    this.pool = pool;
    this.registry = registry;
  }

  /** Joins the cluster, opens the pool, loads the demo airline if asked, then serves HTTP. */
  public static Future<PaxCareNode> start(Config config, Database database, Clock clock) {
    Buffer openApi = HttpApi.openApiDocument();
    String tokenSecret = Tokens.secret(config.access().jwtSecret(), config.dataDir());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("node", config.nodeName());
    HazelcastClusterManager clusterManager = ClusterSetup.clusterManager(config);
    VertxOptions options = new VertxOptions()
        .setPreferNativeTransport(true)
        .setEventBusOptions(ClusterSetup.eventBusOptions(config))
        .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true));
    return Vertx.builder()
        .with(options)
        .withMetrics(new MicrometerMetricsFactory(registry))
        .withClusterManager(clusterManager)
        .buildClustered()
        .compose(vertx -> {
          LOG.info("Network transport: {}", vertx.isNativeTransportEnabled() ? "native (epoll)"
              : "NIO (native transport unavailable: " + vertx.unavailableNativeTransportCause() + ")");
          PaxCareNode node = new PaxCareNode(config, vertx, clusterManager,
              database.pool(vertx, config.pgPoolSize(), config.capacity().pgWaitQueue()), registry);
          HttpApi.Gatekeeping gatekeeping = new HttpApi.Gatekeeping(config.access().apiKeys(),
              new Tokens(vertx, tokenSecret, config.access().tokenHours() * 60),
              new RateLimits(config.access().signInsPerMinute()),
              new Admission(config.capacity().maxInFlight(), config.capacity().maxBulkInFlight(), registry));
          Users users = new Users(node.pool, new Passwords(vertx));
          Future<Void> demo = config.demo()
              ? DemoLoader.loadIfNoFlightsAhead(vertx, node.pool, clock).compose(v -> node.demoUsers(users))
              : Future.succeededFuture();
          return node.firstAdmin(users).compose(v -> demo).compose(v -> node.startWorkers(clock))
              .compose(v -> node.serveHttp(clock, openApi, gatekeeping)).map(node);
        });
  }

  /** Every node works every case's plan and the outbox: whoever claims a step first applies it. */
  private Future<Void> startWorkers(Clock clock) {
    Map<StepKind, Step> handlers = new EnumMap<>(StepKind.class);
    handlers.putAll(RecallSteps.all());
    handlers.put(StepKind.REBOOK, new RebookStep());
    handlers.put(StepKind.BAGS, new BagsStep());
    handlers.put(StepKind.CARE, new CareStep());
    handlers.put(StepKind.CONFIRM, new ConfirmStep());
    handlers.putAll(FollowUpSteps.all());
    // One worker per core; together they use half the pool, the other half stays free for requests.
    int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    int lanesEach = Math.max(1, config.pgPoolSize() / 2 / workers);
    outbox = new Outbox(vertx, pool, config.messaging());
    firstSteps = new StepEngine(vertx, pool, clock, config.nodeName(), config.care(), handlers, 0);
    return vertx.deployVerticle(() -> new StepWorker(() -> new StepEngine(vertx, pool, clock, config.nodeName(),
                config.care(), handlers, lanesEach)), new DeploymentOptions().setInstances(workers))
        .onSuccess(id -> stepWorkers = id)
        // Disruptions: two at a time per node by default (competing ones take turns on the seats they share anyway).
        .compose(v -> vertx.deployVerticle(new DisruptionWorker(pool, clock, config.nodeName(), config.care(),
            config.disruption(), config.disruption().disruptionsAtOnce())))
        .onSuccess(id -> disruptionWorker = id)
        .compose(v -> outbox.start());
  }

  /** {@code PAXCARE_ADMIN_PASSWORD} creates the admin at first start; later starts leave its password alone. */
  private Future<Void> firstAdmin(Users users) {
    return config.access().adminPassword()
        .map(password -> users.ensure(new Users.NewUser("admin", password, Role.ADMIN, null, null, null), "configuration")
            .onSuccess(created -> {
              if (created) {
                LOG.info("Created user admin from PAXCARE_ADMIN_PASSWORD");
              }
            }).<Void>mapEmpty())
        .orElseGet(Future::succeededFuture);
  }

  private Future<Void> demoUsers(Users users) {
    Future<Void> admin = config.access().adminPassword().isPresent() ? Future.succeededFuture()
        : users.ensure(new Users.NewUser("admin", DemoUsers.PASSWORD, Role.ADMIN, null, null, null), "demo").mapEmpty();
    return admin.compose(v -> DemoUsers.ensure(pool, users)).onSuccess(list -> LOG.info(
        "Demo users (password {}): admin{}, {}; passenger sign-in: booking K7Q2ZB, surname UHLE", DemoUsers.PASSWORD,
        config.access().adminPassword().isPresent() ? " (password from PAXCARE_ADMIN_PASSWORD)" : "",
        list.stream().map(u -> u.username() + " (" + u.role().code()
            + (u.station() != null ? " " + u.station() : "") + (u.flight() != null ? " " + u.flight() + " " + u.date() : "")
            + ")").collect(java.util.stream.Collectors.joining(", ")))).mapEmpty();
  }

  private Future<Void> serveHttp(Clock clock, Buffer openApi, HttpApi.Gatekeeping gatekeeping) {
    int instances = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    int port = config.httpPort() == 0 ? freePort() : config.httpPort();
    return vertx.deployVerticle(
            () -> new HttpVerticle(() -> HttpApi.router(vertx, pool, clusterManager, registry, draining::get, clock,
                openApi, gatekeeping, config.disruption(), firstSteps),
                port, config.shutdownGraceSeconds()),
            new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> {
          httpDeployment = id;
          httpPort = port;
        })
        .mapEmpty();
  }

  /**
   * Graceful stop: readiness turns red, the HTTP servers stop accepting and finish requests in flight, then the
   * pool closes and the node leaves the cluster.
   */
  public CompletableFuture<Void> stop() {
    if (!draining.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    LOG.info("Stopping: draining HTTP requests (up to {} s)", config.shutdownGraceSeconds());
    Future<Void> http = httpDeployment == null ? Future.succeededFuture() : vertx.undeploy(httpDeployment);
    // vertx.close() is called from outside Vert.x: callbacks bound to its event loops would never run once
    // those loops are gone.
    return http
        .eventually(() -> {
          if (outbox != null) {
            outbox.stop();
          }
          return stepWorkers == null ? Future.succeededFuture() : vertx.undeploy(stepWorkers);
        })
        .eventually(() -> disruptionWorker == null ? Future.succeededFuture() : vertx.undeploy(disruptionWorker))
        .eventually(() -> pool.close())
        .toCompletionStage().toCompletableFuture()
        .handle((v, failure) -> failure)
        .thenComposeAsync(failure -> {
          if (failure != null) {
            LOG.warn("Draining did not complete cleanly", failure);
          }
          return vertx.close().toCompletionStage();
        }, CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS))
        .whenComplete((v, failure) -> LOG.info("Stopped: left the cluster, pool closed"));
  }

  public Vertx vertx() {
    return vertx;
  }

  public Pool pool() {
    return pool;
  }

  public StepEngine firstSteps() {
    return firstSteps;
  }

  public int httpPort() {
    return httpPort;
  }

  public HazelcastClusterManager clusterManager() {
    return clusterManager;
  }

  public String nodeName() {
    return config.nodeName();
  }

  private static int freePort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("No free port for HTTP", e);
    }
  }
}
