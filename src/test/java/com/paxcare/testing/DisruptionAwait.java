package com.paxcare.testing;
import io.vertx.core.json.JsonObject;

/** Waits for a disruption to be done, with its state in the failure if it is not. */
public final class DisruptionAwait {
  private DisruptionAwait() {
  }

  public static JsonObject done(Http http, String id) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonObject view = null;
    while (System.nanoTime() < deadline) {
      view = http.get("/api/v1/disruptions/" + id).json();
      if ("DONE".equals(view.getString("status"))) {
        return view;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Disruption not done in 60 s: " + (view == null ? "" : view.encodePrettily()));
  }
}
