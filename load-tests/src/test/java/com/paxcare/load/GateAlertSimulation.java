package com.paxcare.load;

import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * Gate tablets on the live socket, and the time from reporting an urgent event to its recall alert on a tablet.
 * {@code -Dtablets} gate tablets (10) at Midway, signed in as the demo gate agent and subscribed to the station,
 * each reporting an event for a passenger boarding there every {@code tablets / rate} seconds (so {@code -Drate}
 * events a second in all, for {@code -Dseconds}) and waiting until its own passenger's alert arrives on its socket.
 *
 * <p>The group "event to gate alert" is that time as Gatling sees it (from sending the event to noticing the
 * alert, looked for every 2 ms); the run also prints the exact figures, from sending the event to the frame's
 * arrival as Gatling stamped it.
 *
 * <p>Against a cluster ({@code -Dpaxcare.urls}, the nodes comma-separated; {@code -Dpaxcare.url} names one node)
 * tablet <i>i</i> holds its socket on node <i>i</i> mod <i>n</i> and reports its events to the NEXT node, so every
 * alert it waits for crosses the clustered event bus: the node that took the event publishes the wake-up to all
 * nodes, the one that claims the recall step (any of them) publishes the alert to all, and the tablet's socket is
 * on another node than the one that took the event. With one node, socket and events share it, as before.
 */
public class GateAlertSimulation extends Simulation {
  /** What each screen waits for after reporting its event: the address it listens to, who signs in, what matches. */
  protected record Watch(String group, String address, String signInAs, String kind, String summary) {
  }

  static final Watch GATE_ALERT = new Watch("event to gate alert", "paxcare.station.MDW",
      System.getProperty("paxcare.gate", "gate"), "RECALL", "Event to gate alert on the tablet");

  private static final List<String> NODES = World.nodes();
  private static final int RATE = Integer.getInteger("rate", 50);
  private static final int SECONDS = Integer.getInteger("seconds", 30);
  private static final int TABLETS = Integer.getInteger("tablets", 10);
  private static final String PASSWORD = System.getProperty("paxcare.password", "paxcare-demo");
  private static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();

  private final Watch watch;
  private final World world = World.seed(NODES.get(0), System.getProperty("paxcare.user", "admin"), PASSWORD,
      RATE * SECONDS + RATE * 2);

  // Pushes no check is waiting for are kept (by default Gatling drops them): the tablets look through them.
  // Every request names its node (absolute URLs, below): the tablet chooses, not Gatling's round-robin.
  private final HttpProtocolBuilder protocol = http
      .wsUnmatchedInboundMessageBufferSize(10_000)
      .contentTypeHeader("application/json").acceptHeader("application/json");

  public GateAlertSimulation() {
    this(GATE_ALERT);
  }

  protected GateAlertSimulation(Watch watch) {
    this.watch = watch;
    String token = World.tokenOf(NODES.get(0), watch.signInAs(), PASSWORD);
    ScenarioBuilder screens = scenario("screens")
      .exec(GateAlertSimulation::chooseNodes)
      .exec(ws("live socket").connect("#{socketNode}/api/v1/live"))
      .exec(ws("sign in").sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}")
          .await(Duration.ofSeconds(10)).on(ws.checkTextMessage("ready").check(regex("\"type\"\\s*:\\s*\"ready\""))))
      .exec(ws("subscribe").sendText("{\"type\":\"subscribe\",\"address\":\"" + watch.address() + "\"}")
          .await(Duration.ofSeconds(10)).on(ws.checkTextMessage("subscribed")
              .check(regex("\"type\"\\s*:\\s*\"subscribed\""))))
      .during(Duration.ofSeconds(SECONDS)).on(
          pace(Duration.ofMillis(1000L * TABLETS / RATE))
          .feed(listFeeder(world.passengers).queue())
          // Pushes that arrived meanwhile are someone else's: forget them.
          .exec(ws.processUnmatchedMessages((messages, session) -> session))
          .group(watch.group()).on(
              exec(session -> session.set("sentAt", System.currentTimeMillis()).remove("alertAt"))
              .exec(http("urgent event").post("#{eventNode}/api/v1/events")
                  .header("Authorization", "Bearer " + world.token)
                  .body(StringBody("{\"type\":\"FAMILY_EMERGENCY\",\"pnr\":\"#{pnr}\",\"lastName\":\"#{lastName}\","
                      + "\"destination\":\"DEN\",\"reporter\":{\"name\":\"RELATIVE\",\"phone\":\"+13125559999\"}}"))
                  .check(status().is(201)))
              .asLongAs(session -> !session.contains("alertAt")).on(
                  exec(ws.processUnmatchedMessages(this::findAwaited))
                  .doIf(session -> !session.contains("alertAt")).then(pause(Duration.ofMillis(2))))))
      .exec(ws("close").close());
    setUp(screens.injectOpen(atOnceUsers(TABLETS)))
        .protocols(protocol)
        .maxDuration(Duration.ofSeconds(SECONDS + 60))
        .assertions(global().failedRequests().count().is(0L));
  }

  /** Tablet i: its socket on node i mod n, its events to the next node (the same one when there is only one). */
  private static Session chooseNodes(Session session) {
    int tablet = (int) ((session.userId() - 1) % NODES.size());
    String socketNode = NODES.get(tablet);
    String eventNode = NODES.get((tablet + 1) % NODES.size());
    System.out.println("Tablet " + session.userId() + ": socket on " + socketNode + ", events to " + eventNode);
    return session.set("socketNode", socketNode.replaceFirst("^http", "ws")).set("eventNode", eventNode);
  }

  /** Looks for this screen's passenger's push among those received; records when it arrived. */
  private Session findAwaited(List<WsInboundMessage> messages, Session session) {
    String pnr = "\"pnr\":\"" + session.getString("pnr") + "\"";
    for (WsInboundMessage message : messages) {
      if (message instanceof WsInboundMessage.Text text && text.message().contains(pnr)
          && (watch.kind() == null || text.message().contains("\"kind\":\"" + watch.kind() + "\""))) {
        LATENCIES.add(text.timestamp() - session.getLong("sentAt"));
        return session.set("alertAt", text.timestamp());
      }
    }
    return session;
  }

  @Override
  public void after() {
    List<Long> sorted = new ArrayList<>(LATENCIES);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.println(watch.summary() + ": nothing arrived");
      return;
    }
    System.out.printf("%s, %d events: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", watch.summary(),
        sorted.size(), at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1));
  }

  private static long at(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }
}
