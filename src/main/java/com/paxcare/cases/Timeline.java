package com.paxcare.cases;

import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.util.UUID;

import static com.paxcare.db.schema.Tables.CASE_EVENT;

/** Appends to a case's timeline: every action, by whom or what, when. */
public final class Timeline {
  private Timeline() {
  }

  public static Future<Void> append(SqlClient client, UUID caseId, String actor, String action, JsonObject detail) {
    return Sql.run(client, Sql.dsl().insertInto(CASE_EVENT)
        .set(CASE_EVENT.CASE_ID, caseId)
        .set(CASE_EVENT.ACTOR, actor)
        .set(CASE_EVENT.ACTION, action)
        .set(CASE_EVENT.DETAIL, detail)).mapEmpty();
  }
}
