package com.paxcare.notify;

import com.paxcare.cases.CaseFile;
import com.paxcare.cases.Step;
import com.paxcare.cases.StepContext;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.StepKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.paxcare.db.schema.Tables.CASE_STEP;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.NOTIFICATION;
import static com.paxcare.db.schema.Tables.PASSENGER;

/**
 * Tells the passenger, and the person who called (her phone may be off), what has been done: by SMS and
 * e-mail, in their language. Messages go to the outbox in this transaction; delivery, retries and delivery
 * status are the outbox's work.
 */
public final class ConfirmStep implements Step {
  /** Boarding starts this long before departure. */
  static final long BOARDING_MINUTES_BEFORE = 40;

  private static final Sql.Prepared RESULTS = Sql.Prepared.of(Sql.dsl().select(CASE_STEP.KIND, CASE_STEP.RESULT)
      .from(CASE_STEP).where(CASE_STEP.CASE_ID.eq(DSL.param("caseId", CASE_STEP.CASE_ID)))
      .and(CASE_STEP.KIND.in(DSL.inline(StepKind.REBOOK), DSL.inline(StepKind.BAGS), DSL.inline(StepKind.CARE))));
  private static final Sql.Prepared CONTACT = Sql.Prepared.of(Sql.dsl()
      .select(PASSENGER.PHONE, PASSENGER.EMAIL, PASSENGER.LANGUAGE).from(PASSENGER)
      .where(PASSENGER.PNR.eq(DSL.param("pnr", PASSENGER.PNR)))
      .and(PASSENGER.PAX_ID.eq(DSL.param("paxId", PASSENGER.PAX_ID))));
  private static final Sql.Prepared GATE = Sql.Prepared.of(Sql.dsl().select(FLIGHT.GATE).from(FLIGHT)
      .where(FLIGHT.FLIGHT_NO.eq(DSL.param("flight", FLIGHT.FLIGHT_NO)))
      .and(FLIGHT.FLIGHT_DATE.eq(DSL.param("date", FLIGHT.FLIGHT_DATE)))
      .and(FLIGHT.ORIGIN.eq(DSL.param("origin", FLIGHT.ORIGIN))));

  @Override
  public Future<JsonObject> apply(StepContext context) {
    CaseFile file = context.caseFile();
    // The contact is read in the same round trip as the steps' results (pipelined); the gate needs the rebooking.
    Future<io.vertx.sqlclient.RowSet<Row>> results = RESULTS.run(context.tx(), "caseId", file.id());
    Future<io.vertx.sqlclient.RowSet<Row>> passenger = CONTACT.run(context.tx(), "pnr", file.pnr(),
        "paxId", file.paxId());
    return results.compose(rows -> {
      Map<String, JsonObject> byKind = new HashMap<>();
      for (Row row : rows) {
        Object result = row.getValue("result");
        byKind.put(row.getString("kind"), result instanceof JsonObject json ? json : new JsonObject());
      }
      return gateOfFirstLeg(context, byKind.get("REBOOK")).compose(gate -> passenger
          .compose(passengerRows -> {
            Row contact = passengerRows.size() == 0 ? null : passengerRows.iterator().next();
            return queue(context, facts(file, byKind, gate), contact);
          }));
    });
  }

