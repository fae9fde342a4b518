package com.paxcare.disruption;

import com.paxcare.Config;
import com.paxcare.notify.Outbox;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Works disruptions on every node: claims one (its row locked for the transaction), surveys it or
 * re-accommodates its next passengers, commits, tells ops control, and goes on while there is work. Woken over
 * the clustered event bus when a disruption is raised, and every second anyway, so a disruption whose node died
 * mid-way is carried on by another within a second of its transaction rolling back.
 */
public final class DisruptionWorker extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(DisruptionWorker.class);

  private final Pool pool;
  private final com.paxcare.db.FailureLog failures = new com.paxcare.db.FailureLog(LOG, "Disruption work");
  private final Clock clock;
  private final String node;
  private final Config.CareRules care;
  private final ReaccommodationBatch batch;
  private Disruptions disruptions;
  private final int lanes;
  private int busy;
  private boolean wokenWhileBusy;
  private volatile boolean stopped;
  private long timer = -1;
  private long waitlistTimer = -1;
  private final long waitlistRetryMillis;
  private final int horizonHours;
  private boolean retrying;
  private static final long GIVE_WAY_POLL_MILLIS = 10;
  private static final long MAX_GIVE_WAY_NANOS = 250_000_000L;

  public DisruptionWorker(Pool pool, Clock clock, String node, Config.CareRules care, Config.DisruptionRules rules,
      int lanes) {
    this.pool = pool;
    this.clock = clock;
    this.node = node;
    this.care = care;
    this.lanes = lanes;
    this.batch = new ReaccommodationBatch(care, rules, node);
    this.waitlistRetryMillis = rules.waitlistRetrySeconds() * 1000L;
    this.horizonHours = care.horizonHours();
  }

  /**
   * Waitlists try again: every disruption of the rebooking horizon that still has passengers waiting for a seat,
   * one transaction each, one sweep at a time on this node (the other nodes skip what this one holds).
   */
  private void retryWaitlists() {
    if (stopped || retrying) {
      return;
    }
    retrying = true;
    DisruptionReads.withWaitlist(pool, OffsetDateTime.now(clock).minusHours(horizonHours)).compose(ids -> {
      Future<Void> chain = Future.succeededFuture();
      for (UUID id : ids) {
        chain = chain.compose(v -> retryWaitlist(id));
      }
      return chain;
    }).onComplete(ar -> {
      retrying = false;
      if (ar.failed() && !stopped) {
        LOG.warn("Waitlist retry stopped on a failure; the next sweep tries again", ar.cause());
      }
    });
  }

  private Future<Void> retryWaitlist(UUID id) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return pool.withTransaction(tx -> DisruptionReads.claimFinished(tx, id).compose(claimed -> claimed.isEmpty()
            ? Future.succeededFuture(0) : batch.retryWaitlist(tx, claimed.get(), now)))
        .compose(seated -> {
          if (seated == 0) {
            return Future.succeededFuture();
          }
          vertx.eventBus().publish(Outbox.WAKE_ADDRESS, new JsonObject());
          return disruptions.progress(id).map(progress -> {
            vertx.eventBus().publish(Disruptions.PROGRESS_ADDRESS, progress);
            return null;
          });
        });
  }

  @Override
  public Future<?> start() {
    disruptions = new Disruptions(pool, vertx.eventBus());
    timer = vertx.setPeriodic(1_000, id -> wake(null));
    waitlistTimer = vertx.setPeriodic(waitlistRetryMillis, id -> retryWaitlists());
    vertx.eventBus().consumer(Disruptions.SEATS_FREED_ADDRESS, message -> retryWaitlists());
    return vertx.eventBus().<JsonObject>consumer(Disruptions.WAKE_ADDRESS, message -> {
      String id = message.body() == null ? null : message.body().getString("id");
      wake(id == null ? null : UUID.fromString(id));
    }).completion().onSuccess(v -> wake(null));
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (waitlistTimer >= 0) {
      vertx.cancelTimer(waitlistTimer);
    }
    return Future.succeededFuture();
  }

  /** Runs on the verticle's event loop only: the counters need no locks. */
  private void wake(UUID preferred) {
    if (stopped) {
      return;
    }
    if (busy >= lanes) {
      wokenWhileBusy = true;
      return;
    }
    busy++;
    lane(preferred);
  }

  private void lane(UUID preferred) {
    step(preferred).onComplete(ar -> {
      if (ar.succeeded()) {
        failures.succeeded();
      }
      if (ar.succeeded() && ar.result().isPresent() && !stopped) {
        // Work was done: go on with the same disruption's next batch, or any other waiting, once urgent plans
        // under way have had their turn at the seats and the cores.
        Step done = ar.result().get();
        long giveWayUntil = System.nanoTime() + MAX_GIVE_WAY_NANOS;
        giveWay(giveWayUntil, OffsetDateTime.now(clock)).onComplete(v -> lane(done.finished() ? null : done.id()));
        return;
      }
      busy--;
      if (ar.failed() && !stopped) {
        // A deadlock with a rebooking elsewhere, or the database away: the timer comes back to it.
        failures.failed(ar.cause());
      } else if (wokenWhileBusy) {
        wokenWhileBusy = false;
        wake(null);
      }
    });
  }

  /**
   * Urgent personal events before bulk work: between two batches, while any family emergency, medical emergency
   * or bereavement has a step due (on any node), the lane waits. A batch holds the seat counts of the flights it
   * fills for its whole transaction, and an urgent rebooking onto those flights would otherwise queue behind one
   * batch after another. The lane waits only for the urgent steps already due when the batch ended, not for those
   * that fall due while it waits: under steady urgent traffic there is always one more, and the wait would always
   * run to its cap. The wait is also capped (a quarter of a second per batch), so a stuck urgent step cannot hold
   * a cancellation up for long.
   */
  private Future<Void> giveWay(long until, OffsetDateTime dueBy) {
    if (stopped || System.nanoTime() >= until) {
      return Future.succeededFuture();
    }
    return DisruptionReads.urgentWorkDue(pool, dueBy).recover(failure -> Future.succeededFuture(false))
        .compose(due -> {
          if (!due) {
            return Future.succeededFuture();
          }
          return vertx.timer(GIVE_WAY_POLL_MILLIS).compose(v -> giveWay(until, dueBy));
        });
  }

  /** One transaction of work; answers what was worked, empty when there was nothing to do. */
  Future<Optional<Step>> step(UUID preferred) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return pool.withTransaction(tx -> DisruptionReads.claim(tx, preferred).compose(claimed -> {
      if (claimed.isEmpty()) {
        return preferred == null ? Future.succeededFuture(Optional.<Step>empty())
            : DisruptionReads.claim(tx, null).compose(any -> work(tx, any, now));
      }
      return work(tx, claimed, now);
    })).compose(done -> {
      if (done.isEmpty()) {
        return Future.succeededFuture(Optional.<Step>empty());
      }
      Step step = done.get();
      // Told after commit: what ops control reads back is what it was told.
      vertx.eventBus().publish(Outbox.WAKE_ADDRESS, new JsonObject());
      step.plansToWake().forEach(caseId -> com.paxcare.cases.StepEngine.wakeFor(vertx.eventBus(), caseId));
      return disruptions.progress(step.id()).map(progress -> {
        vertx.eventBus().publish(Disruptions.PROGRESS_ADDRESS, progress);
        return Optional.of(step);
      });
    });
  }

  private record Step(UUID id, boolean finished, java.util.List<UUID> plansToWake) {
  }

  private Future<Optional<Step>> work(io.vertx.sqlclient.SqlConnection tx,
      Optional<DisruptionReads.Facts> claimed, OffsetDateTime now) {
    if (claimed.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    DisruptionReads.Facts facts = claimed.get();
    return switch (facts.status()) {
      case SURVEYING -> Survey.run(tx, facts, care, now, "paxcare@" + node)
          .map(count -> Optional.of(new Step(facts.id(), count == 0, java.util.List.of())));
      case REACCOMMODATING -> batch.run(tx, facts, now).map(outcome -> Optional.of(new Step(facts.id(),
          outcome.finished(), outcome.plansToWake())));
      case DONE -> Future.succeededFuture(Optional.empty());
    };
  }
}
