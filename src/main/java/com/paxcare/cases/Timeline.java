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
   * The INSERT of one case's entries given as a JSON array ({@code [{"action": ..., "detail": {...}}, ...]} in the
   * named parameter {@code entries}), in the order given: one statement for a step's few entries, written by the
   * statement that completes the step (see {@code StepEngine}). For hundreds of entries of many cases at once (a
   * disruption's batch), {@link #appendAll} writes one statement.
   */
  static org.jooq.InsertResultStep<?> appendFromJson(org.jooq.Param<UUID> caseId, org.jooq.Param<String> actor) {
    org.jooq.Table<?> entry = DSL.table("jsonb_array_elements({0}) WITH ORDINALITY AS entry (value, n)",
        DSL.param("entries", org.jooq.impl.SQLDataType.JSONB));
    org.jooq.Field<?> value = DSL.field(DSL.name("entry", "value"));
    return Sql.dsl().insertInto(CASE_EVENT, CASE_EVENT.CASE_ID, CASE_EVENT.ACTOR, CASE_EVENT.ACTION, CASE_EVENT.DETAIL)
        .select(DSL.select(caseId, actor, DSL.field("{0} ->> 'action'", CASE_EVENT.ACTION.getDataType(), value),
                DSL.field("{0} -> 'detail'", CASE_EVENT.DETAIL.getDataType(), value))
            .from(entry).orderBy(DSL.field(DSL.name("entry", "n"))))
        .returningResult(CASE_EVENT.ID);
  }

  /** Entries as {@link #appendFromJson} takes them. */
  static io.vertx.core.json.JsonArray asJson(java.util.List<Entry> entries) {
    io.vertx.core.json.JsonArray json = new io.vertx.core.json.JsonArray();
    for (Entry e : entries) {
      json.add(new JsonObject().put("action", e.action()).put("detail", e.detail() == null ? new JsonObject()
          : e.detail()));
    }
    return json;
  }

  /** One entry, for {@link #appendAll} and {@link #asJson}. */
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