  private static Future<String> gateOfFirstLeg(StepContext context, JsonObject rebook) {
    JsonArray itinerary = rebook == null ? null : rebook.getJsonArray("itinerary");
    if (itinerary == null || itinerary.isEmpty()) {
      return Future.succeededFuture(null);
    }
    JsonObject first = itinerary.getJsonObject(0);
    return GATE.run(context.tx(), "flight", first.getString("flight"),
            "date", LocalDate.parse(first.getString("date")), "origin", first.getString("origin"))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  static ConfirmationFacts facts(CaseFile file, Map<String, JsonObject> steps, String gate) {
    JsonObject rebook = steps.getOrDefault("REBOOK", new JsonObject());
    JsonArray itinerary = rebook.getJsonArray("itinerary", new JsonArray());
    List<FlightLine> flights = new ArrayList<>();
    for (int i = 0; i < itinerary.size(); i++) {
      JsonObject leg = itinerary.getJsonObject(i);
      flights.add(new FlightLine(leg.getString("flight"), leg.getString("origin"), leg.getString("destination"),
          OffsetDateTime.parse(leg.getString("departure")), OffsetDateTime.parse(leg.getString("arrival")),
          leg.getString("cabin")));
    }
    String seat = itinerary.isEmpty() ? null : itinerary.getJsonObject(0).getString("seat");
    OffsetDateTime boarding = flights.isEmpty() ? null : flights.get(0).departure().minusMinutes(BOARDING_MINUTES_BEFORE);
    List<String> tags = new ArrayList<>();
    JsonArray bags = steps.getOrDefault("BAGS", new JsonObject()).getJsonArray("bags", new JsonArray());
    bags.forEach(b -> tags.add(((JsonObject) b).getString("tag")));
    JsonObject care = steps.getOrDefault("CARE", new JsonObject());
    JsonObject voucher = care.getJsonObject("mealVoucher");
    return new ConfirmationFacts(file.type(), file.firstName(), file.lastName(), file.reporterName(),
        file.destination(), flights, seat, gate, boarding, tags,
        voucher == null ? null : voucher.getString("code"),
        voucher == null ? null : voucher.getString("amount"),
        voucher == null ? null : voucher.getString("currency"),
        care.getString("waitingArea"), file.reference());
  }

  private static Future<JsonObject> queue(StepContext context, ConfirmationFacts facts, Row passenger) {
    CaseFile file = context.caseFile();
    String passengerLanguage = passenger == null ? file.language() : passenger.getString("language");
    List<Object[]> messages = new ArrayList<>();
    JsonArray queued = new JsonArray();
    if (passenger != null) {
      add(messages, queued, file, facts, Channel.SMS, Audience.PASSENGER, passenger.getString("phone"), passengerLanguage);
      add(messages, queued, file, facts, Channel.EMAIL, Audience.PASSENGER, passenger.getString("email"),
          passengerLanguage);
    }
    add(messages, queued, file, facts, Channel.SMS, Audience.REPORTER, file.reporterPhone(), file.language());
    add(messages, queued, file, facts, Channel.EMAIL, Audience.REPORTER, file.reporterEmail(), file.language());
    // One pipelined batch: one round trip for every message.
    Future<?> chain = QUEUE.batch(context.tx(), messages);
    context.publishAfterCommit(Outbox.WAKE_ADDRESS, new JsonObject());
    return chain.map(v -> new JsonObject().put("queued", queued)
        .put("rebooked", !facts.flights().isEmpty()));
  }

  private static final Sql.Prepared QUEUE = Sql.Prepared.of(Sql.dsl().insertInto(NOTIFICATION)
      .set(NOTIFICATION.CASE_ID, DSL.param("caseId", NOTIFICATION.CASE_ID))
      .set(NOTIFICATION.CHANNEL, DSL.param("channel", NOTIFICATION.CHANNEL))
      .set(NOTIFICATION.AUDIENCE, DSL.param("audience", NOTIFICATION.AUDIENCE))
      .set(NOTIFICATION.RECIPIENT, DSL.param("recipient", NOTIFICATION.RECIPIENT))
      .set(NOTIFICATION.LANGUAGE, DSL.param("language", NOTIFICATION.LANGUAGE))
      .set(NOTIFICATION.SUBJECT, DSL.param("subject", NOTIFICATION.SUBJECT))
      .set(NOTIFICATION.BODY, DSL.param("body", NOTIFICATION.BODY)));

  private static void add(List<Object[]> messages, JsonArray queued, CaseFile file, ConfirmationFacts facts,
      Channel channel, Audience audience, String recipient, String language) {
    if (recipient == null || recipient.isBlank()) {
      return;
    }
    Message message = facts.flights().isEmpty()
        ? Confirmations.noSeatFound(facts, channel, audience, language)
        : Confirmations.render(facts, channel, audience, language);
    messages.add(new Object[] {"caseId", file.id(), "channel", channel.name(), "audience", audience.name(),
        "recipient", recipient, "language", language == null ? "en" : language, "subject", message.subject(),
        "body", message.body()});
    queued.add(new JsonObject().put("channel", channel.name()).put("audience", audience.name())
        .put("language", language));
  }
}
