package com.paxcare.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Urgent personal events at a steady rate ({@code -Dprofile=steady}, the default) or as a burst ramping from
 * nothing to three times the rate ({@code -Dprofile=burst}), each for another passenger checked in on a flight
 * boarding at Midway: the recall, the crew message, the rebooking, bags, care and confirmations follow. Measures
 * the answer (the case recorded); every event must be answered 201.
 *
 * <p>{@code -Dpaxcare.url} (http://localhost:8080), or {@code -Dpaxcare.urls} (a cluster's nodes, comma-separated:
 * the events go to each in turn), {@code -Drate} events a second (50), {@code -Dseconds} (30),
 * {@code -Dpaxcare.user} / {@code -Dpaxcare.password} (the demo admin).
 */
public class UrgentEventsSimulation extends Simulation {
  private static final List<String> NODES = World.nodes();
  private static final int RATE = Integer.getInteger("rate", 50);
  private static final int SECONDS = Integer.getInteger("seconds", 30);
  private static final boolean BURST = "burst".equals(System.getProperty("profile", "steady"));
  private static final String[] TYPES = {"FAMILY_EMERGENCY", "MEDICAL_EMERGENCY", "BEREAVEMENT"};

  private final World world = World.seed(NODES.get(0), System.getProperty("paxcare.user", "admin"),
      System.getProperty("paxcare.password", "paxcare-demo"), (BURST ? 2 : 1) * RATE * SECONDS + RATE);

  // Each virtual user (here one event) takes the next node in turn: Gatling's baseUrls are round-robin per user.
  private final HttpProtocolBuilder protocol = http.baseUrls(NODES)
      .authorizationHeader("Bearer " + world.token)
      .contentTypeHeader("application/json").acceptHeader("application/json")
      .shareConnections();

  private final ScenarioBuilder urgentEvents = scenario("urgent events")
      .feed(listFeeder(world.passengers.stream().map(p -> {
        java.util.Map<String, Object> record = new java.util.HashMap<>(p);
        record.put("type", TYPES[Math.floorMod(p.get("pnr").hashCode(), TYPES.length)]);
        return record;
      }).toList()).queue())
      .exec(http("urgent event").post("/api/v1/events")
          .body(StringBody("{\"type\":\"#{type}\",\"pnr\":\"#{pnr}\",\"lastName\":\"#{lastName}\","
              + "\"destination\":\"DEN\",\"reporter\":{\"name\":\"RELATIVE\",\"phone\":\"+13125559999\"}}"))
          .check(status().is(201)));

  {
    setUp(urgentEvents.injectOpen(BURST
            ? rampUsersPerSec(1).to(RATE * 3.0).during(SECONDS)
            : constantUsersPerSec(RATE).during(SECONDS)))
        .protocols(protocol)
        .assertions(global().failedRequests().count().is(0L));
  }
}
