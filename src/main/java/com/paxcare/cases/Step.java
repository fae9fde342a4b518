package com.paxcare.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * One kind of step. {@link #apply} runs inside the transaction that also marks the step done, so its
 * writes and its completion commit together or not at all; it must not talk to the outside world (that is
 * what the outbox and the after-commit publications are for).
 */
public interface Step {
  Future<JsonObject> apply(StepContext context);
}
