package com.paxcare.care;

import com.paxcare.cases.CaseFile;
import com.paxcare.cases.Step;
import com.paxcare.cases.StepContext;
import com.paxcare.db.Sql;
import com.paxcare.recall.GateAlerts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.security.SecureRandom;

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
    var waitingArea = Sql.dsl().insertInto(CARE_PROVISION)
        .set(CARE_PROVISION.CASE_ID, file.id()).set(CARE_PROVISION.KIND, "WAITING_AREA")
        .set(CARE_PROVISION.STATION, station);
    var voucher = Sql.dsl().insertInto(CARE_PROVISION)
        .set(CARE_PROVISION.CASE_ID, file.id()).set(CARE_PROVISION.KIND, "MEAL_VOUCHER")
        .set(CARE_PROVISION.STATION, station).set(CARE_PROVISION.CODE, code)
        .set(CARE_PROVISION.AMOUNT, amount).set(CARE_PROVISION.CURRENCY, currency);
    JsonObject request = new JsonObject().put("passenger", file.passengerName()).put("pnr", file.pnr())
        .put("reason", file.type()).put("caseReference", file.reference())
        .put("instruction", "Private waiting area for the passenger; meal voucher " + currency + " "
            + amount.toPlainString() + " (" + code + "); priority boarding on her new flight");
    return Sql.run(context.tx(), waitingArea)
        .compose(v -> Sql.run(context.tx(), voucher))
        .compose(v -> GateAlerts.raise(context, station, null, "CARE", null, request))
        .map(alertId -> new JsonObject()
            .put("waitingArea", "Private waiting area requested at " + station)
            .put("station", station)
            .put("mealVoucher", new JsonObject().put("code", code).put("amount", amount.toPlainString())
                .put("currency", currency))
            .put("priorityBoarding", true));
  }

  public static String voucherCode() {
    StringBuilder code = new StringBuilder("MV");
    for (int i = 0; i < 8; i++) {
      code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
    }
    return code.toString();
  }
}
