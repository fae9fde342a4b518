package com.paxcare.disruption;

import com.paxcare.Config;
import com.paxcare.cases.Timeline;
import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.CaseStatus;
import com.paxcare.db.schema.enums.CaseType;
import com.paxcare.db.schema.enums.DisruptionStatus;
import com.paxcare.intake.Intake;
import com.paxcare.locate.Locator;
import com.paxcare.locate.Whereabouts;
import com.paxcare.rebook.MinimumConnectingTimes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.paxcare.db.schema.Tables.CARE_CASE;
import static com.paxcare.db.schema.Tables.DISRUPTION;
import static com.paxcare.db.schema.Tables.DISRUPTION_PASSENGER;

/**
 * The first transaction of a disruption: who is affected, in which order they will be worked and why, and one
 * case for each (an open urgent case, or an open case for the same reason, is joined rather than doubled).
 * Either all of it is recorded or none: a node dying here leaves the disruption to be surveyed again.
 */
final class Survey {
  /** Urgent personal reasons: a passenger with such a case open goes first, and that case is hers. */
  static final Set<String> URGENT = Set.of("FAMILY_EMERGENCY", "MEDICAL_EMERGENCY", "BEREAVEMENT");

  private Survey() {
  }

  /** A case a disruption joins rather than opening another. */
  record OpenCase(UUID id, boolean urgent) {
  }

  /** One passenger's place in the work, as recorded. */
  record Placed(DisruptionReads.PaxKey pax, AffectedRule.Need need, ReaccommodationOrder.Place place) {
  }

  static Future<Integer> run(SqlConnection tx, DisruptionReads.Facts facts, Config.CareRules rules,
      OffsetDateTime now, String actor) {
    return DisruptionReads.liveCoupons(tx, DisruptionReads.onTheFlight(facts), false).compose(coupons -> {
      if (coupons.isEmpty()) {
        return finish(tx, facts, List.of(), Map.of(), Map.of(), now, actor);
      }
      return DisruptionReads.passengers(tx, coupons.keySet())
          .compose(pax -> openCases(tx, coupons.keySet(), facts.kind())
              .compose(open -> {
                List<Placed> order = order(facts, coupons, pax, open, rules, now);
                return openCases(tx, order, facts, coupons, pax, open)
                    .compose(caseIds -> finish(tx, facts, order, caseIds, open, now, actor));
              }));
    });
  }

  /** Open cases of these passengers that a disruption joins: urgent ones, and ones for the same reason. */
  private static Future<Map<DisruptionReads.PaxKey, OpenCase>> openCases(SqlConnection tx,
      java.util.Collection<DisruptionReads.PaxKey> keys, DisruptionKind kind) {
    var query = Sql.dsl().select(CARE_CASE.ID, CARE_CASE.PNR, CARE_CASE.PAX_ID, CARE_CASE.TYPE).from(CARE_CASE)
        .where(CARE_CASE.STATUS.eq(CaseStatus.OPEN))
        .and(CARE_CASE.TYPE.in(CaseType.FAMILY_EMERGENCY, CaseType.MEDICAL_EMERGENCY, CaseType.BEREAVEMENT,
            CaseType.valueOf(kind.name())))
        .and(DSL.condition("(care_case.pnr, care_case.pax_id) IN (SELECT * FROM unnest({0}::text[], {1}::text[]))",
            DSL.val(keys.stream().map(DisruptionReads.PaxKey::pnr).toArray(String[]::new)),
            DSL.val(keys.stream().map(DisruptionReads.PaxKey::paxId).toArray(String[]::new))))
        .orderBy(CARE_CASE.CREATED_AT);
    return Sql.run(tx, query).map(rows -> {
      Map<DisruptionReads.PaxKey, OpenCase> open = new HashMap<>();
      for (Row row : rows) {
        var key = new DisruptionReads.PaxKey(row.getString("pnr"), row.getString("pax_id"));
        boolean urgent = URGENT.contains(row.getString("type"));
        // An urgent case wins over a case for the same reason: it is the one people are working.
        if (urgent || !open.containsKey(key)) {
          open.put(key, new OpenCase(row.getUUID("id"), urgent));
        }
      }
      return open;
    });
  }

