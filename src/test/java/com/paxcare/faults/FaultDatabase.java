package com.paxcare.faults;

import com.paxcare.db.Database;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL of the fault suite's own, on a data directory that outlives the server, so that it can really be
 * stopped (its processes gone, every connection refused) and started again on the same data and port. Public for
 * the local cluster launcher ({@code bench.LocalCluster}), which needs the same: one server for nodes in other JVMs.
 */
public final class FaultDatabase implements AutoCloseable {
  static final String NAME = "paxcare";

  private final Path directory;
  private final int port;
  private final String listenAddresses;
  private final boolean stopAtExit;
  private EmbeddedPostgres server;

  /** Starts a server listening on {@code listenAddresses} and creates PaxCare's database with its schema. */
  FaultDatabase(String listenAddresses, String extraHbaLine) throws IOException, SQLException {
    this("paxcare-faults-pg-", listenAddresses, extraHbaLine, true);
  }

  /**
   * As above, on a new directory named {@code directoryPrefix}… in the temporary directory. {@code stopAtExit}
   * false leaves stopping it to the caller (a shutdown hook that must stop the nodes using it first).
   */
  public FaultDatabase(String directoryPrefix, String listenAddresses, String extraHbaLine, boolean stopAtExit)
      throws IOException, SQLException {
    this.directory = Files.createTempDirectory(directoryPrefix);
    this.port = TestNodes.freePort();
    this.listenAddresses = listenAddresses;
    this.stopAtExit = stopAtExit;
    start();
    if (extraHbaLine != null) {
      // Clients in other network namespaces connect from their own addresses, which initdb's trust lines omit.
      Files.writeString(directory.resolve("pg_hba.conf"), extraHbaLine + "\n",
          java.nio.file.StandardOpenOption.APPEND);
      stop();
      start();
    }
    try (Connection connection = admin(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + NAME);
    }
    Database.external(url("localhost"), "postgres", "postgres").migrate();
  }

  void start() throws IOException {
    // Durable as in production: the checks after each fault count on what was answered being on disk.
    server = Database.durable(EmbeddedPostgres.builder()).setDataDirectory(directory).setCleanDataDirectory(false).setPort(port)
        .setServerConfig("listen_addresses", listenAddresses).setServerConfig("max_connections", "300")
        .setRegisterShutdownHook(stopAtExit).start();
  }

  /** A fast shutdown: sessions are ended, and new connections refused, until {@link #start()}. */
  void stop() throws IOException {
    server.close();
    server = null;
  }

  public int port() {
    return port;
  }

  /** Where the running server's Unix-domain socket is. */
  public String socketDirectory() {
    return Database.socketDirectory(server);
  }

  public Path directory() {
    return directory;
  }

  /** {@code postgresql://host:port/paxcare}, as a node's {@code PAXCARE_PG_URL} wants it. */
  public String url(String host) {
    return url(host, port);
  }

  static String url(String host, int port) {
    return "postgresql://" + host + ":" + port + "/" + NAME;
  }

  Connection connect() throws SQLException {
    return TestDatabase.connect(jdbcUrl());
  }

  long count(String sql) throws SQLException {
    return TestDatabase.count(jdbcUrl(), sql);
  }

  private String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + NAME;
  }

  private Connection admin() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
