package com.paxcare.demo;

import com.paxcare.access.Role;
import com.paxcare.access.Users;
import com.paxcare.db.Sql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;

import static com.paxcare.db.schema.Tables.FLIGHT;
import static com.paxcare.db.schema.Tables.SEGMENT;

/**
 * One user per role for the demo, all with the password {@link #PASSWORD} (README, "Demo users"). The crew user
 * flies the story flight; the gate agent works its station.
 */
public final class DemoUsers {
  public static final String PASSWORD = "paxcare-demo";

  private DemoUsers() {
  }

  public static Future<List<Users.NewUser>> ensure(Pool pool, Users users) {
    return Sql.run(pool, Sql.dsl().select(FLIGHT.FLIGHT_NO, FLIGHT.FLIGHT_DATE, FLIGHT.ORIGIN).from(SEGMENT)
            .join(FLIGHT).on(FLIGHT.ID.eq(SEGMENT.FLIGHT_ID))
            .where(SEGMENT.PNR.eq(DemoAirline.STORY_PNR)).orderBy(FLIGHT.DEPARTURE).limit(1))
        .compose(rows -> {
          List<Users.NewUser> demo = new ArrayList<>(List.of(
              new Users.NewUser("ops", PASSWORD, Role.OPS, null, null, null),
              new Users.NewUser("care", PASSWORD, Role.CARE, null, null, null)));
          if (rows.size() > 0) {
            Row story = rows.iterator().next();
            demo.add(new Users.NewUser("gate", PASSWORD, Role.GATE, story.getString("origin"), null, null));
            demo.add(new Users.NewUser("crew", PASSWORD, Role.CREW, null, story.getString("flight_no"),
                story.getLocalDate("flight_date")));
          }
          Future<Void> all = Future.succeededFuture();
          for (Users.NewUser user : demo) {
            all = all.compose(v -> users.put(user, "demo"));
          }
          return all.map(demo);
        });
  }
}
