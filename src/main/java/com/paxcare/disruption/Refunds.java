package com.paxcare.disruption;

import com.paxcare.baggage.Rerouting;
import com.paxcare.cases.Timeline;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.CaseStatus;
import com.paxcare.db.schema.enums.ReaccommodationStatus;
import com.paxcare.db.schema.enums.SegmentStatus;
import com.paxcare.notify.Channel;
import com.paxcare.notify.Message;
import com.paxcare.notify.Outbox;
import com.paxcare.notify.RefundNotices;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.BAG;
import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.DISRUPTION;
import static com.paxcare.db.schema.Tables.DISRUPTION_PASSENGER;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.NOTIFICATION;
import static com.paxcare.db.schema.Tables.PASSENGER;
import static com.paxcare.db.schema.Tables.REFUND;
import static com.paxcare.db.schema.Tables.SEGMENT;

/**
 * A disrupted passenger who would rather not travel, where a rule gives her that choice (EU 261 art. 8, the US
 * DOT refund rule, or the airline's own): her coupons from the disrupted flight on are cancelled (their seats go
 * back to others), the unused part of her original ticket is refunded in full, her bags are held, and she is
 * told. Choosing twice answers the same refund.
 */
public final class Refunds {
  private final Pool pool;
  private final EventBus eventBus;

  public Refunds(Pool pool, EventBus eventBus) {
    this.pool = pool;
    this.eventBus = eventBus;
  }

  /** No refund to give: the reason is for the person asking. */
  public static final class NotOffered extends RuntimeException {
    public NotOffered(String message) {
      super(message, null, false, false);
    }
  }

  public record Refund(UUID caseId, String amount, String currency, String rule, boolean created) {
    public JsonObject toJson() {
      return new JsonObject().put("caseId", caseId.toString()).put("amount", amount).put("currency", currency)
          .put("rule", rule).put("status", "REFUNDED");
    }
  }

