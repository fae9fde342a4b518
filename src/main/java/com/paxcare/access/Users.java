package com.paxcare.access;

import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.Optional;

import static com.paxcare.db.schema.Tables.APP_USER;

/** People who sign in with a password, and the scope each is bound to. */
public final class Users {
  private final Pool pool;
  private final Passwords passwords;

  public Users(Pool pool, Passwords passwords) {
    this.pool = pool;
    this.passwords = passwords;
  }

  /** A new user; the role's scope comes with it (the database refuses a gate agent without a station). */
  public record NewUser(String username, String password, Role role, String station, String flight, LocalDate date) {
    Principal principal() {
      return new Principal(username, role, station, flight, date, null);
    }
  }

  /** Creates the user; empty when the name is taken. */
  public Future<Optional<JsonObject>> create(NewUser user, String createdBy) {
    return passwords.hash(user.password()).compose(hash -> Sql.run(pool, insert(user, hash, createdBy)
            .onConflictDoNothing()
            .returning(APP_USER.USERNAME)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(user.principal().describe()));
  }

  /** Creates the user, or replaces its password and scope (demo users follow the demo airline's story flight). */
  public Future<Void> put(NewUser user, String createdBy) {
    return passwords.hash(user.password()).compose(hash -> Sql.run(pool, insert(user, hash, createdBy)
            .onConflict(APP_USER.USERNAME).doUpdate()
            .set(APP_USER.PASSWORD_HASH, DSL.excluded(APP_USER.PASSWORD_HASH))
            .set(APP_USER.ROLE, DSL.excluded(APP_USER.ROLE))
            .set(APP_USER.STATION, DSL.excluded(APP_USER.STATION))
            .set(APP_USER.FLIGHT_NO, DSL.excluded(APP_USER.FLIGHT_NO))
            .set(APP_USER.FLIGHT_DATE, DSL.excluded(APP_USER.FLIGHT_DATE))))
        .mapEmpty();
  }

  private static org.jooq.InsertSetMoreStep<com.paxcare.db.schema.tables.records.AppUserRecord> insert(NewUser user,
      String hash, String createdBy) {
    return Sql.dsl().insertInto(APP_USER)
        .set(APP_USER.USERNAME, user.username())
        .set(APP_USER.PASSWORD_HASH, hash)
        .set(APP_USER.ROLE, user.role().code())
        .set(APP_USER.STATION, user.station())
        .set(APP_USER.FLIGHT_NO, user.flight())
        .set(APP_USER.FLIGHT_DATE, user.date())
        .set(APP_USER.CREATED_BY, createdBy);
  }

  /** The principal when name and password match; empty otherwise, taking as long either way. */
  public Future<Optional<Principal>> signIn(String username, String password) {
    return Sql.run(pool, Sql.dsl().selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)))
        .compose(rows -> {
          Row row = rows.size() == 0 ? null : rows.iterator().next();
          return passwords.matches(password, row == null ? null : row.getString("password_hash"))
              .map(ok -> ok ? Optional.of(principal(row)) : Optional.<Principal>empty());
        });
  }

  public Future<JsonArray> list() {
    return Sql.run(pool, Sql.dsl().selectFrom(APP_USER).orderBy(APP_USER.USERNAME)).map(rows -> {
      JsonArray users = new JsonArray();
      rows.forEach(row -> users.add(principal(row).describe()
          .put("createdAt", row.getOffsetDateTime("created_at").toString())
          .put("createdBy", row.getString("created_by"))));
      return users;
    });
  }

  /** At first start, the admin named by configuration; an existing admin keeps its password. */
  public Future<Boolean> ensure(NewUser user, String createdBy) {
    return create(user, createdBy).map(Optional::isPresent);
  }

  private static Principal principal(Row row) {
    return new Principal(row.getString("username"), Role.fromCode(row.getString("role")).orElseThrow(),
        row.getString("station"), row.getString("flight_no"), row.getLocalDate("flight_date"), null);
  }
}
