package com.paxcare.disruption;

import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.DisruptionStatus;
import com.paxcare.db.schema.enums.FlightStatus;
import com.paxcare.db.schema.enums.ReaccommodationStatus;
import com.paxcare.db.schema.enums.SegmentStatus;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.DISRUPTION;
import static com.paxcare.db.schema.Tables.DISRUPTION_PASSENGER;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.PASSENGER;
import static com.paxcare.db.schema.Tables.SEGMENT;

/**
 * Flight events in, disruptions out. A reported cancellation, delay, diversion or missed connection is recorded
 * with its effect on the flight (status, new times) in one transaction and answered at once; the passengers are
 * re-accommodated by {@link DisruptionWorker} on any node. The same cancellation or diversion reported twice
 * (by ops control and by the status feed, say) lands on one disruption.
 */
public final class Disruptions {
  /** Published (cluster-wide) when a disruption has work to do. */
  public static final String WAKE_ADDRESS = "paxcare.disruptions.wake";
  /** Published after each step of a disruption's progress, for ops control. */
  public static final String PROGRESS_ADDRESS = "paxcare.ops.disruptions";
  /** Published when seats are given back (a refund): waitlists try again at once. */
  public static final String SEATS_FREED_ADDRESS = "paxcare.disruptions.seats-freed";

  private final Pool pool;
  private final EventBus eventBus;

  public Disruptions(Pool pool, EventBus eventBus) {
    this.pool = pool;
    this.eventBus = eventBus;
  }

  /** The flight (or passenger) an event names is not known. */
  public static final class NotFound extends RuntimeException {
    public NotFound(String message) {
      super(message, null, false, false);
    }
  }

  /** The disruption the event landed on, and whether this event raised it. */
  public record Raised(UUID id, boolean created) {
  }

  public Future<Raised> raise(FlightEvent event, String actor) {
    return pool.withTransaction(tx -> record(tx, event, actor)).onSuccess(raised -> {
      if (raised.created()) {
        eventBus.publish(WAKE_ADDRESS, new JsonObject().put("id", raised.id().toString()));
      }
    });
  }

