package com.paxcare.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A full flight cancelled while urgent events keep coming: urgent events at {@code -Drate} a second for
 * {@code -Dseconds}, and after {@code -Dcancel.after} seconds (10) the cancellation of a flight of
 * {@code -Dcancel.passengers} (300). The group "cancellation, raised to done" is the time from raising it to
 * reading it DONE (read every 50 ms: every passenger re-accommodated or waitlisted, tickets, bags, notices queued),
 * as Gatling's cumulated response time of the group; the run also prints the server's own figure, from recording
 * the cancellation to its last passenger done. "urgent event" shows whether urgent answers kept their latency.
 * {@code -Dpaxcare.url} names the node, or {@code -Dpaxcare.urls} a cluster's nodes (comma-separated), which the
 * urgent events go to in turn.
 */
public class CancellationWithUrgentEventsSimulation extends Simulation {
  private static final List<String> NODES = World.nodes();
  private static final int RATE = Integer.getInteger("rate", 50);
  private static final int SECONDS = Integer.getInteger("seconds", 30);
  private static final int CANCEL_AFTER = Integer.getInteger("cancel.after", 10);
  private static final int CANCEL_PASSENGERS = Integer.getInteger("cancel.passengers", 300);

  private final World world = World.seed(NODES.get(0), System.getProperty("paxcare.user", "admin"),
      System.getProperty("paxcare.password", "paxcare-demo"), RATE * SECONDS + RATE, CANCEL_PASSENGERS);

  // Round-robin per virtual user over the nodes: each urgent event to the next node, the cancellation to one.
  private final HttpProtocolBuilder protocol = http.baseUrls(NODES)
      .authorizationHeader("Bearer " + world.token)
      .contentTypeHeader("application/json").acceptHeader("application/json")
      .shareConnections();

  private final ScenarioBuilder urgentEvents = scenario("urgent events")
      .feed(listFeeder(world.passengers).queue())
      .exec(http("urgent event").post("/api/v1/events")
          .body(StringBody("{\"type\":\"FAMILY_EMERGENCY\",\"pnr\":\"#{pnr}\",\"lastName\":\"#{lastName}\","
              + "\"destination\":\"DEN\",\"reporter\":{\"name\":\"RELATIVE\",\"phone\":\"+13125559999\"}}"))
          .check(status().is(201)));

  private final ScenarioBuilder cancellation = scenario("cancellation")
      .pause(Duration.ofSeconds(CANCEL_AFTER))
      .group("cancellation, raised to done").on(
          exec(http("raise cancellation").post("/api/v1/events").body(StringBody(world.cancellable))
              .check(status().is(202), jsonPath("$.id").saveAs("disruption")))
          .asLongAs(session -> !"DONE".equals(session.getString("status"))).on(
              pause(Duration.ofMillis(50))
              .exec(http("read progress").get("/api/v1/disruptions/#{disruption}")
                  .check(status().is(200), jsonPath("$.status").saveAs("status"),
                      jsonPath("$.createdAt").saveAs("createdAt"), jsonPath("$.finishedAt").optional()
                          .saveAs("finishedAt")))))
      // The server's own account: from recording the cancellation to the last passenger done.
      .exec(session -> {
        java.time.Duration took = java.time.Duration.between(java.time.Instant.parse(session.getString("createdAt")),
            java.time.Instant.parse(session.getString("finishedAt")));
        System.out.println("Cancellation of " + CANCEL_PASSENGERS + " passengers: raised to done in "
            + took.toMillis() + " ms (server clock)");
        return session;
      });

  {
    setUp(urgentEvents.injectOpen(constantUsersPerSec(RATE).during(SECONDS)),
        cancellation.injectOpen(atOnceUsers(1)))
        .protocols(protocol)
        .maxDuration(Duration.ofSeconds(SECONDS + 120))
        .assertions(global().failedRequests().count().is(0L));
  }
}
