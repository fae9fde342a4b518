package com.paxcare.testing;

import com.paxcare.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, and a fresh, migrated database for each
 * caller, so test classes never see each other's rows.
 */
public final class TestDatabase {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabase() {
  }

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // Tests keep zonky's fast settings (no fsync); benchmarks ask for the product's durable ones.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
        server = (Boolean.getBoolean("paxcare.durable") ? Database.durable(builder) : builder).start();
      } catch (IOException e) {
        throw new IllegalStateException("Could not start the embedded PostgreSQL for tests", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      }));
    }
    return server;
  }

  /** How durable the test server's commits are, as PostgreSQL reports it (for benchmark reports). */
  public static String durability() {
    try (Connection connection = server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement();
         java.sql.ResultSet rows = statement.executeQuery(
             "SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
      rows.next();
      return "fsync " + rows.getString(1) + ", synchronous_commit " + rows.getString(2);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the test server's settings", e);
    }
  }

  /** A new empty database with PaxCare's schema applied. */
  public static Database fresh() {
    String name = "paxcare_test_" + NEXT.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return Database.external(url(name), "postgres", "postgres").migrate();
  }

  /** A plain JDBC connection, for a test that holds a lock or reads behind PaxCare's back. */
  public static java.sql.Connection connect(String jdbcUrl) throws SQLException {
    return java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
  }

  /** The first column of the first row of {@code sql} (a count, a sum), read over JDBC. */
  public static long count(String jdbcUrl, String sql) throws SQLException {
    try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement();
         java.sql.ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  public static String url(String database) {
    return "postgresql://localhost:" + server().getPort() + "/" + database;
  }
}
