package com.paxcare.faults;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A gate tablet as the gate screen behaves (gate.js): a live socket to one node, signed in with the agent's token,
 * subscribed to its station; on every push, and on every (re)connection, it reads the alerts it has not seen from
 * the API. When its node goes away it connects to another after a second. The suite compares what it knows with
 * what PostgreSQL holds.
 */
final class Tablet implements AutoCloseable {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .version(HttpClient.Version.HTTP_1_1).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Supplier<List<String>> nodes;
  private final String token;
  private final String station;
  private final Set<Long> known = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger next = new AtomicInteger();
  private volatile String cursor = "";
  private volatile String base;
  private volatile WebSocket socket;
  private volatile boolean closed;
  private volatile long lostAt;
  private volatile long lastReconnectMillis = -1;

  Tablet(Supplier<List<String>> nodes, String token, String station) {
    this.nodes = nodes;
    this.token = token;
    this.station = station;
    connect();
    // As gate.js: a push can be lost with the node that was to send it, so re-read every 15 s anyway.
    timer.scheduleWithFixedDelay(() -> catchUp(false), 15, 15, TimeUnit.SECONDS);
  }

  private void connect() {
    if (closed) {
      return;
    }
    List<String> up = nodes.get();
    String node = up.get(Math.floorMod(next.getAndIncrement(), up.size()));
    client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2))
        .buildAsync(URI.create(node.replace("http://", "ws://") + "/api/v1/live"), new Listener(node))
        .whenComplete((ws, failure) -> {
          if (failure != null) {
            timer.schedule(this::connect, 1, TimeUnit.SECONDS);
          } else {
            socket = ws;
            ws.sendText(new JsonObject().put("type", "auth").put("token", token).encode(), true);
          }
        });
  }

  private final class Listener implements WebSocket.Listener {
    private final String node;
    private final StringBuilder text = new StringBuilder();

    Listener(String node) {
      this.node = node;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        JsonObject message = new JsonObject(text.toString());
        text.setLength(0);
        switch (message.getString("type")) {
          case "ready" -> ws.sendText(new JsonObject().put("type", "subscribe")
              .put("address", "paxcare.station." + station).encode(), true);
          case "subscribed" -> {
            base = node;
            connections.incrementAndGet();
            catchUp(true);
          }
          case "message" -> catchUp(false);
          default -> { }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      lost();
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      lost();
    }
  }

  private void lost() {
    if (closed) {
      return;
    }
    lostAt = System.nanoTime();
    base = null;
    timer.schedule(this::connect, 1, TimeUnit.SECONDS);
  }

  /** Reads what it missed; after a reconnection, records how long the tablet was without its alerts. */
  private void catchUp(boolean reconnected) {
    String node = base;
    if (node == null) {
      return;
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(node + "/api/v1/gates/" + station + "/*/alerts?after="
        + cursor)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
    client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(answer -> {
      if (answer.statusCode() != 200) {
        return;
      }
      JsonObject page = new JsonObject(answer.body());
      synchronized (this) {
        for (Object o : page.getJsonArray("alerts")) {
          known.add(((JsonObject) o).getLong("id"));
        }
        cursor = page.getString("next");
      }
      if (reconnected && lostAt != 0) {
        lastReconnectMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lostAt);
        lostAt = 0;
      }
    });
  }

  /** The node the tablet is connected to now (null while it has none). */
  String node() {
    return base;
  }

  Set<Long> known() {
    return Set.copyOf(known);
  }

  int connections() {
    return connections.get();
  }

  /** How long the last reconnection took, from losing the node to having read what it missed (-1: none yet). */
  long lastReconnectMillis() {
    return lastReconnectMillis;
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
  }
}
