package com.paxcare.demo;

import com.paxcare.baggage.BsmMessage;
import com.paxcare.baggage.BsmWriter;
import com.paxcare.baggage.FlightLeg;
import com.paxcare.feed.BagFeed;
import com.paxcare.feed.BookingFeed;
import com.paxcare.feed.BookingInput;
import com.paxcare.feed.FlightFeed;
import com.paxcare.feed.FlightInput;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Loads the demo airline through the same feed code the airline's systems use, in feed-sized batches.
 * Loaded when no flight departs in the coming day, so a demo started on another day is live again. Nodes
 * starting together on one database take a PostgreSQL advisory lock: one loads, the others see it loaded.
 */
public final class DemoLoader {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
  private static final long DEMO_SEED = 20261122L;
  private static final long DEMO_LOCK = 0x5041584341524531L; // "PAXCARE1"
  private static final int BATCH = 500;
  private static final int LANES = 3;

  private DemoLoader() {
  }

  public static Future<Void> loadIfNoFlightsAhead(Vertx vertx, Pool pool, Clock clock) {
    return pool.withConnection(lockHolder -> lockHolder.query("SELECT pg_advisory_lock(" + DEMO_LOCK + ")").execute()
        .compose(locked -> lockHolder
            .preparedQuery("SELECT count(*) FROM flight WHERE departure BETWEEN now() AND now() + interval '1 day'")
            .execute())
        .compose(rows -> {
          long ahead = rows.iterator().next().getLong(0);
          if (ahead > 0) {
            LOG.info("Demo airline: {} flights already depart within a day, not loading", ahead);
            return Future.<Void>succeededFuture();
          }
          return generate(vertx, clock).compose(demo -> load(pool, demo, LocalDate.now(clock)))
              // The generated airline (~150 MB of JSON) is garbage now: give the memory back once, off the
              // event loop, rather than carry a bloated heap for the node's whole life.
              .compose(v -> vertx.executeBlocking(() -> {
                System.gc();
                return null;
              }, false));
        })
        .eventually(() -> unlock(lockHolder)));
  }

  private static Future<Void> unlock(SqlConnection connection) {
    return connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(DEMO_LOCK)).mapEmpty();
  }

  /** Generating ~25,000 passengers is CPU work: off the event loop. */
  private static Future<DemoAirline> generate(Vertx vertx, Clock clock) {
    return vertx.executeBlocking(() -> DemoAirline.generate(ZonedDateTime.now(clock), DEMO_SEED), false);
  }

  public static Future<Void> load(Pool pool, DemoAirline demo, LocalDate today) {
    long started = System.nanoTime();
    FlightFeed flights = new FlightFeed(pool);
    BookingFeed bookings = new BookingFeed(pool);
    BagFeed bags = new BagFeed(pool);
    List<String> bsms = demo.bags().stream().map(DemoLoader::bsm).toList();
    long[] phaseEnds = new long[3];
    return inBatches(demo.flights(), batch -> flights.upsert(FlightInput.readAll(batch)))
        .onSuccess(v -> phaseEnds[0] = System.nanoTime())
        .compose(v -> inBatches(demo.bookings(), batch -> bookings.upsert(BookingInput.readAll(batch))))
        .onSuccess(v -> phaseEnds[1] = System.nanoTime())
        .compose(v -> inBatches(bsms, batch -> bags.receive(String.join("\n", batch), today).mapEmpty()))
        .onSuccess(v -> {
          phaseEnds[2] = System.nanoTime();
          LOG.info("Demo airline loaded in {} ms (flights {} ms, bookings {} ms, bags {} ms): {} flights, {} bookings,"
                  + " {} bags; story booking {} on {} {}",
              (phaseEnds[2] - started) / 1_000_000, (phaseEnds[0] - started) / 1_000_000,
              (phaseEnds[1] - phaseEnds[0]) / 1_000_000, (phaseEnds[2] - phaseEnds[1]) / 1_000_000,
              demo.flights().size(), demo.bookings().size(), demo.bags().size(), DemoAirline.STORY_PNR,
              demo.storyFlight(), demo.storyDate());
        });
  }

  private static Future<Void> inBatches(JsonArray all, Function<JsonArray, Future<?>> send) {
    List<Object> items = all.getList();
    return inBatches(items, batch -> send.apply(new JsonArray(batch)));
  }

  /** Feed-sized batches over {@link #LANES} connections at once, as several feed senders would. */
  private static <T> Future<Void> inBatches(List<T> all, Function<List<T>, Future<?>> send) {
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < LANES; lane++) {
      Future<Void> chain = Future.succeededFuture();
      for (int from = lane * BATCH; from < all.size(); from += LANES * BATCH) {
        List<T> batch = new ArrayList<>(all.subList(from, Math.min(all.size(), from + BATCH)));
        chain = chain.compose(v -> send.apply(batch).mapEmpty());
      }
      lanes.add(chain);
    }
    return Future.all(lanes).mapEmpty();
  }

  /** A passenger's pieces carry consecutive licence plates, the first one named by the generator. */
  static List<String> consecutiveTags(String first, int pieces) {
    long number = Long.parseLong(first);
    List<String> tags = new ArrayList<>(pieces);
    for (int i = 0; i < pieces; i++) {
      tags.add(String.format("%010d", number + i));
    }
    return tags;
  }

  /** What the baggage system would have sent when the bag was checked in. */
  static String bsm(DemoBag bag) {
    var first = bag.legs().get(0);
    FlightLeg outbound = new FlightLeg(first.flight(), first.date(), first.destination(), first.cabinClass());
    List<FlightLeg> onward = bag.legs().stream().skip(1)
        .map(l -> new FlightLeg(l.flight(), l.date(), l.destination(), l.cabinClass())).toList();
    return BsmWriter.write(new BsmMessage(BsmMessage.Action.ADD, null, bag.sourceStation(), 'L', null, outbound,
        onward, consecutiveTags(bag.tag(), bag.pieces()), bag.pieces(), bag.weightKg(), bag.surname(), List.of(bag.givenName()),
        bag.pnr(), bag.exceptions(), List.of(), null, 0));
  }
}
