package com.paxcare.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain blocking HTTP client for tests (the test thread is not an event loop). */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The API keys every test node accepts (TestNodes): an admin system and a departure-control feed. */
  public static final String TEST_ADMIN_KEY = "tests-admin-key-0123456789";
  public static final String TEST_FEED_KEY = "tests-feed-key-0123456789";

  private final String base;
  private final String token;

  /** A client calling as the tests' admin system. */
  public Http(int port) {
    this("http://127.0.0.1:" + port, TEST_ADMIN_KEY);
  }

  /** A client calling {@code base} (e.g. {@code http://10.0.0.2:8080}) as the tests' admin system. */
  public Http(String base) {
    this(base, TEST_ADMIN_KEY);
  }

  private Http(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same server, called with this Bearer token (null: no Authorization header at all). */
  public Http as(String bearer) {
    return new Http(base, bearer);
  }

  /** Signs in with a password and returns a client carrying the user's token. */
  public Http signIn(String username, String password) {
    Answer answer = as(null).postJson("/api/v1/auth/login",
        new JsonObject().put("username", username).put("password", password));
    if (answer.status() != 200) {
      throw new IllegalStateException("Sign-in of " + username + " failed: " + answer.status() + " " + answer.body());
    }
    return as(answer.json().getString("token"));
  }

  private HttpRequest.Builder withToken(HttpRequest.Builder request) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  public record Answer(int status, String contentType, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray jsonArray() {
      return new JsonArray(body);
    }
  }

  public Answer get(String path) {
    return send(withToken(HttpRequest.newBuilder(URI.create(base + path))).GET());
  }

  public Answer post(String path, String contentType, String body) {
    return send(withToken(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer postWithHeader(String path, String json, String header, String value) {
    return send(withToken(HttpRequest.newBuilder(URI.create(base + path)))
        .header("Content-Type", "application/json").header(header, value)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer postJson(String path, Object json) {
    return post(path, "application/json", json.toString());
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