  private Future<Raised> record(SqlConnection tx, FlightEvent event, String actor) {
    var flight = Sql.dsl().select(FLIGHT.ID, FLIGHT.STATUS, FLIGHT.DEPARTURE, FLIGHT.DEPARTURE_OFFSET)
        .from(FLIGHT).where(FLIGHT.FLIGHT_NO.eq(event.flight())).and(FLIGHT.FLIGHT_DATE.eq(event.date()))
        .and(FLIGHT.ORIGIN.eq(event.origin())).forUpdate();
    return Sql.run(tx, flight).compose(rows -> {
      if (rows.size() == 0) {
        throw new NotFound("No flight " + event.flight() + " on " + event.date() + " from " + event.origin());
      }
      Row row = rows.iterator().next();
      long flightId = row.getLong("id");
      String status = row.getString("status");
      OffsetDateTime departure = row.getOffsetDateTime("departure")
          .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(row.getInteger("departure_offset")));
      if (status.equals(FlightStatus.CANCELLED.getLiteral()) && event.kind() != DisruptionKind.FLIGHT_CANCELLED) {
        throw InvalidInput.of("type", "flight " + event.flight() + " is cancelled already");
      }
      Integer delayMinutes = null;
      if (event.kind() == DisruptionKind.FLIGHT_DELAYED) {
        long minutes = Duration.between(departure, event.departure()).toMinutes();
        if (minutes <= 0) {
          throw InvalidInput.of("departure", "must be later than the flight's departure " + departure);
        }
        delayMinutes = (int) minutes;
      }
      Future<Optional<String>> passenger = event.kind() == DisruptionKind.MISSED_CONNECTION
          ? passengerOnFlight(tx, event, flightId).map(Optional::of) : Future.succeededFuture(Optional.empty());
      Integer delay = delayMinutes;
      return passenger.compose(paxId -> insert(tx, event, flightId, delay, paxId.orElse(null), actor))
          .compose(raised -> raised.created() ? applyToFlight(tx, event, flightId, delay).map(raised)
              : Future.succeededFuture(raised));
    });
  }

  private static Future<String> passengerOnFlight(SqlConnection tx, FlightEvent event, long flightId) {
    var query = Sql.dsl().selectDistinct(PASSENGER.PAX_ID).from(PASSENGER)
        .join(SEGMENT).on(SEGMENT.PNR.eq(PASSENGER.PNR)).and(SEGMENT.PAX_ID.eq(PASSENGER.PAX_ID))
        .where(PASSENGER.PNR.eq(event.pnr()))
        .and(DSL.upper(PASSENGER.LAST_NAME).eq(event.lastName().toUpperCase(java.util.Locale.ROOT)))
        .and(SEGMENT.FLIGHT_ID.eq(flightId)).and(SEGMENT.STATUS.ne(SegmentStatus.CANCELLED))
        .and(event.passengerId() == null ? DSL.noCondition() : PASSENGER.PAX_ID.eq(event.passengerId()));
    return Sql.run(tx, query).map(rows -> {
      if (rows.size() == 0) {
        throw new NotFound("No passenger " + event.lastName() + " in booking " + event.pnr() + " holds a seat on "
            + event.flight() + " " + event.date());
      }
      if (rows.size() > 1) {
        throw InvalidInput.of("passengerId", "several passengers of that name are on the flight; say which");
      }
      return rows.iterator().next().getString(0);
    });
  }

  private static Future<Raised> insert(SqlConnection tx, FlightEvent event, long flightId, Integer delayMinutes,
      String paxId, String actor) {
    UUID id = UUID.randomUUID();
    var insert = Sql.dsl().insertInto(DISRUPTION)
        .set(DISRUPTION.ID, id)
        .set(DISRUPTION.KIND, com.paxcare.db.schema.enums.DisruptionKind.valueOf(event.kind().name()))
        .set(DISRUPTION.FLIGHT_ID, flightId)
        .set(DISRUPTION.NEW_DEPARTURE, event.departure())
        .set(DISRUPTION.DELAY_MINUTES, delayMinutes)
        .set(DISRUPTION.DIVERTED_TO, event.arrival())
        .set(DISRUPTION.PNR, paxId == null ? null : event.pnr())
        .set(DISRUPTION.PAX_ID, paxId)
        .set(DISRUPTION.EXTRAORDINARY, event.extraordinary())
        .set(DISRUPTION.RAISED_BY, actor + (event.note() == null ? "" : ": " + event.note()))
        .onConflictDoNothing()
        .returning(DISRUPTION.ID);
    return Sql.run(tx, insert).compose(rows -> {
      if (rows.size() == 1) {
        return Future.succeededFuture(new Raised(id, true));
      }
      var existing = Sql.dsl().select(DISRUPTION.ID).from(DISRUPTION)
          .where(DISRUPTION.FLIGHT_ID.eq(flightId))
          .and(DISRUPTION.KIND.eq(com.paxcare.db.schema.enums.DisruptionKind.valueOf(event.kind().name())))
          .and(paxId == null ? DSL.noCondition() : DISRUPTION.PAX_ID.eq(paxId).and(DISRUPTION.PNR.eq(event.pnr())));
      return Sql.run(tx, existing).map(found -> new Raised(found.iterator().next().getUUID(0), false));
    });
  }

  /** Ops control's word is the flight's new state: later rebookings and the screens must see it at once. */
  private static Future<Void> applyToFlight(SqlConnection tx, FlightEvent event, long flightId, Integer delayMinutes) {
    var update = switch (event.kind()) {
      case FLIGHT_CANCELLED -> Sql.dsl().update(FLIGHT).set(FLIGHT.STATUS, FlightStatus.CANCELLED);
      case FLIGHT_DIVERTED -> Sql.dsl().update(FLIGHT).set(FLIGHT.STATUS, FlightStatus.DIVERTED);
      case FLIGHT_DELAYED -> Sql.dsl().update(FLIGHT)
          .set(FLIGHT.DEPARTURE, event.departure())
          .set(FLIGHT.DEPARTURE_OFFSET, event.departure().getOffset().getTotalSeconds())
          .set(FLIGHT.ARRIVAL, DSL.field("{0} + make_interval(mins => {1})", FLIGHT.ARRIVAL.getDataType(),
              FLIGHT.ARRIVAL, DSL.val(delayMinutes)));
      case MISSED_CONNECTION -> null;
    };
    if (update == null) {
      return Future.succeededFuture();
    }
    return Sql.run(tx, update.set(FLIGHT.UPDATED_AT, DSL.currentOffsetDateTime()).where(FLIGHT.ID.eq(flightId)))
        .mapEmpty();
  }

  /**
   * The status feed's own word: CANCELLED, or a departure moved later by at least the threshold, raises the
   * same disruption ops control would (and lands on it if ops control was first).
   */
  public Future<Optional<Raised>> fromStatusFeed(com.paxcare.feed.FlightKey key, FlightStatus status,
      OffsetDateTime departure, int thresholdMinutes) {
    var current = Sql.dsl().select(FLIGHT.STATUS, FLIGHT.DEPARTURE).from(FLIGHT)
        .where(FLIGHT.FLIGHT_NO.eq(key.flight())).and(FLIGHT.FLIGHT_DATE.eq(key.date()))
        .and(FLIGHT.ORIGIN.eq(key.origin()));
    return Sql.run(pool, current).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(Optional.empty());
      }
      Row row = rows.iterator().next();
      boolean wasCancelled = row.getString("status").equals(FlightStatus.CANCELLED.getLiteral());
      DisruptionKind kind = null;
      if (status == FlightStatus.CANCELLED && !wasCancelled) {
        kind = DisruptionKind.FLIGHT_CANCELLED;
      } else if (departure != null && !wasCancelled && status != FlightStatus.CANCELLED
          && Duration.between(row.getOffsetDateTime("departure"), departure).toMinutes() >= thresholdMinutes) {
        kind = DisruptionKind.FLIGHT_DELAYED;
      }
      if (kind == null) {
        return Future.succeededFuture(Optional.empty());
      }
      FlightEvent event = new FlightEvent(kind, key.flight(), key.date(), key.origin(),
          kind == DisruptionKind.FLIGHT_DELAYED ? departure : null, null, null, null, null, false, null);
      return raise(event, "status feed").map(Optional::of);
    });
  }

  // ---- reading ------------------------------------------------------------------------------------------------

  private static final int WAITING_SHOWN = 100;

  /** One disruption with its progress and the passengers still waiting, by priority. */
  public Future<Optional<JsonObject>> view(UUID id) {
    return summaries(DISRUPTION.ID.eq(id)).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      JsonObject disruption = found.getJsonObject(0);
      var waiting = Sql.dsl().select(DISRUPTION_PASSENGER.RANK, DISRUPTION_PASSENGER.PNR,
              DISRUPTION_PASSENGER.PAX_ID, PASSENGER.FIRST_NAME, PASSENGER.LAST_NAME,
              DISRUPTION_PASSENGER.PRIORITY_GROUP, DISRUPTION_PASSENGER.REASON, DISRUPTION_PASSENGER.STATUS,
              DISRUPTION_PASSENGER.WAITLIST_POSITION, DISRUPTION_PASSENGER.CASE_ID)
          .from(DISRUPTION_PASSENGER).join(PASSENGER).on(PASSENGER.PNR.eq(DISRUPTION_PASSENGER.PNR))
          .and(PASSENGER.PAX_ID.eq(DISRUPTION_PASSENGER.PAX_ID))
          .where(DISRUPTION_PASSENGER.DISRUPTION_ID.eq(id))
          .and(DISRUPTION_PASSENGER.STATUS.in(ReaccommodationStatus.WAITING, ReaccommodationStatus.WAITLISTED))
          .orderBy(DISRUPTION_PASSENGER.RANK).limit(WAITING_SHOWN);
      return Sql.run(pool, waiting).map(rows -> {
        JsonArray list = new JsonArray();
        for (Row row : rows) {
          list.add(new JsonObject().put("rank", row.getInteger("rank")).put("pnr", row.getString("pnr"))
              .put("passengerId", row.getString("pax_id"))
              .put("name", row.getString("first_name") + " " + row.getString("last_name"))
              .put("group", row.getInteger("priority_group")).put("reason", row.getString("reason"))
              .put("status", row.getString("status")).put("waitlistPosition", row.getInteger("waitlist_position"))
              .put("caseId", row.getUUID("case_id").toString()));
        }
        return Optional.of(disruption.put("waiting", list));
      });
    });
  }

  /** The disruptions raised in the last 24 hours, newest first. */
  public Future<JsonArray> recent() {
    return summaries(DISRUPTION.CREATED_AT.gt(DSL.currentOffsetDateTime().minus(DSL.field("interval '24 hours'",
        org.jooq.types.DayToSecond.class))));
  }

  private Future<JsonArray> summaries(org.jooq.Condition which) {
    var dp = DISRUPTION_PASSENGER;
    var query = Sql.dsl().select(DISRUPTION.ID, DISRUPTION.KIND, DISRUPTION.STATUS, DISRUPTION.RAISED_BY,
            DISRUPTION.CREATED_AT, DISRUPTION.FINISHED_AT, DISRUPTION.NEW_DEPARTURE, DISRUPTION.DELAY_MINUTES,
            DISRUPTION.DIVERTED_TO, DISRUPTION.EXTRAORDINARY, FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN,
            FLIGHT.DESTINATION, FLIGHT.DEPARTURE, FLIGHT.DEPARTURE_OFFSET,
            DSL.count(dp.PNR).as("affected"),
            DSL.count(dp.PNR).filterWhere(dp.STATUS.eq(ReaccommodationStatus.REACCOMMODATED)).as("reaccommodated"),
            DSL.count(dp.PNR).filterWhere(dp.STATUS.eq(ReaccommodationStatus.KEPT_FLIGHT)).as("kept_flight"),
            DSL.count(dp.PNR).filterWhere(dp.STATUS.eq(ReaccommodationStatus.WAITLISTED)).as("waitlisted"),
            DSL.count(dp.PNR).filterWhere(dp.STATUS.eq(ReaccommodationStatus.WITH_URGENT_CASE)).as("with_urgent_case"),
            DSL.count(dp.PNR).filterWhere(dp.STATUS.eq(ReaccommodationStatus.ALREADY_MOVED)).as("already_moved"),
            DSL.count(dp.PNR).filterWhere(dp.STATUS.eq(ReaccommodationStatus.REFUNDED)).as("refunded"),
            DSL.count(dp.PNR).filterWhere(dp.STATUS.eq(ReaccommodationStatus.WAITING)).as("to_do"),
            DSL.count(dp.PNR).filterWhere(dp.NOTIFIED).as("notified"),
            DSL.coalesce(DSL.sum(dp.BAGS_REROUTED), DSL.inline(java.math.BigDecimal.ZERO)).as("bags_rerouted"))
        .from(DISRUPTION).join(FLIGHT).on(FLIGHT.ID.eq(DISRUPTION.FLIGHT_ID))
        .leftJoin(dp).on(dp.DISRUPTION_ID.eq(DISRUPTION.ID))
        .where(which)
        .groupBy(DISRUPTION.ID, FLIGHT.ID)
        .orderBy(DISRUPTION.CREATED_AT.desc());
    return Sql.run(pool, query).map(rows -> {
      JsonArray list = new JsonArray();
      for (Row row : rows) {
        list.add(summary(row));
      }
      return list;
    });
  }

  private static JsonObject summary(Row row) {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(row.getInteger("departure_offset"));
    OffsetDateTime newDeparture = row.getOffsetDateTime("new_departure");
    OffsetDateTime finished = row.getOffsetDateTime("finished_at");
    String status = row.getString("status");
    int toDo = row.getInteger("to_do");
    JsonObject progress = new JsonObject()
        .put("affected", row.getInteger("affected"))
        .put("reaccommodated", row.getInteger("reaccommodated"))
        .put("keptFlight", row.getInteger("kept_flight"))
        .put("waitlisted", row.getInteger("waitlisted"))
        .put("withUrgentCase", row.getInteger("with_urgent_case"))
        .put("alreadyMoved", row.getInteger("already_moved"))
        .put("refunded", row.getInteger("refunded"))
        .put("notified", row.getInteger("notified"))
        .put("bagsRerouted", row.getNumeric("bags_rerouted").intValue())
        // Until the survey has counted them, nobody is done: "to do" is unknown rather than zero.
        .put("toDo", status.equals(DisruptionStatus.SURVEYING.getLiteral()) ? null : toDo);
    LocalDate date = row.getLocalDate("flight_date");
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("kind", row.getString("kind"))
        .put("flight", new JsonObject().put("flight", row.getString("flight_no")).put("date", date.toString())
            .put("origin", row.getString("origin")).put("destination", row.getString("destination"))
            .put("departure", row.getOffsetDateTime("departure").withOffsetSameInstant(offset).toString())
            .put("newDeparture", newDeparture == null ? null : newDeparture.withOffsetSameInstant(offset).toString())
            .put("delayMinutes", row.getInteger("delay_minutes"))
            .put("divertedTo", row.getString("diverted_to")))
        .put("extraordinary", row.getBoolean("extraordinary"))
        .put("status", status)
        .put("raisedBy", row.getString("raised_by"))
        .put("createdAt", row.getOffsetDateTime("created_at").toString())
        .put("finishedAt", finished == null ? null : finished.toString())
        .put("progress", progress);
  }

  /** Progress as pushed to ops control after each step of the work. */
  public Future<JsonObject> progress(UUID id) {
    return summaries(DISRUPTION.ID.eq(id)).map(list -> {
      JsonObject one = list.getJsonObject(0);
      return new JsonObject().put("id", one.getString("id")).put("status", one.getString("status"))
          .put("progress", one.getJsonObject("progress"));
    });
  }
}