  /** The case of this passenger's latest disruption, for a passenger signed in with her booking. */
  public Future<Optional<UUID>> caseOf(String pnr, String lastName) {
    var query = Sql.dsl().select(DISRUPTION_PASSENGER.CASE_ID).from(DISRUPTION_PASSENGER)
        .join(PASSENGER).on(PASSENGER.PNR.eq(DISRUPTION_PASSENGER.PNR)).and(PASSENGER.PAX_ID.eq(DISRUPTION_PASSENGER.PAX_ID))
        .join(DISRUPTION).on(DISRUPTION.ID.eq(DISRUPTION_PASSENGER.DISRUPTION_ID))
        .where(DISRUPTION_PASSENGER.PNR.eq(pnr)).and(DSL.upper(PASSENGER.LAST_NAME).eq(lastName.toUpperCase(Locale.ROOT)))
        .orderBy(DISRUPTION.CREATED_AT.desc()).limit(1);
    return Sql.run(pool, query).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public Future<Refund> choose(UUID caseId, String actor) {
    return pool.withTransaction(tx -> choose(tx, caseId, actor)).onSuccess(refund -> {
      if (refund.created()) {
        eventBus.publish(Outbox.WAKE_ADDRESS, new JsonObject());
        eventBus.publish(Disruptions.SEATS_FREED_ADDRESS, new JsonObject().put("caseId", caseId.toString()));
      }
    });
  }

  private Future<Refund> choose(SqlConnection tx, UUID caseId, String actor) {
    var latest = Sql.dsl().select(DISRUPTION_PASSENGER.DISRUPTION_ID, DISRUPTION_PASSENGER.PNR,
            DISRUPTION_PASSENGER.PAX_ID, DISRUPTION_PASSENGER.STATUS, DISRUPTION_PASSENGER.RIGHTS, CARE_CASE.TYPE,
            CARE_CASE.REFERENCE, FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN, FLIGHT.DESTINATION,
            FLIGHT.DEPARTURE, DISRUPTION.DELAY_MINUTES)
        .from(DISRUPTION_PASSENGER).join(DISRUPTION).on(DISRUPTION.ID.eq(DISRUPTION_PASSENGER.DISRUPTION_ID))
        .join(FLIGHT).on(FLIGHT.ID.eq(DISRUPTION.FLIGHT_ID))
        .join(CARE_CASE).on(CARE_CASE.ID.eq(DISRUPTION_PASSENGER.CASE_ID))
        .where(DISRUPTION_PASSENGER.CASE_ID.eq(caseId))
        .orderBy(DISRUPTION.CREATED_AT.desc()).limit(1)
        .forUpdate().of(DISRUPTION_PASSENGER);
    return Sql.run(tx, latest).compose(rows -> {
      if (rows.size() == 0) {
        throw new NotOffered("this case has no disrupted flight to refund");
      }
      Row row = rows.iterator().next();
      UUID disruption = row.getUUID("disruption_id");
      String status = row.getString("status");
      if (status.equals(ReaccommodationStatus.REFUNDED.getLiteral())) {
        return existing(tx, caseId, disruption);
      }
      if (status.equals(ReaccommodationStatus.WAITING.getLiteral())) {
        throw new NotOffered("she is being re-accommodated this very moment; ask again in a few seconds");
      }
      Object rights = row.getValue("rights");
      JsonObject owed = rights instanceof JsonObject json ? json : new JsonObject();
      if (!owed.getBoolean("refund", false)) {
        throw new NotOffered("no rule gives a refund for this disruption (none applies to a delay this short)");
      }
      String pnr = row.getString("pnr");
      String paxId = row.getString("pax_id");
      // The disrupted flight's departure as scheduled: her journey from there on is what she gives up.
      Integer delay = row.getInteger("delay_minutes");
      var from = row.getOffsetDateTime("departure").minusMinutes(delay == null ? 0 : delay);
      Rerouting.OldRoute route = new Rerouting.OldRoute(row.getString("flight_no"), row.getLocalDate("flight_date"),
          row.getString("origin"), row.getString("destination"), false, false);
      return refund(tx, caseId, disruption, pnr, paxId, from, owed.getString("rule"), route,
          row.getString("reference"), Survey.URGENT.contains(row.getString("type")), actor);
    });
  }

  private Future<Refund> refund(SqlConnection tx, UUID caseId, UUID disruption, String pnr, String paxId,
      java.time.OffsetDateTime from, String rule, Rerouting.OldRoute route, String reference, boolean urgent,
      String actor) {
    String flight = route.flight();
    // The unused part of the ticket she bought: her own coupons (not PaxCare's reissues) from the disruption on.
    var paid = Sql.dsl().select(DSL.coalesce(DSL.sum(SEGMENT.FARE_AMOUNT), DSL.inline(BigDecimal.ZERO)),
            DSL.max(SEGMENT.FARE_CURRENCY))
        .from(SEGMENT).join(FLIGHT).on(FLIGHT.ID.eq(SEGMENT.FLIGHT_ID))
        .where(SEGMENT.PNR.eq(pnr)).and(SEGMENT.PAX_ID.eq(paxId)).and(SEGMENT.ISSUED_BY_PAXCARE.isFalse())
        .and(FLIGHT.DEPARTURE.ge(from)).and(SEGMENT.STATUS.ne(SegmentStatus.FLOWN));
    var cancel = Sql.dsl().update(SEGMENT).set(SEGMENT.STATUS, SegmentStatus.CANCELLED)
        .set(SEGMENT.PRIORITY_BOARDING, false).set(SEGMENT.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(SEGMENT.PNR.eq(pnr)).and(SEGMENT.PAX_ID.eq(paxId))
        .and(SEGMENT.STATUS.in(SegmentStatus.CONFIRMED, SegmentStatus.CHECKED_IN))
        .and(SEGMENT.FLIGHT_ID.in(Sql.dsl().select(FLIGHT.ID).from(FLIGHT).where(FLIGHT.DEPARTURE.ge(from))))
        .returning(SEGMENT.ID);
    var contact = Sql.dsl().select(PASSENGER.FIRST_NAME, PASSENGER.PHONE, PASSENGER.EMAIL, PASSENGER.LANGUAGE)
        .from(PASSENGER).where(PASSENGER.PNR.eq(pnr)).and(PASSENGER.PAX_ID.eq(paxId));
    return Sql.run(tx, paid).compose(money -> {
      Row sum = money.iterator().next();
      BigDecimal amount = sum.getValue(0) == null ? BigDecimal.ZERO : new BigDecimal(sum.getValue(0).toString());
      String currency = sum.getString(1) == null ? "USD" : sum.getString(1);
      var record = Sql.dsl().insertInto(REFUND).set(REFUND.CASE_ID, caseId).set(REFUND.DISRUPTION_ID, disruption)
          .set(REFUND.PNR, pnr).set(REFUND.PAX_ID, paxId).set(REFUND.RULE, rule == null ? "AIRLINE" : rule)
          .set(REFUND.AMOUNT, amount).set(REFUND.CURRENCY, currency).set(REFUND.REQUESTED_BY, actor);
      var refunded = Sql.dsl().update(DISRUPTION_PASSENGER)
          .set(DISRUPTION_PASSENGER.STATUS, ReaccommodationStatus.REFUNDED)
          .set(DISRUPTION_PASSENGER.WAITLIST_POSITION, (Integer) null)
          .where(DISRUPTION_PASSENGER.DISRUPTION_ID.eq(disruption)).and(DISRUPTION_PASSENGER.PNR.eq(pnr))
          .and(DISRUPTION_PASSENGER.PAX_ID.eq(paxId));
      // A disruption's own case ends here; an urgent case goes on (she still gets her call back).
      var close = Sql.dsl().update(CARE_CASE).set(CARE_CASE.STATUS, CaseStatus.CLOSED)
          .set(CARE_CASE.CLOSED_AT, DSL.currentOffsetDateTime())
          .where(CARE_CASE.ID.eq(caseId)).and(CARE_CASE.STATUS.eq(CaseStatus.OPEN)).and(DSL.inline(!urgent));
      String shown = amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
      return Sql.run(tx, cancel)
          .compose(cancelled -> Sql.run(tx, record).compose(v -> Sql.run(tx, refunded)).compose(v -> Sql.run(tx, close))
              .compose(v -> holdBags(tx, caseId, pnr, paxId, route))
              .compose(v -> Sql.run(tx, contact))
              .compose(people -> notify(tx, caseId, people, flight, shown, currency, rule, reference))
              .compose(v -> Timeline.append(tx, caseId, actor, "refund chosen", new JsonObject()
                  .put("disruption", disruption.toString()).put("amount", shown).put("currency", currency)
                  .put("rule", rule).put("couponsCancelled", cancelled.rowCount()))))
          .map(v -> new Refund(caseId, shown, currency, rule, true));
    });
  }

  /** She is not travelling: the baggage system is told to hold her bags (a DEL of their routing). */
  private static Future<Void> holdBags(SqlConnection tx, UUID caseId, String pnr, String paxId,
      Rerouting.OldRoute route) {
    var bags = Sql.dsl().select(BAG.TAG, BAG.PASSENGER_NAME, BAG.PIECES, BAG.WEIGHT_KG, BAG.EXCEPTIONS).from(BAG)
        .where(BAG.PNR.eq(pnr)).and(BAG.PAX_ID.eq(paxId));
    return Sql.run(tx, bags).compose(rows -> {
      Future<Void> chain = Future.succeededFuture();
      for (Row bag : rows) {
        Rerouting.Messages messages = Rerouting.of(new Rerouting.Bag(bag.getString("tag"),
            bag.getString("passenger_name"), bag.getInteger("pieces"), bag.getInteger("weight_kg"),
            List.of(bag.getArrayOfStrings("exceptions"))), pnr, route, List.of());
        for (Rerouting.Write write : Rerouting.writes(caseId, bag.getString("tag"), messages, List.of(), false)) {
          chain = chain.compose(v -> write.statement().run(tx, write.values()).mapEmpty());
        }
      }
      return chain;
    });
  }

  private static Future<Void> notify(SqlConnection tx, UUID caseId, io.vertx.sqlclient.RowSet<Row> people,
      String flight, String amount, String currency, String rule, String reference) {
    if (people.size() == 0) {
      return Future.succeededFuture();
    }
    Row p = people.iterator().next();
    List<Object[]> rows = new ArrayList<>();
    for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
      String recipient = channel == Channel.SMS ? p.getString("phone") : p.getString("email");
      if (recipient == null || recipient.isBlank()) {
        continue;
      }
      Message message = RefundNotices.render(p.getString("first_name"), flight, amount, currency, rule, reference,
          channel, p.getString("language"));
      rows.add(new Object[] {caseId, channel.name(), "PASSENGER", recipient, p.getString("language"),
          message.subject(), message.body()});
    }
    return Sql.insertRows(tx, NOTIFICATION, List.of(NOTIFICATION.CASE_ID, NOTIFICATION.CHANNEL,
        NOTIFICATION.AUDIENCE, NOTIFICATION.RECIPIENT, NOTIFICATION.LANGUAGE, NOTIFICATION.SUBJECT,
        NOTIFICATION.BODY), rows, insert -> insert);
  }

  private static Future<Refund> existing(SqlConnection tx, UUID caseId, UUID disruption) {
    return Sql.run(tx, Sql.dsl().select(REFUND.AMOUNT, REFUND.CURRENCY, REFUND.RULE).from(REFUND)
            .where(REFUND.CASE_ID.eq(caseId)).and(REFUND.DISRUPTION_ID.eq(disruption)))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Refund(caseId, Sql.get(row, REFUND.AMOUNT).toPlainString(), row.getString("currency"),
              row.getString("rule"), false);
        });
  }
}