  /**
   * Ranks: passengers sorted by the priority rule, then each booking's passengers going the same way brought
   * together at the place of the first of them, so a family is worked (and seated) as one.
   */
  static List<Placed> order(DisruptionReads.Facts facts, Map<DisruptionReads.PaxKey, List<Whereabouts.Coupon>> coupons,
      Map<DisruptionReads.PaxKey, DisruptionReads.PaxFacts> pax, Map<DisruptionReads.PaxKey, OpenCase> open,
      Config.CareRules rules, OffsetDateTime now) {
    MinimumConnectingTimes mct = MinimumConnectingTimes.parse(rules.minimumConnectingTimes(),
        Duration.ofMinutes(rules.defaultMctMinutes()));
    Map<DisruptionReads.PaxKey, AffectedRule.Need> needs = new LinkedHashMap<>();
    List<ReaccommodationOrder.Affected> affected = new ArrayList<>();
    coupons.forEach((key, list) -> AffectedRule.of(facts.disrupted(), list, now,
        Duration.ofMinutes(rules.readyMinutes()), mct).ifPresent(need -> {
          needs.put(key, need);
          DisruptionReads.PaxFacts p = pax.get(key);
          affected.add(new ReaccommodationOrder.Affected(key.pnr(), key.paxId(), false, p.ssr(),
              need.connectionSlackMinutes(), p.tier(), p.bookedOrder()));
        }));
    Set<DisruptionReads.PaxKey> urgentCases = new java.util.HashSet<>();
    open.forEach((key, found) -> {
      if (found.urgent()) {
        urgentCases.add(key);
      }
    });
    return order(affected, needs, urgentCases);
  }

  /** The priority order with bookings kept together (plain: no I/O). */
  static List<Placed> order(List<ReaccommodationOrder.Affected> affected,
      Map<DisruptionReads.PaxKey, AffectedRule.Need> needs, Set<DisruptionReads.PaxKey> withOpenCase) {
    List<ReaccommodationOrder.Affected> marked = affected.stream().map(a -> new ReaccommodationOrder.Affected(
        a.pnr(), a.passengerId(), a.openUrgentCase() || withOpenCase.contains(new DisruptionReads.PaxKey(a.pnr(),
            a.passengerId())), a.ssr(), a.connectionSlackMinutes(), a.tier(), a.bookedOrder())).toList();
    List<ReaccommodationOrder.Affected> sorted = ReaccommodationOrder.sort(marked);
    List<Placed> placed = new ArrayList<>();
    Set<DisruptionReads.PaxKey> done = new java.util.HashSet<>();
    for (ReaccommodationOrder.Affected first : sorted) {
      var firstKey = new DisruptionReads.PaxKey(first.pnr(), first.passengerId());
      if (!done.add(firstKey)) {
        continue;
      }
      AffectedRule.Need firstNeed = needs.get(firstKey);
      placed.add(new Placed(firstKey, firstNeed, ReaccommodationOrder.placeOf(first)));
      for (ReaccommodationOrder.Affected other : sorted) {
        var key = new DisruptionReads.PaxKey(other.pnr(), other.passengerId());
        AffectedRule.Need need = needs.get(key);
        if (other.pnr().equals(first.pnr()) && !done.contains(key) && need.from().equals(firstNeed.from())
            && need.to().equals(firstNeed.to())) {
          done.add(key);
          ReaccommodationOrder.Place own = ReaccommodationOrder.placeOf(other);
          placed.add(new Placed(key, need, new ReaccommodationOrder.Place(own.group(),
              own.reason() + "; travels with " + first.pnr() + " passenger " + first.passengerId())));
        }
      }
    }
    return placed;
  }

