package com.paxcare.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where PaxCare's PostgreSQL is: the one named by PAXCARE_PG_URL, or an embedded server whose files live in
 * the data directory. Start-up work here (embedded server, Flyway over JDBC) is blocking by nature and runs
 * before any event loop serves a request; requests only ever use the reactive {@link #pool}.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final EmbeddedPostgres embedded;
  /** Where the server's Unix-domain socket is, when the node's pool should use it instead of TCP; else null. */
  private final String socketDirectory;

  private Database(String jdbcUrl, String user, String password, EmbeddedPostgres embedded, String socketDirectory) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
    this.socketDirectory = socketDirectory;
  }

  /** An existing server, e.g. {@code postgresql://db:5432/paxcare} (a {@code jdbc:} prefix is accepted too). */
  public static Database external(String url, String user, String password) {
    String jdbc = url.startsWith("jdbc:") ? url : "jdbc:" + url;
    return new Database(jdbc, user, password, null, null);
  }

  /**
   * The same server, reached by the node's pool over its Unix-domain socket in {@code directory} (the server's
   * {@code unix_socket_directories}): for a server on the node's own machine. Over loopback TCP, sending took about
   * a sixth of PostgreSQL's CPU samples (perf, 80 urgent events/s), over the socket a tenth: it skips the TCP stack
   * at both ends. Migrations still use the JDBC URL.
   */
  public Database overSocket(String directory) {
    return new Database(jdbcUrl, user, password, embedded, directory);
  }

  /** The first directory in which a running local server listens on a Unix-domain socket, or null if none. */
  public static String socketDirectory(EmbeddedPostgres server) {
    try (var connection = server.getPostgresDatabase().getConnection();
         var statement = connection.createStatement();
         var rows = statement.executeQuery("SELECT current_setting('unix_socket_directories')")) {
      rows.next();
      String first = rows.getString(1).split(",")[0].trim();
      return first.startsWith("/") ? first : null;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not read the server's socket directory", e);
    }
  }

  /**
   * The embedded server as durable as a production one. Zonky starts PostgreSQL for tests: with {@code -F} (no
   * fsync) and {@code synchronous_commit = off}, so a case already answered {@code 201} could be lost with the
   * server. The {@code -c fsync=on} given after {@code -F} wins.
   */
  public static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
    return builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
  }

  /** Starts (or restarts over its existing files) an embedded PostgreSQL keeping its data in {@code dataDir}. */
  public static Database embedded(Path dataDir) {
    try {
      Path pgData = dataDir.resolve("postgres");
      Files.createDirectories(pgData);
      long started = System.nanoTime();
      EmbeddedPostgres pg = durable(EmbeddedPostgres.builder())
          .setDataDirectory(pgData)
          .setCleanDataDirectory(false)
          .setServerConfig("max_connections", "200")
          .start();
      LOG.info("Embedded PostgreSQL on port {} with data in {} ({} ms)", pg.getPort(), pgData,
          (System.nanoTime() - started) / 1_000_000);
      return new Database(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", pg, socketDirectory(pg));
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir, e);
    }
  }

  /** Applies the migrations from sql/ (packaged as db/migration); idempotent, safe from several nodes at once. */
  public Database migrate() {
    var result = Flyway.configure()
        .dataSource(jdbcUrl, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    LOG.info("Schema at version {} ({} migrations applied now)", result.targetSchemaVersion, result.migrationsExecuted);
    return this;
  }

  public PgConnectOptions connectOptions() {
    return PgConnectOptions.fromUri(jdbcUrl.substring("jdbc:".length()))
        .setUser(user)
        .setPassword(password)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(512);
  }

  /**
   * A pool of {@code size} connections; past {@code waitQueue} waiting requests, more fail at once (503). Over the
   * server's Unix-domain socket when one is known and Vert.x runs on its native transport (which domain sockets
   * need), else over TCP.
   */
  public Pool pool(Vertx vertx, int size, int waitQueue) {
    PgConnectOptions options = connectOptions();
    if (socketDirectory != null && vertx.isNativeTransportEnabled()) {
      options.setHost(socketDirectory);
    }
    LOG.info("PostgreSQL pool of {} over {}", size, options.isUsingDomainSocket()
        ? "the Unix-domain socket in " + options.getHost() : "TCP to " + options.getHost() + ":" + options.getPort());
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setMaxWaitQueueSize(waitQueue).setName("paxcare").setShared(false))
        .connectingTo(options)
        .using(vertx)
        .build();
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }
}
