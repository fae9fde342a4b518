package com.paxcare.web;

import com.paxcare.access.LiveAddresses;
import com.paxcare.access.Principal;
import com.paxcare.access.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Live pushes to screens over a WebSocket ({@code /api/v1/live}). The first message signs in with the token
 * ({@code {"type":"auth","token":...}}: browsers cannot set headers on a WebSocket, and a token in the URL would
 * end up in logs); then the screen subscribes to event-bus addresses, each checked by {@link LiveAddresses}.
 * The consumers are on the clustered event bus, so a tablet on node B hears an alert raised on node A. Pushes
 * only wake screens up: on (re)connect a screen reads what it missed from the API, which reads PostgreSQL.
 */
final class LiveSocket {
  private static final int MAX_SUBSCRIPTIONS = 16;
  private static final long SIGN_IN_WITHIN_MS = 10_000;

  private final Vertx vertx;
  private final Tokens tokens;

  LiveSocket(Vertx vertx, Tokens tokens) {
    this.vertx = vertx;
    this.tokens = tokens;
  }

  void handle(RoutingContext ctx) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      // A plain GET (a browser tab, a scanner) is the client's mistake, not a 500.
      ctx.response().putHeader("Upgrade", "websocket");
      Problem.send(ctx, 426, "upgrade-required", "Upgrade required",
          "/api/v1/live is a WebSocket: connect with Upgrade: websocket",
          java.util.List.of(new com.paxcare.validation.FieldError("Upgrade", "must be websocket")));
      return;
    }
    ctx.request().toWebSocket().onSuccess(socket -> new Session(socket).start()).onFailure(ctx::fail);
  }

  private final class Session {
    private final ServerWebSocket socket;
    private final Map<String, MessageConsumer<JsonObject>> consumers = new HashMap<>();
    private Principal principal;
    private boolean closed;
    private long expiry = -1;

    Session(ServerWebSocket socket) {
      this.socket = socket;
    }

    void start() {
      long deadline = vertx.setTimer(SIGN_IN_WITHIN_MS, id -> {
        if (principal == null) {
          socket.close((short) 4401, "sign in first");
        }
      });
      socket.textMessageHandler(this::onMessage);
      socket.closeHandler(v -> {
        closed = true;
        vertx.cancelTimer(deadline);
        vertx.cancelTimer(expiry);
        consumers.values().forEach(MessageConsumer::unregister);
        consumers.clear();
      });
    }

    private void onMessage(String text) {
      JsonObject message;
      try {
        message = new JsonObject(text);
      } catch (DecodeException e) {
        send(new JsonObject().put("type", "error").put("status", 400).put("detail", "not JSON"));
        return;
      }
      switch (String.valueOf(message.getValue("type"))) {
        case "auth" -> signIn(message.getValue("token"));
        case "subscribe" -> subscribe(message.getValue("address"));
        case "ping" -> send(new JsonObject().put("type", "pong"));
        default -> send(new JsonObject().put("type", "error").put("status", 400)
            .put("detail", "type must be auth, subscribe or ping"));
      }
    }

    private void signIn(Object token) {
      if (!(token instanceof String text)) {
        socket.close((short) 4401, "token missing");
        return;
      }
      tokens.verifyUntil(text).onSuccess(verified -> {
        principal = verified.principal();
        // A sign-in lasts as long as its token, on a socket too: then the screen signs in again.
        if (verified.expiresAt() != null) {
          long left = verified.expiresAt() * 1000 - System.currentTimeMillis();
          expiry = vertx.setTimer(Math.max(1, left), id -> socket.close((short) 4401, "sign-in expired"));
        }
        send(new JsonObject().put("type", "ready").put("user", principal.describe()));
      }).onFailure(failure -> socket.close((short) 4401, "token not valid"));
    }

    private void subscribe(Object value) {
      String address = value instanceof String text ? text : null;
      if (principal == null) {
        send(error(401, address, "sign in first"));
        return;
      }
      if (!LiveAddresses.mayRead(principal, address)) {
        send(error(403, address, "a " + principal.role().code() + " may not listen to " + address));
        return;
      }
      if (consumers.containsKey(address)) {
        send(new JsonObject().put("type", "subscribed").put("address", address));
        return;
      }
      if (consumers.size() >= MAX_SUBSCRIPTIONS) {
        send(error(429, address, "at most " + MAX_SUBSCRIPTIONS + " subscriptions per connection"));
        return;
      }
      MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, pushed -> {
        if (closed) {
          return; // pushes still in flight when the tablet went away; its consumers are being removed
        }
        if (socket.writeQueueFull()) {
          // A screen that cannot keep up is better off reconnecting and reading what it missed.
          socket.close((short) 4408, "too slow; reconnect and catch up");
          return;
        }
        send(new JsonObject().put("type", "message").put("address", address).put("body", pushed.body()));
      });
      consumers.put(address, consumer);
      consumer.completion().onSuccess(v -> send(new JsonObject().put("type", "subscribed").put("address", address)));
    }

    private JsonObject error(int status, String address, String detail) {
      return new JsonObject().put("type", "error").put("status", status).put("address", address).put("detail", detail);
    }

    private void send(JsonObject message) {
      if (!closed) {
        socket.writeTextMessage(message.encode());
      }
    }
  }
}
