package com.paxcare.locate;

import com.paxcare.db.Sql;
import com.paxcare.db.schema.enums.FlightStatus;
import com.paxcare.db.schema.enums.SegmentStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import org.jooq.impl.DSL;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.SEGMENT;

/** Reads a passenger's live coupons and tells where she is. */
public final class Locator {
  private Locator() {
  }

  private static final Sql.Prepared LIVE_COUPONS = Sql.Prepared.of(Sql.dsl()
        .select(SEGMENT.ID, SEGMENT.CABIN, SEGMENT.SEAT, SEGMENT.STATUS, SEGMENT.TICKET, SEGMENT.FARE_AMOUNT,
            SEGMENT.FARE_CURRENCY, FLIGHT.ID.as("flight_id"), FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN,
            FLIGHT.DESTINATION, FLIGHT.DEPARTURE, FLIGHT.DEPARTURE_OFFSET, FLIGHT.ARRIVAL, FLIGHT.ARRIVAL_OFFSET,
            FLIGHT.GATE, FLIGHT.STATUS.as("flight_status"))
        .from(SEGMENT).join(FLIGHT).on(FLIGHT.ID.eq(SEGMENT.FLIGHT_ID))
        .where(SEGMENT.PNR.eq(DSL.param("pnr", SEGMENT.PNR))).and(SEGMENT.PAX_ID.eq(DSL.param("paxId", SEGMENT.PAX_ID)))
        .and(SEGMENT.STATUS.ne(DSL.inline(SegmentStatus.CANCELLED)))
        .orderBy(FLIGHT.DEPARTURE));

  public static Future<Whereabouts> locate(SqlClient client, String pnr, String paxId) {
    return LIVE_COUPONS.run(client, "pnr", pnr, "paxId", paxId).map(rows -> {
      List<Whereabouts.Coupon> coupons = new ArrayList<>();
      for (Row row : rows) {
        coupons.add(coupon(row));
      }
      return whereabouts(coupons);
    });
  }

  /** The current coupon is the first one not yet flown and landed; after the last, she has arrived. */
  public static Whereabouts whereabouts(List<Whereabouts.Coupon> coupons) {
    if (coupons.isEmpty()) {
      return new Whereabouts(Phase.NOT_TRAVELLING, null, null, List.of(), null);
    }
    String finalDestination = coupons.get(coupons.size() - 1).destination();
    int current = coupons.size() - 1;
    for (int i = 0; i < coupons.size(); i++) {
      Whereabouts.Coupon coupon = coupons.get(i);
      boolean done = coupon.status().equals(SegmentStatus.FLOWN.getLiteral())
          && coupon.flightStatus().equals(FlightStatus.LANDED.getLiteral());
      if (!done) {
        current = i;
        break;
      }
    }
    Whereabouts.Coupon coupon = coupons.get(current);
    Phase phase = PhaseRule.phaseOf(SegmentStatus.valueOf(coupon.status()), FlightStatus.valueOf(coupon.flightStatus()));
    String station = phase.atArrivalEnd() ? coupon.destination() : coupon.origin();
    return new Whereabouts(phase, station, coupon, List.copyOf(coupons.subList(current, coupons.size())),
        finalDestination);
  }

  public static Whereabouts.Coupon coupon(Row row) {
    var departure = row.getOffsetDateTime("departure")
        .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(row.getInteger("departure_offset")));
    var arrival = row.getOffsetDateTime("arrival")
        .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(row.getInteger("arrival_offset")));
    Object fare = row.getValue("fare_amount");
    return new Whereabouts.Coupon(row.getLong("id"), row.getLong("flight_id"), row.getString("flight_no"),
        row.getLocalDate("flight_date").toString(), row.getString("origin"), row.getString("destination"),
        departure, arrival, row.getString("gate"), row.getString("flight_status"), row.getString("cabin"),
        row.getString("seat"), row.getString("status"), row.getString("ticket"),
        fare == null ? null : Sql.get(row, SEGMENT.FARE_AMOUNT).toPlainString(), row.getString("fare_currency"));
  }
}
