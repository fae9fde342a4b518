package com.paxcare.db;

import com.paxcare.db.schema.enums.FlightStatus;
import com.paxcare.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import com.paxcare.db.schema.tables.records.FlightRecord;
import org.jooq.InsertSetMoreStep;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static com.paxcare.db.schema.Tables.BOOKING;
import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.FLIGHT_CABIN;
import static com.paxcare.db.schema.Tables.PASSENGER;
import static com.paxcare.db.schema.Tables.SEGMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** jOOQ-rendered statements on the reactive pool: $n parameters, enums, numerics, arrays, transactions, batches. */
@ExtendWith(VertxExtension.class)
class SqlBridgeTest {
  private static Database database;
  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void open() {
    database = TestDatabase.fresh();
    vertx = Vertx.vertx();
    pool = database.pool(vertx, 4, 64);
  }

  @AfterAll
  static void close() {
    pool.close().toCompletionStage().toCompletableFuture().join();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private static InsertSetMoreStep<FlightRecord> insertFlight(String flight, FlightStatus status) {
    OffsetDateTime departure = OffsetDateTime.parse("2026-11-22T14:05:00-06:00");
    return Sql.dsl().insertInto(FLIGHT)
        .set(FLIGHT.FLIGHT_NO, flight).set(FLIGHT.FLIGHT_DATE, LocalDate.parse("2026-11-22"))
        .set(FLIGHT.ORIGIN, "MDW").set(FLIGHT.DESTINATION, "CMH")
        .set(FLIGHT.DEPARTURE, departure).set(FLIGHT.DEPARTURE_OFFSET, -21600)
        .set(FLIGHT.ARRIVAL, departure.plusHours(2)).set(FLIGHT.ARRIVAL_OFFSET, -18000)
        .set(FLIGHT.STATUS, status);
  }

  @Test
  void rendersDollarParametersThatADbaCanRead() {
    Sql.Statement statement = Sql.render(Sql.dsl().select(FLIGHT.ID).from(FLIGHT)
        .where(FLIGHT.FLIGHT_NO.eq("WN1234")).and(FLIGHT.STATUS.eq(FlightStatus.TAXIING)));
    assertThat(statement.sql()).isEqualTo(
        "SELECT flight.id FROM flight WHERE (flight.flight_no = $1 AND flight.status = cast($2 AS flight_status))");
    assertThat(statement.params().getString(0)).isEqualTo("WN1234");
    assertThat(statement.params().getValue(1)).isEqualTo("TAXIING");
  }

  @Test
  void aPreparedStatementIsRenderedOnceWithNamedParametersNumberedInOrder(VertxTestContext test) {
    Sql.Prepared byNumberAndStatus = Sql.Prepared.of(Sql.dsl().select(FLIGHT.FLIGHT_NO).from(FLIGHT)
        .where(FLIGHT.FLIGHT_NO.eq(DSL.param("flight", FLIGHT.FLIGHT_NO)))
        .and(FLIGHT.STATUS.eq(DSL.param("status", FLIGHT.STATUS)))
        .or(FLIGHT.FLIGHT_NO.eq(DSL.param("flight", FLIGHT.FLIGHT_NO))));
    assertThat(byNumberAndStatus.sql()).isEqualTo("SELECT flight.flight_no FROM flight WHERE ((flight.flight_no = $1 "
        + "AND flight.status = cast($2 AS flight_status)) OR flight.flight_no = $1)");
    Sql.run(pool, insertFlight("WN0300", FlightStatus.AIRBORNE))
        .compose(v -> byNumberAndStatus.run(pool, "status", FlightStatus.AIRBORNE, "flight", "WN0300"))
        .onComplete(test.succeeding(rows -> test.verify(() -> {
          assertThat(rows.iterator().next().getString(0)).isEqualTo("WN0300");
          test.completeNow();
        })));
  }

  @Test
  void runsAStatementAndReadsTypedValuesBack(VertxTestContext test) {
    var read = Sql.dsl().select(FLIGHT.ID, FLIGHT.STATUS, FLIGHT.FLIGHT_DATE).from(FLIGHT)
        .where(FLIGHT.FLIGHT_NO.eq("WN0100"));
    Sql.run(pool, insertFlight("WN0100", FlightStatus.BOARDING))
        .compose(v -> Sql.run(pool, read))
        .onComplete(test.succeeding(rows -> test.verify(() -> {
          Row row = rows.iterator().next();
          assertThat(Sql.get(row, FLIGHT.STATUS)).isEqualTo(FlightStatus.BOARDING);
          assertThat(Sql.get(row, FLIGHT.FLIGHT_DATE)).isEqualTo(LocalDate.parse("2026-11-22"));
          test.completeNow();
        })));
  }

  @Test
  void aBatchIsOneRoundTripWithOneResultPerStatement(VertxTestContext test) {
    List<Query> inserts = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      inserts.add(Sql.dsl().insertInto(BOOKING).set(BOOKING.PNR, String.format("BAT%03d", i)).returning(BOOKING.PNR));
    }
    Sql.batch(pool, inserts).onComplete(test.succeeding(rows -> test.verify(() -> {
      List<String> returned = new ArrayList<>();
      for (var set = rows; set != null; set = set.next()) {
        set.forEach(row -> returned.add(row.getString(0)));
      }
      assertThat(returned).hasSize(50).startsWith("BAT001").endsWith("BAT050");
      test.completeNow();
    })));
  }

