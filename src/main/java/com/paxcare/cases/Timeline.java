package com.paxcare.cases;

import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import org.jooq.impl.DSL;

import java.util.UUID;

import static com.paxcare.db.schema.Tables.CASE_EVENT;

/** Appends to a case's timeline: every action, by whom or what, when. */
public final class Timeline {
  private Timeline() {
  }

  private static final Sql.Prepared APPEND = Sql.Prepared.of(Sql.dsl().insertInto(CASE_EVENT)
      .set(CASE_EVENT.CASE_ID, DSL.param("caseId", CASE_EVENT.CASE_ID))
      .set(CASE_EVENT.ACTOR, DSL.param("actor", CASE_EVENT.ACTOR))
      .set(CASE_EVENT.ACTION, DSL.param("action", CASE_EVENT.ACTION))
      .set(CASE_EVENT.DETAIL, DSL.param("detail", CASE_EVENT.DETAIL)));

  public static Future<Void> append(SqlClient client, UUID caseId, String actor, String action, JsonObject detail) {
    return APPEND.run(client, "caseId", caseId, "actor", actor, "action", action, "detail", detail).mapEmpty();
  }

  /**
   * Appends the few entries of one step in one round trip: one statement rendered once, run per entry and
   * pipelined. For hundreds of entries at once (a disruption's batch), {@link #appendAll} writes one statement.
   */
  public static Future<Void> appendEach(SqlClient client, java.util.List<Entry> entries) {
    return APPEND.batch(client, entries.stream().map(e -> new Object[] {"caseId", e.caseId(), "actor", e.actor(),
        "action", e.action(), "detail", e.detail()}).toList()).mapEmpty();
  }

  /** One entry, for {@link #appendAll} and {@link #appendEach}. */
  public record Entry(UUID caseId, String actor, String action, JsonObject detail) {
  }

  /** Appends many entries (of many cases) in one statement, in the order given. */
  public static Future<Void> appendAll(SqlClient client, java.util.List<Entry> entries) {
    return Sql.insertRows(client, CASE_EVENT, java.util.List.of(CASE_EVENT.CASE_ID, CASE_EVENT.ACTOR,
            CASE_EVENT.ACTION, CASE_EVENT.DETAIL),
        entries.stream().map(e -> new Object[] {e.caseId(), e.actor(), e.action(), e.detail()}).toList(),
        insert -> insert);
  }
}
