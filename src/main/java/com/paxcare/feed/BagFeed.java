package com.paxcare.feed;

import com.paxcare.baggage.BsmMessage;
import com.paxcare.baggage.BsmParseResult;
import com.paxcare.baggage.BsmParser;
import com.paxcare.baggage.FlightLeg;
import com.paxcare.db.Retry;
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
    // Bag messages for the same bags fed at once can deadlock: the one rolled back is run again.
    return Retry.onTransientConflict(() -> pool.withTransaction(tx -> store(tx, parsed.messages())))
        .map(v -> parsed.messages());
  }

  /**
   * ADD and CHG state a tag's whole routing and DEL forgets it, so the stored state of a tag is decided by the
   * last message about it in the text: that is what is written, in four statements whatever the text's size.
   * Every message is logged as received.
   */
  static Future<Void> store(SqlClient tx, List<BsmMessage> messages) {
    Map<String, BsmMessage> lastWordOnTag = new LinkedHashMap<>();
    messages.forEach(message -> message.tags().forEach(tag -> lastWordOnTag.put(tag, message)));
    Query forget = Sql.dsl().deleteFrom(BAG)
        .where(BAG.TAG.eq(DSL.any(DSL.val(lastWordOnTag.keySet().toArray(String[]::new)))));
    List<Map.Entry<String, BsmMessage>> kept = new ArrayList<>();
    List<Leg> legs = new ArrayList<>();
    lastWordOnTag.entrySet().forEach(entry -> {
      if (entry.getValue().action() != BsmMessage.Action.DEL) {
        kept.add(entry);
        legs.addAll(legs(entry.getKey(), entry.getValue()));
      }
    });
    return Sql.inChunks(tx, messages, ROWS_PER_STATEMENT, BagFeed::logReceived)
        .compose(v -> Sql.run(tx, forget))
        .compose(v -> Sql.inChunks(tx, kept, ROWS_PER_STATEMENT, BagFeed::insertBags))
        .compose(v -> Sql.inChunks(tx, legs, ROWS_PER_STATEMENT, BagFeed::insertLegs));
  }

  private static final int ROWS_PER_STATEMENT = 500;

  /** One flight of a bag's routing, from and to where the BSM implies. */
  private record Leg(String tag, int position, BagLegKind kind, FlightLeg flight, String origin, String destination) {
  }

  private static Query logReceived(List<BsmMessage> messages) {
    var insert = Sql.dsl().insertInto(BSM_RECEIVED, BSM_RECEIVED.ACTION, BSM_RECEIVED.TAGS, BSM_RECEIVED.TEXT);
    for (BsmMessage message : messages) {
      insert = insert.values(message.action().name(), message.tags().toArray(String[]::new), message.text());
    }
    return insert;
  }

  private static Query insertBags(List<Map.Entry<String, BsmMessage>> bags) {
    var insert = Sql.dsl().insertInto(BAG, BAG.TAG, BAG.PNR, BAG.PAX_ID, BAG.PASSENGER_NAME, BAG.SOURCE_STATION,
        BAG.PIECES, BAG.WEIGHT_KG, BAG.EXCEPTIONS, BAG.IRREGULARITIES, BAG.BSM_TEXT);
    for (Map.Entry<String, BsmMessage> bag : bags) {
      BsmMessage m = bag.getValue();
      insert = insert.values(DSL.val(bag.getKey()), DSL.val(m.pnr(), BAG.PNR), passengerOf(m),
          DSL.val(passengerName(m)), DSL.val(m.sourceStation()), DSL.val(m.pieces(), BAG.PIECES),
          DSL.val(m.weightKg(), BAG.WEIGHT_KG), DSL.val(m.exceptions().toArray(String[]::new)),
          DSL.val(m.irregularities().toArray(String[]::new)), DSL.val(m.text()));
    }
    return insert;
  }

  /** The bag's flights in order: inbound (from the airport .I/ names), outbound, then each onward leg. */
  private static List<Leg> legs(String tag, BsmMessage message) {
    List<Leg> legs = new ArrayList<>();
    int position = 0;
    if (message.inbound() != null) {
      FlightLeg in = message.inbound();
      legs.add(new Leg(tag, position++, BagLegKind.INBOUND, in, in.destination(), message.sourceStation()));
    }
    String from = message.sourceStation();
    legs.add(new Leg(tag, position++, BagLegKind.OUTBOUND, message.outbound(), from,
        message.outbound().destination()));
    from = message.outbound().destination();
    for (FlightLeg onward : message.onward()) {
      legs.add(new Leg(tag, position++, BagLegKind.ONWARD, onward, from, onward.destination()));
      from = onward.destination();
    }
    return legs;
  }

  private static Query insertLegs(List<Leg> legs) {
    var insert = Sql.dsl().insertInto(BAG_LEG, BAG_LEG.TAG, BAG_LEG.POSITION, BAG_LEG.KIND, BAG_LEG.FLIGHT_NO,
        BAG_LEG.FLIGHT_DATE, BAG_LEG.ORIGIN, BAG_LEG.DESTINATION, BAG_LEG.CABIN, BAG_LEG.FLIGHT_ID);
    for (Leg leg : legs) {
      // The leg is linked to our flight row when that flight has been fed (otherwise it stays unlinked).
      Field<Long> flightId = DSL.field(Sql.dsl().select(FLIGHT.ID).from(FLIGHT)
          .where(FLIGHT.FLIGHT_NO.eq(leg.flight().flight()))
          .and(FLIGHT.FLIGHT_DATE.eq(leg.flight().date()))
          .and(FLIGHT.ORIGIN.eq(DSL.val(leg.origin(), FLIGHT.ORIGIN))));
      Character cabin = leg.flight().cabinClass();
      insert = insert.values(DSL.val(leg.tag()), DSL.val(leg.position()), DSL.val(leg.kind()),
          DSL.val(leg.flight().flight()), DSL.val(leg.flight().date()), DSL.val(leg.origin(), BAG_LEG.ORIGIN),
          DSL.val(leg.destination(), BAG_LEG.DESTINATION), DSL.val(cabin == null ? null : cabin.toString(), BAG_LEG.CABIN),
          flightId);
    }
    return insert;
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
