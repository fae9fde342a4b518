package com.paxcare.cases;

import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import org.jooq.impl.DSL;

import java.util.UUID;

import static com.paxcare.db.schema.Tables.ESCALATION;

/**
 * Nobody answered in time, or PaxCare could not do what the passenger needs: the case records it for ops
 * control, and ops control (and the care desk, where it is theirs to act) is told once it is committed.
 */
public final class Escalations {
  /** Ops control listens here. */
  public static final String OPS_ADDRESS = "paxcare.ops.escalations";
  /** The care desk listens here. */
  public static final String CARE_DESK_ADDRESS = "paxcare.caredesk";

  private static final Sql.Prepared RECORD = Sql.Prepared.of(Sql.dsl().insertInto(ESCALATION)
      .set(ESCALATION.CASE_ID, DSL.param("caseId", ESCALATION.CASE_ID))
      .set(ESCALATION.REASON, DSL.param("reason", ESCALATION.REASON))
      .set(ESCALATION.DETAIL, DSL.param("detail", ESCALATION.DETAIL)));

  private Escalations() {
  }

  /** Records the escalation in the caller's transaction; answers what to push once that commits. */
  public static Future<JsonObject> record(SqlClient tx, UUID caseId, String reason, JsonObject detail) {
    return RECORD.run(tx, "caseId", caseId, "reason", reason, "detail", detail)
        .map(v -> detail.copy().put("caseId", caseId.toString()).put("reason", reason));
  }
}
