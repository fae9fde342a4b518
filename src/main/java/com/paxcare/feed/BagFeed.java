package com.paxcare.feed;

import com.paxcare.baggage.BsmMessage;
import com.paxcare.baggage.BsmParseResult;
import com.paxcare.baggage.BsmParser;
import com.paxcare.baggage.FlightLeg;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.BagLegKind;
import com.paxcare.validation.FieldError;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.paxcare.db.schema.Tables.BAG;
import static com.paxcare.db.schema.Tables.BAG_LEG;
import static com.paxcare.db.schema.Tables.BSM_RECEIVED;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.PASSENGER;

/**
 * Checked bags from the baggage system's BSMs. An ADD or CHG states the bag's whole routing, so both replace
 * what we knew of the tag (a resent BSM changes nothing); DEL forgets the tag. One bad message rejects the
 * whole text, with each bad message's line and reason.
 */
public final class BagFeed {
  private final Pool pool;

  public BagFeed(Pool pool) {
    this.pool = pool;
  }

  /** Parses first (nothing is stored when any message is rejected), then stores all in one transaction. */
  public Future<List<BsmMessage>> receive(String text, LocalDate today) {
    BsmParseResult parsed = BsmParser.parse(text, today);
    if (!parsed.ok()) {
      List<FieldError> errors = new ArrayList<>();
      parsed.rejections().forEach(r -> errors.add(new FieldError("line " + r.line(), r.reason())));
      return Future.failedFuture(new InvalidInput(errors));
    }
    if (parsed.messages().isEmpty()) {
      return Future.failedFuture(InvalidInput.of("(body)", "holds no BSM (BSM ... ENDBSM)"));
    }
    return pool.withTransaction(tx -> store(tx, parsed.messages())).map(v -> parsed.messages());
  }

  /**
   * ADD and CHG state a tag's whole routing and DEL forgets it, so the stored state of a tag is decided by the
   * last message about it in the text: that is what is written, in four statements whatever the text's size.
   * Every message is logged as received.
   */
  static Future<Void> store(SqlClient tx, List<BsmMessage> messages) {
    Map<String, BsmMessage> lastWordOnTag = new LinkedHashMap<>();
    List<Query> received = new ArrayList<>(messages.size());
    for (BsmMessage message : messages) {
      message.tags().forEach(tag -> lastWordOnTag.put(tag, message));
      received.add(Sql.dsl().insertInto(BSM_RECEIVED)
          .set(BSM_RECEIVED.ACTION, message.action().name())
          .set(BSM_RECEIVED.TAGS, message.tags().toArray(String[]::new))
          .set(BSM_RECEIVED.TEXT, message.text()));
    }
    Query forget = Sql.dsl().deleteFrom(BAG)
        .where(BAG.TAG.eq(DSL.any(DSL.val(lastWordOnTag.keySet().toArray(String[]::new)))));
    List<Query> bags = new ArrayList<>();
    List<Query> legs = new ArrayList<>();
    lastWordOnTag.forEach((tag, message) -> {
      if (message.action() != BsmMessage.Action.DEL) {
        bags.add(bag(tag, message));
        legs.addAll(legs(tag, message));
      }
    });
    return Sql.batch(tx, received)
        .compose(v -> Sql.run(tx, forget))
        .compose(v -> Sql.batch(tx, bags))
        .compose(v -> Sql.batch(tx, legs))
        .mapEmpty();
  }

  private static Query bag(String tag, BsmMessage message) {
    return Sql.dsl().insertInto(BAG)
        .set(BAG.TAG, tag)
        .set(BAG.PNR, message.pnr())
        .set(BAG.PAX_ID, passengerOf(message))
        .set(BAG.PASSENGER_NAME, passengerName(message))
        .set(BAG.SOURCE_STATION, message.sourceStation())
        .set(BAG.PIECES, message.pieces())
        .set(BAG.WEIGHT_KG, message.weightKg())
        .set(BAG.EXCEPTIONS, message.exceptions().toArray(String[]::new))
        .set(BAG.IRREGULARITIES, message.irregularities().toArray(String[]::new))
        .set(BAG.BSM_TEXT, message.text());
  }

  /** The bag's flights in order: inbound (from the airport .I/ names), outbound, then each onward leg. */
  private static List<Query> legs(String tag, BsmMessage message) {
    List<Query> legs = new ArrayList<>();
    int position = 0;
    if (message.inbound() != null) {
      FlightLeg in = message.inbound();
      legs.add(leg(tag, position++, BagLegKind.INBOUND, in, in.destination(), message.sourceStation()));
    }
    String from = message.sourceStation();
    legs.add(leg(tag, position++, BagLegKind.OUTBOUND, message.outbound(), from, message.outbound().destination()));
    from = message.outbound().destination();
    for (FlightLeg onward : message.onward()) {
      legs.add(leg(tag, position++, BagLegKind.ONWARD, onward, from, onward.destination()));
      from = onward.destination();
    }
    return legs;
  }

  private static Query leg(String tag, int position, BagLegKind kind, FlightLeg leg, String origin,
      String destination) {
    Field<Long> flightId = DSL.field(Sql.dsl().select(FLIGHT.ID).from(FLIGHT)
        .where(FLIGHT.FLIGHT_NO.eq(leg.flight()))
        .and(FLIGHT.FLIGHT_DATE.eq(leg.date()))
        .and(FLIGHT.ORIGIN.eq(DSL.val(origin, FLIGHT.ORIGIN))));
    return Sql.dsl().insertInto(BAG_LEG)
        .set(BAG_LEG.TAG, tag)
        .set(BAG_LEG.POSITION, position)
        .set(BAG_LEG.KIND, kind)
        .set(BAG_LEG.FLIGHT_NO, leg.flight())
        .set(BAG_LEG.FLIGHT_DATE, leg.date())
        .set(BAG_LEG.ORIGIN, origin)
        .set(BAG_LEG.DESTINATION, destination)
        .set(BAG_LEG.CABIN, leg.cabinClass() == null ? null : leg.cabinClass().toString())
        .set(BAG_LEG.FLIGHT_ID, flightId);
  }

  /** .P/ gives the surname and given names (often with a title glued on: PEGGYMRS); match on the booking. */
  private static Field<String> passengerOf(BsmMessage message) {
    String given = message.passengerGivenNames().isEmpty() ? "" : message.passengerGivenNames().get(0);
    return DSL.field(Sql.dsl().select(PASSENGER.PAX_ID).from(PASSENGER)
        .where(PASSENGER.PNR.eq(DSL.val(message.pnr(), PASSENGER.PNR)))
        .and(DSL.upper(PASSENGER.LAST_NAME).eq(DSL.val(message.passengerSurname(), PASSENGER.LAST_NAME)))
        .and(DSL.val(given, PASSENGER.FIRST_NAME).startsWith(DSL.upper(PASSENGER.FIRST_NAME)))
        .orderBy(PASSENGER.PAX_ID)
        .limit(DSL.inline(1)));
  }

  private static String passengerName(BsmMessage message) {
    StringBuilder name = new StringBuilder(message.passengerSurname() == null ? "" : message.passengerSurname());
    for (String given : message.passengerGivenNames()) {
      name.append('/').append(given);
    }
    return name.isEmpty() ? "UNKNOWN" : name.toString();
  }
}
