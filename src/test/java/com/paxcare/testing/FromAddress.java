package com.paxcare.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;

/**
 * A blocking HTTP client for tests that need the answer's headers, or to call from another loopback address
 * (127.0.0.2, 127.0.0.3, ...): the node sees each as a different client, as it would a guesser's many machines.
 */
public final class FromAddress implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final int port;

  public FromAddress(int port) {
    this.port = port;
  }

  public record Answer(int status, MultiMap headers, String body) {
    public String header(String name) {
      return headers.get(name);
    }

    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  /** {@code authorization} is the whole header value (null: none). */
  public Answer send(String localAddress, HttpMethod method, String path, String authorization, String json) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(localAddress));
    try {
      RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
          .setURI(path);
      if (authorization != null) {
        options.putHeader("Authorization", authorization);
      }
      if (json != null) {
        options.putHeader("Content-Type", "application/json");
      }
      return client.request(options)
          .compose(request -> json == null ? request.send() : request.send(Buffer.buffer(json)))
          .compose(response -> response.body().map(body -> new Answer(response.statusCode(), response.headers(),
              body.toString())))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " from " + localAddress + " failed", e);
    } finally {
      client.close();
    }
  }

  public Answer get(String path, String authorization) {
    return send("127.0.0.1", HttpMethod.GET, path, authorization, null);
  }

  public Answer postJson(String localAddress, String path, JsonObject body) {
    return send(localAddress, HttpMethod.POST, path, null, body.encode());
  }

  @Override
  public void close() {
    vertx.close();
  }
}
