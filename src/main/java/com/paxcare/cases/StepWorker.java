package com.paxcare.cases;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.util.function.Supplier;

/**
 * Runs a {@link StepEngine} on an event loop of its own. A node deploys one per core, so the steps' CPU work
 * (rendering SQL, building results) spreads over the cores instead of queueing on one loop.
 */
public final class StepWorker extends VerticleBase {
  private final Supplier<StepEngine> engines;
  private StepEngine engine;

  public StepWorker(Supplier<StepEngine> engines) {
    this.engines = engines;
  }

  @Override
  public Future<?> start() {
    engine = engines.get();
    return engine.start().onSuccess(v -> engine.wake());
  }

  @Override
  public Future<?> stop() {
    engine.stop();
    return Future.succeededFuture();
  }
}