  /** A new case for each passenger without one to join; answers every passenger's case. */
  private static Future<Map<DisruptionReads.PaxKey, OpenCase>> openCases(SqlConnection tx, List<Placed> order,
      DisruptionReads.Facts facts, Map<DisruptionReads.PaxKey, List<Whereabouts.Coupon>> coupons,
      Map<DisruptionReads.PaxKey, DisruptionReads.PaxFacts> pax, Map<DisruptionReads.PaxKey, OpenCase> open) {
    List<Object[]> rows = new ArrayList<>();
    for (Placed placed : order) {
      if (open.containsKey(placed.pax())) {
        continue;
      }
      UUID id = UUID.randomUUID();
      DisruptionReads.PaxFacts p = pax.get(placed.pax());
      rows.add(new Object[] {id, Intake.reference(id), CaseType.valueOf(facts.kind().name()), placed.pax().pnr(),
          placed.pax().paxId(), p.firstName(), p.lastName(), placed.need().to(), facts.describe(), p.language(),
          Locator.whereabouts(coupons.get(placed.pax())).toJson()});
    }
    // A case for the same reason opened meanwhile (another disruption of her journey) is found and joined.
    return Sql.insertRows(tx, CARE_CASE, List.of(CARE_CASE.ID, CARE_CASE.REFERENCE, CARE_CASE.TYPE, CARE_CASE.PNR,
            CARE_CASE.PAX_ID, CARE_CASE.FIRST_NAME, CARE_CASE.LAST_NAME, CARE_CASE.DESTINATION, CARE_CASE.NOTE,
            CARE_CASE.LANGUAGE, CARE_CASE.LOCATION), rows, insert -> insert.onConflictDoNothing())
        .compose(v -> openCases(tx, coupons.keySet(), facts.kind()));
  }

  private static Future<Integer> finish(SqlConnection tx, DisruptionReads.Facts facts, List<Placed> order,
      Map<DisruptionReads.PaxKey, OpenCase> caseIds, Map<DisruptionReads.PaxKey, OpenCase> joined, OffsetDateTime now,
      String actor) {
    List<Object[]> places = new ArrayList<>();
    List<Timeline.Entry> timeline = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Placed placed = order.get(i);
      UUID caseId = caseIds.get(placed.pax()).id();
      places.add(new Object[] {facts.id(), placed.pax().pnr(), placed.pax().paxId(), caseId, i + 1,
          (short) placed.place().group(), placed.place().reason()});
      JsonObject detail = new JsonObject().put("disruption", facts.id().toString()).put("kind", facts.kind().name())
          .put("what", facts.describe()).put("rank", i + 1).put("of", order.size())
          .put("group", placed.place().group()).put("reason", placed.place().reason())
          .put("rebook", placed.need().rebook()).put("from", placed.need().from()).put("to", placed.need().to());
      timeline.add(new Timeline.Entry(caseId, actor, joined.containsKey(placed.pax()) ? "disruption joined"
          : "case opened", detail));
    }
    var status = Sql.dsl().update(DISRUPTION)
        .set(DISRUPTION.STATUS, order.isEmpty() ? DisruptionStatus.DONE : DisruptionStatus.REACCOMMODATING)
        .set(DISRUPTION.FINISHED_AT, order.isEmpty() ? now : null)
        .where(DISRUPTION.ID.eq(facts.id()));
    var dp = DISRUPTION_PASSENGER;
    return Sql.insertRows(tx, dp, List.of(dp.DISRUPTION_ID, dp.PNR, dp.PAX_ID, dp.CASE_ID, dp.RANK, dp.PRIORITY_GROUP,
            dp.REASON), places, insert -> insert).compose(v -> Timeline.appendAll(tx, timeline)).compose(v -> Sql.run(tx, status))
        .map(order.size());
  }
}
