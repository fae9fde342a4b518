package com.paxcare.badinput;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends whatever a mutant holds, byte for byte: any method, path, media type and body, or none. */
final class RawHttp {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** status -1: the connection was closed without an answer. */
  record Answer(int status, String contentType, String body, String error) {
  }

  private final String base;

  RawHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Answer send(String method, String pathAndQuery, String bearer, String contentType, byte[] body, String header,
      String headerValue) {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60));
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      if (header != null) {
        request.setHeader(header, headerValue);
      }
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
    } catch (IllegalArgumentException unsendable) {
      return null; // the client itself refuses to send it (e.g. a control character in a header)
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          new String(response.body(), StandardCharsets.UTF_8), null);
    } catch (IOException e) {
      return new Answer(-1, "", "", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Percent-encodes a path segment or query value: every byte but the unreserved ones. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
