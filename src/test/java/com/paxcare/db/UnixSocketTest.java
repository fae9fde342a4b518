package com.paxcare.db;

import com.paxcare.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A pool given the server's socket directory talks to it over the Unix-domain socket; without one, over TCP. */
class UnixSocketTest {

  @Test
  void thePoolUsesTheServersUnixSocketWhenToldWhereItIs() throws Exception {
    String directory = Database.socketDirectory(TestDatabase.server());
    assertThat(directory).startsWith("/");
    Database database = TestDatabase.fresh();
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    try {
      assertThat(vertx.isNativeTransportEnabled()).as("epoll, which domain sockets need").isTrue();
      assertThat(clientAddress(database.overSocket(directory).pool(vertx, 2, 8))).isNull();
      assertThat(clientAddress(database.pool(vertx, 2, 8))).isIn("127.0.0.1", "::1");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** The client's address as the server sees it: null for a Unix-domain socket. */
  private static String clientAddress(Pool pool) throws Exception {
    try {
      Row row = pool.query("SELECT host(inet_client_addr()) AS address, current_database() AS db").execute()
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).iterator().next();
      assertThat(row.getString("db")).startsWith("paxcare_test_");
      return row.getString("address");
    } finally {
      pool.close();
    }
  }
}
