package com.paxcare.faults;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between the nodes and PostgreSQL that can hold every packet back for a while: a slow database (a
 * congested link, a loaded server) without touching the server. Delayed bytes keep their order: a chunk is never
 * released before the one sent ahead of it.
 */
final class LatencyProxy implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final NetServer server;
  private volatile long delayMillis;

  LatencyProxy(int targetPort) throws Exception {
    NetClient client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(in -> {
      in.pause();
      client.connect(targetPort, "127.0.0.1").onSuccess(out -> {
        relay(in, out);
        relay(out, in);
        in.resume();
      }).onFailure(refused -> in.close());
    });
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  int port() {
    return server.actualPort();
  }

  /** Every byte, each way, waits this long from now on (0: none). */
  void delay(long millis) {
    delayMillis = millis;
  }

  private void relay(NetSocket from, NetSocket to) {
    // One queue per direction, drained in order by one timer at a time: a later chunk can never overtake.
    java.util.ArrayDeque<Object[]> queue = new java.util.ArrayDeque<>();
    boolean[] draining = {false};
    Runnable[] drain = new Runnable[1];
    drain[0] = () -> {
      long now = System.nanoTime();
      while (!queue.isEmpty() && (long) queue.peek()[0] <= now) {
        to.write((Buffer) queue.poll()[1]);
      }
      if (queue.isEmpty()) {
        draining[0] = false;
      } else {
        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis((long) queue.peek()[0] - now) + 1),
            id -> drain[0].run());
      }
    };
    from.handler(chunk -> {
      queue.add(new Object[] {System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis), chunk});
      if (!draining[0]) {
        draining[0] = true;
        drain[0].run();
      }
    });
    from.closeHandler(v -> to.close());
    from.exceptionHandler(e -> from.close());
  }

  @Override
  public void close() {
    vertx.close();
  }
}
