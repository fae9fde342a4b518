package com.paxcare.audit;

import com.paxcare.access.Principal;
import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.CASE_AUDIT;

/**
 * Who read or changed a case, from where, and what they were answered. Recording never delays an answer: entries
 * are queued and written after it, one multi-row INSERT at a time; entries that arrive while one is being written
 * go together in the next. Under load that is one round trip for many reads, at rest one per read.
 */
public final class AuditTrail {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  /** Rows per INSERT (nine parameters each, well under PostgreSQL's 65,535). */
  static final int MAX_BATCH = 500;
  /** A database that stays away must not fill the heap: beyond this many waiting entries, new ones are dropped. */
  static final int MAX_WAITING = 100_000;
  /** The oldest entries of a case first, at most this many per answer; {@code after} pages on. */
  public static final int PAGE = 1000;

  private final Pool pool;
  private final Clock clock;
  private final List<Entry> waiting = new ArrayList<>();
  private boolean writing;
  private long dropped;

  public AuditTrail(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** One read or change of one case. */
  public record Entry(UUID caseId, OffsetDateTime at, Principal who, String action, int status, String client) {
  }

  /** Queues an entry; it is written shortly after, with whatever else is waiting then. */
  public void record(UUID caseId, Principal who, String action, int status, String client) {
    Entry entry = new Entry(caseId, OffsetDateTime.now(clock), who, action, status, client);
    synchronized (this) {
      if (waiting.size() >= MAX_WAITING) {
        if (dropped++ % 10_000 == 0) {
          LOG.error("Audit trail: {} entries waiting for the database; {} dropped so far", waiting.size(), dropped);
        }
        return;
      }
      waiting.add(entry);
      if (writing) {
        return;
      }
      writing = true;
    }
    writeNext();
  }

  private void writeNext() {
    List<Entry> batch;
    synchronized (this) {
      if (waiting.isEmpty()) {
        writing = false;
        return;
      }
      List<Entry> head = waiting.subList(0, Math.min(MAX_BATCH, waiting.size()));
      batch = new ArrayList<>(head);
      head.clear();
    }
    INSERT.batch(pool, rows(batch)).onComplete(done -> {
      if (done.failed()) {
        // Only the count and the cause: the entries name people.
        LOG.error("Audit trail: {} entries could not be written: {}", batch.size(), done.cause().toString());
      }
      writeNext();
    });
  }

  private static final Sql.Prepared INSERT = Sql.Prepared.of(Sql.dsl().insertInto(CASE_AUDIT)
      .set(CASE_AUDIT.CASE_ID, DSL.param("caseId", CASE_AUDIT.CASE_ID))
      .set(CASE_AUDIT.AT, DSL.param("at", CASE_AUDIT.AT))
      .set(CASE_AUDIT.ACTOR, DSL.param("actor", CASE_AUDIT.ACTOR))
      .set(CASE_AUDIT.ROLE, DSL.param("role", CASE_AUDIT.ROLE))
      .set(CASE_AUDIT.SCOPE, DSL.param("scope", CASE_AUDIT.SCOPE))
      .set(CASE_AUDIT.ACTION, DSL.param("action", CASE_AUDIT.ACTION))
      .set(CASE_AUDIT.STATUS, DSL.param("status", CASE_AUDIT.STATUS))
      .set(CASE_AUDIT.CLIENT, DSL.param("client", CASE_AUDIT.CLIENT)));

  /** The batch as one pipelined run of one statement, rendered once (it is written for every request). */
  private static List<Object[]> rows(List<Entry> batch) {
    List<Object[]> rows = new ArrayList<>(batch.size());
    for (Entry entry : batch) {
      Principal who = entry.who();
      rows.add(new Object[] {"caseId", entry.caseId(), "at", entry.at(), "actor", who.name(), "role", who.role().code(),
          "scope", scope(who), "action", entry.action(), "status", (short) entry.status(), "client", entry.client()});
    }
    return rows;
  }

  /** What the role is bound to, if anything. */
  private static String scope(Principal who) {
    if (who.station() != null) {
      return who.station();
    }
    if (who.flight() != null) {
      return who.flight() + " " + who.date();
    }
    return who.pnr();
  }

  /** The case's trail in the order it was recorded, after entry {@code afterId}; empty when there is no such case. */
  public Future<Optional<JsonObject>> forCase(UUID caseId, long afterId) {
    return Sql.run(pool, Sql.dsl().selectOne().from(CARE_CASE).where(CARE_CASE.ID.eq(caseId))).compose(found -> {
      if (found.size() == 0) {
        return Future.succeededFuture(Optional.empty());
      }
      return Sql.run(pool, Sql.dsl().selectFrom(CASE_AUDIT).where(CASE_AUDIT.CASE_ID.eq(caseId))
              .and(CASE_AUDIT.ID.gt(afterId)).orderBy(CASE_AUDIT.ID).limit(PAGE))
          .map(rows -> {
            JsonArray entries = new JsonArray();
            rows.forEach(row -> entries.add(new JsonObject().put("id", row.getLong("id"))
                .put("at", row.getOffsetDateTime("at").toString())
                .put("actor", row.getString("actor")).put("role", row.getString("role"))
                .put("scope", row.getString("scope")).put("action", row.getString("action"))
                .put("status", row.getInteger("status")).put("client", row.getString("client"))));
            return Optional.of(new JsonObject().put("caseId", caseId.toString()).put("entries", entries));
          });
    });
  }
}
