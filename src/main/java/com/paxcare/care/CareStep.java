package com.paxcare.care;

import com.paxcare.cases.CaseFile;
import com.paxcare.cases.Step;
import com.paxcare.cases.StepContext;
import com.paxcare.db.Sql;
import com.paxcare.recall.GateAlerts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;

import static com.paxcare.db.schema.Tables.CARE_PROVISION;

/**
 * Care while she waits, where she is: a private waiting area requested from the station and a meal voucher
 * (amount from configuration). Both land on the timeline and in the confirmation.
 */
public final class CareStep implements Step {
  private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Future<JsonObject> apply(StepContext context) {
    CaseFile file = context.caseFile();
    String station = file.location().getString("station");
    if (station == null) {
      return Future.succeededFuture(new JsonObject().put("skipped", true).put("why", "station unknown"));
    }
    String code = voucherCode();
    BigDecimal amount = new BigDecimal(context.rules().mealVoucherAmount());
    String currency = context.rules().mealVoucherCurrency();
    JsonObject request = new JsonObject().put("passenger", file.passengerName()).put("pnr", file.pnr())
        .put("reason", file.type()).put("caseReference", file.reference())
        .put("instruction", "Private waiting area for the passenger; meal voucher " + currency + " "
            + amount.toPlainString() + " (" + code + "); priority boarding on her new flight");
    // Both provisions in one round trip (one statement shape, pipelined).
    return PROVISION.batch(context.tx(), List.of(
            new Object[] {"caseId", file.id(), "kind", "WAITING_AREA", "station", station, "code", null,
                "amount", null, "currency", null},
            new Object[] {"caseId", file.id(), "kind", "MEAL_VOUCHER", "station", station, "code", code,
                "amount", amount, "currency", currency}))
        .compose(v -> GateAlerts.raise(context, station, null, "CARE", null, request))
        .map(alertId -> new JsonObject()
            .put("waitingArea", "Private waiting area requested at " + station)
            .put("station", station)
            .put("mealVoucher", new JsonObject().put("code", code).put("amount", amount.toPlainString())
                .put("currency", currency))
            .put("priorityBoarding", true));
  }

  private static final Sql.Prepared PROVISION = Sql.Prepared.of(Sql.dsl().insertInto(CARE_PROVISION)
      .set(CARE_PROVISION.CASE_ID, DSL.param("caseId", CARE_PROVISION.CASE_ID))
      .set(CARE_PROVISION.KIND, DSL.param("kind", CARE_PROVISION.KIND))
      .set(CARE_PROVISION.STATION, DSL.param("station", CARE_PROVISION.STATION))
      .set(CARE_PROVISION.CODE, DSL.param("code", CARE_PROVISION.CODE))
      .set(CARE_PROVISION.AMOUNT, DSL.param("amount", CARE_PROVISION.AMOUNT))
      .set(CARE_PROVISION.CURRENCY, DSL.param("currency", CARE_PROVISION.CURRENCY)));

  public static String voucherCode() {
    StringBuilder code = new StringBuilder("MV");
    for (int i = 0; i < 8; i++) {
      code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
    }
    return code.toString();
  }
}
