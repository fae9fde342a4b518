package com.paxcare.db;

import com.paxcare.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations in sql/ build the schema, are idempotent, and the database itself keeps the invariants. */
class MigrationsTest {
  private final Database database = TestDatabase.fresh();

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
  }

  private static List<String> strings(Statement statement, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  @Test
  void buildsTheSchemaAndASecondRunChangesNothing() throws SQLException {
    database.migrate(); // again, as every node does at start
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThat(strings(statement, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
          .contains("flight", "flight_cabin", "booking", "passenger", "booking_contact", "segment", "bag", "bag_leg",
              "bsm_received", "flyway_schema_history");
      assertThat(strings(statement, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
          .startsWith("1");
    }
  }

  @Test
  void noTwoIndexesOfATableHaveTheSameKey() throws SQLException {
    // Each index costs every insert, and every update that is not HOT, a write: a second index on the same key
    // (same columns, expressions and predicate) only costs.
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThat(strings(statement, """
          SELECT indrelid::regclass || ': ' || string_agg(indexrelid::regclass::text, ', ')
          FROM pg_index JOIN pg_class ON pg_class.oid = pg_index.indrelid
          JOIN pg_namespace ON pg_namespace.oid = pg_class.relnamespace
          WHERE nspname = 'public'
          GROUP BY indrelid, indkey::text, coalesce(pg_get_expr(indexprs, indrelid), ''),
            coalesce(pg_get_expr(indpred, indrelid), '')
          HAVING count(*) > 1""")).isEmpty();
    }
  }

  @Test
  void theDatabaseRefusesASeatHeldTwiceAndCountsSeatsSold() throws SQLException {
    try (Connection connection = connect(); Statement sql = connection.createStatement()) {
      sql.execute("""
          INSERT INTO flight (flight_no, flight_date, origin, destination, departure, departure_offset, arrival,
                              arrival_offset)
          VALUES ('WN1', '2026-11-22', 'MDW', 'DEN', '2026-11-22T10:00:00-06', -21600, '2026-11-22T12:00:00-06', -25200);
          INSERT INTO flight_cabin (flight_id, cabin, capacity) SELECT id, 'Y', 3 FROM flight WHERE flight_no = 'WN1';
          INSERT INTO booking (pnr) VALUES ('AAAAAA'), ('BBBBBB');
          INSERT INTO passenger (pnr, pax_id, first_name, last_name) VALUES ('AAAAAA', 'P1', 'A', 'A'),
                                                                          ('BBBBBB', 'P1', 'B', 'B');
          INSERT INTO segment (pnr, pax_id, flight_id, cabin, seat, status)
            SELECT 'AAAAAA', 'P1', id, 'Y', '1A', 'CONFIRMED' FROM flight WHERE flight_no = 'WN1';
          """);
      assertThat(strings(sql, "SELECT sold FROM flight_cabin")).containsExactly("1");

      assertThatThrownBy(() -> sql.execute("""
          INSERT INTO segment (pnr, pax_id, flight_id, cabin, seat, status)
            SELECT 'BBBBBB', 'P1', id, 'Y', '1A', 'CONFIRMED' FROM flight WHERE flight_no = 'WN1'"""))
          .hasMessageContaining("one_passenger_per_seat");

      sql.execute("UPDATE segment SET status = 'CANCELLED' WHERE pnr = 'AAAAAA'");
      assertThat(strings(sql, "SELECT sold FROM flight_cabin")).containsExactly("0");
      // A cancelled coupon no longer holds its seat.
      sql.execute("""
          INSERT INTO segment (pnr, pax_id, flight_id, cabin, seat, status)
            SELECT 'BBBBBB', 'P1', id, 'Y', '1A', 'CHECKED_IN' FROM flight WHERE flight_no = 'WN1'""");
      assertThat(strings(sql, "SELECT sold FROM flight_cabin")).containsExactly("1");
      sql.execute("DELETE FROM passenger WHERE pnr = 'BBBBBB'");
      assertThat(strings(sql, "SELECT sold FROM flight_cabin")).containsExactly("0");
    }
  }

  @Test
  void checksRefuseMalformedRows() throws SQLException {
    try (Connection connection = connect(); Statement sql = connection.createStatement()) {
      assertThatThrownBy(() -> sql.execute("INSERT INTO booking (pnr) VALUES ('k7q2zb')"))
          .hasMessageContaining("booking_pnr_check");
      assertThatThrownBy(() -> sql.execute("""
          INSERT INTO flight (flight_no, flight_date, origin, destination, departure, departure_offset, arrival,
                              arrival_offset)
          VALUES ('WN2', '2026-11-22', 'MDW', 'DEN', '2026-11-22T10:00:00-06', -21600, '2026-11-22T09:00:00-06', 0)"""))
          .hasMessageContaining("flight_arrives_after_departure");
    }
  }
}
