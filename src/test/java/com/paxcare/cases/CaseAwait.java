package com.paxcare.cases;

import com.paxcare.testing.Http;
import io.vertx.core.json.JsonObject;

import java.util.function.BooleanSupplier;

/** Waiting for asynchronous work in tests, with a deadline and the state at the deadline in the failure. */
final class CaseAwait {
  private CaseAwait() {
  }

  /** Polls the case until no step of its plan is pending; answers the case then. */
  static JsonObject planDone(Http http, String caseId) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonObject view = null;
    while (System.nanoTime() < deadline) {
      view = http.get("/api/v1/cases/" + caseId).json();
      boolean pending = view.getJsonArray("plan").stream()
          .map(s -> (JsonObject) s)
          .filter(s -> !s.getString("step").endsWith("_CHECK"))
          .anyMatch(s -> "PENDING".equals(s.getString("status")));
      if (!pending) {
        return view;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Plan not done in 30 s: " + (view == null ? "" : view.encodePrettily()));
  }

  static void until(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Not reached in 30 s: " + what);
  }
}