  @Test
  void aBatchRefusesStatementsOfDifferentShapes() {
    Future<?> mixed = Sql.batch(pool, List.of(
        Sql.dsl().insertInto(BOOKING).set(BOOKING.PNR, "MIX001"),
        Sql.dsl().deleteFrom(BOOKING).where(BOOKING.PNR.eq("MIX001"))));
    assertThat(mixed.failed()).isTrue();
    assertThat(mixed.cause()).hasMessageContaining("one shape");
  }

  @Test
  void aFailingTransactionStoresNothing() {
    Future<?> failed = pool.withTransaction(tx -> Sql.run(tx, Sql.dsl().insertInto(BOOKING).set(BOOKING.PNR, "TXN001"))
        .compose(v -> Sql.run(tx, Sql.dsl().insertInto(BOOKING).set(BOOKING.PNR, "TXN001"))));
    assertThatThrownBy(() -> failed.toCompletionStage().toCompletableFuture().join())
        .hasMessageContaining("duplicate key");
    long count = Sql.run(pool, Sql.dsl().selectCount().from(BOOKING).where(BOOKING.PNR.eq("TXN001")))
        .toCompletionStage().toCompletableFuture().join().iterator().next().getLong(0);
    assertThat(count).isZero();
  }

  @Test
  void numericsAndArraysRoundTrip() {
    var setUp = Sql.run(pool, insertFlight("WN0200", FlightStatus.SCHEDULED).returning(FLIGHT.ID))
        .compose(rows -> {
          long flightId = rows.iterator().next().getLong(0);
          return Sql.run(pool, Sql.dsl().insertInto(FLIGHT_CABIN).set(FLIGHT_CABIN.FLIGHT_ID, flightId)
                  .set(FLIGHT_CABIN.CABIN, "Y").set(FLIGHT_CABIN.CAPACITY, 10))
              .compose(v -> Sql.run(pool, Sql.dsl().insertInto(BOOKING).set(BOOKING.PNR, "NUM001")))
              .compose(v -> Sql.run(pool, Sql.dsl().insertInto(PASSENGER).set(PASSENGER.PNR, "NUM001")
                  .set(PASSENGER.PAX_ID, "P1").set(PASSENGER.FIRST_NAME, "ANA").set(PASSENGER.LAST_NAME, "PÉREZ")
                  .set(PASSENGER.SSR, new String[] {"WCHR", "MEDA"})))
              .compose(v -> Sql.run(pool, Sql.dsl().insertInto(SEGMENT).set(SEGMENT.PNR, "NUM001")
                  .set(SEGMENT.PAX_ID, "P1").set(SEGMENT.FLIGHT_ID, flightId).set(SEGMENT.CABIN, "Y")
                  .set(SEGMENT.STATUS, com.paxcare.db.schema.enums.SegmentStatus.CONFIRMED)
                  .set(SEGMENT.FARE_AMOUNT, new BigDecimal("129.50")).set(SEGMENT.FARE_CURRENCY, "USD")));
        });
    setUp.toCompletionStage().toCompletableFuture().join();
    Row passenger = Sql.run(pool, Sql.dsl().select(PASSENGER.SSR, PASSENGER.LAST_NAME).from(PASSENGER)
        .where(PASSENGER.PNR.eq("NUM001"))).toCompletionStage().toCompletableFuture().join().iterator().next();
    assertThat(Sql.get(passenger, PASSENGER.SSR)).containsExactly("WCHR", "MEDA");
    assertThat(Sql.get(passenger, PASSENGER.LAST_NAME)).isEqualTo("PÉREZ");
    Row segment = Sql.run(pool, Sql.dsl().select(SEGMENT.FARE_AMOUNT).from(SEGMENT)
        .where(SEGMENT.PNR.eq("NUM001"))).toCompletionStage().toCompletableFuture().join().iterator().next();
    assertThat(Sql.get(segment, SEGMENT.FARE_AMOUNT)).isEqualByComparingTo("129.50");
    // The trigger counted the coupon as a seat sold.
    int sold = Sql.run(pool, Sql.dsl().select(FLIGHT_CABIN.SOLD).from(FLIGHT_CABIN).join(FLIGHT)
            .on(FLIGHT.ID.eq(FLIGHT_CABIN.FLIGHT_ID)).where(FLIGHT.FLIGHT_NO.eq("WN0200")))
        .toCompletionStage().toCompletableFuture().join().iterator().next().getInteger(0);
    assertThat(sold).isEqualTo(1);
  }
}
