package com.paxcare.screens;

import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.cases.CaseAwaitAccess;
import com.paxcare.db.Database;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mission story played through the screens, in Debian's Chromium, on a two-node cluster: the gate tablet is
 * connected to node B, everyone else to node A. The care desk reports the emergency, the alert shows on the
 * tablet within a second, the agent acknowledges and marks her deplaned, the crew acknowledges, the care desk
 * reads the timeline, ops sees the board, and the passenger page shows the new flight. Then the tablet's node goes
 * away while another alert is raised: the tablet reconnects by itself and shows it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MissionThroughTheScreensTest {
  private static final String PASSWORD = "screen password";
  private static final Story story = new Story();
  private static Database database;
  private static String cluster;
  private static int clusterPortA;
  private static PaxCareNode nodeA;
  private static PaxCareNode nodeB;
  private static Map<String, String> environmentB;
  private static Http http;
  private static Browser tablet;
  private static Browser desk;
  private static String caseId;

  @BeforeAll
  static void start() {
    // CI installs Chromium (.ci/run); elsewhere, without it, say so rather than fail.
    boolean ci = System.getenv("CI") != null;
    if (!ci) {
      Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    }
    database = TestDatabase.fresh();
    cluster = "screens-" + UUID.randomUUID();
    clusterPortA = TestNodes.freePort();
    int clusterPortB = TestNodes.freePort();
    String members = "127.0.0.1:" + clusterPortA + ",127.0.0.1:" + clusterPortB;
    nodeA = TestNodes.start(Config.from(TestNodes.environment(cluster, "a", clusterPortA, members, Map.of())), database);
    environmentB = TestNodes.environment(cluster, "b", clusterPortB, members, Map.of());
    nodeB = TestNodes.start(Config.from(environmentB), database);
    http = new Http(nodeA.httpPort());
    JsonObject boardedToo = Story.booking("QW3RTY", "MARK", "SMITH", "+13125550111", null, story.taxiing, "20A",
        "BOARDED", "5262100000002");
    assertThat(http.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy()).add(boardedToo)).status())
        .isEqualTo(200);
    assertThat(http.post("/api/v1/feed/bsm", "text/plain", story.peggysBag()).status()).isEqualTo(200);
    String date = story.taxiing.getString("date");
    for (JsonObject user : new JsonObject[] {
        new JsonObject().put("username", "gate").put("role", "gate").put("station", "MDW"),
        new JsonObject().put("username", "crew").put("role", "crew").put("flight", "WN1234").put("date", date),
        new JsonObject().put("username", "care").put("role", "care"),
        new JsonObject().put("username", "ops").put("role", "ops")}) {
      assertThat(http.postJson("/api/v1/users", user.put("password", PASSWORD)).status()).isEqualTo(201);
    }
    tablet = new Browser(nodeB.httpPort(), 1024, 768);
    desk = new Browser(nodeA.httpPort(), 1280, 900);
  }

  @AfterAll
  static void stop() {
    if (tablet != null) {
      tablet.close();
    }
    if (desk != null) {
      desk.close();
    }
    TestNodes.stop(nodeB);
    TestNodes.stop(nodeA);
  }

  @Test
  @Order(1)
  void theCareDeskReportsAndTheAlertShowsOnTheGateTabletWithinASecond() {
    tablet.signIn("gate", PASSWORD, "/gate.html");
    tablet.visible(By.cssSelector("#connection[data-state='online']"), 10);
    tablet.screenshot("gate-tablet-waiting");

    desk.signIn("care", PASSWORD, "/care.html");
    // The form validates as the API does: an empty report is refused, and the field is named next to its input.
    desk.click(By.id("report-submit"));
    desk.waitFor(d -> !d.findElement(By.cssSelector("[data-error-for='type']")).getText().isBlank(), 10);
    new Select(desk.visible(By.cssSelector("#report-form [name='type']"), 5)).selectByValue("FAMILY_EMERGENCY");
    desk.type(By.cssSelector("#report-form [name='pnr']"), "K7Q2ZB");
    desk.type(By.cssSelector("#report-form [name='lastName']"), "UHLE");
    desk.type(By.cssSelector("#report-form [name='destination']"), "DEN");
    desk.type(By.cssSelector("#report-form [name='reporter.name']"), "MR UHLE");
    desk.type(By.cssSelector("#report-form [name='reporter.phone']"), "+13125550199");
    desk.type(By.cssSelector("#report-form [name='note']"), "Son in intensive care in Denver");
    desk.screenshot("care-desk-report");
    desk.click(By.id("report-submit"));
    desk.visible(By.id("report-result"), 10);
    long reported = System.nanoTime();

    // The event is recorded: the tablet on the other node shows the alert within a second.
    By alert = By.cssSelector(".alert[data-kind='RECALL']");
    tablet.visible(alert, 1);
    long shownAfterMs = (System.nanoTime() - reported) / 1_000_000;
    System.out.println("Gate tablet showed the alert " + shownAfterMs + " ms after the report was answered");
    caseId = tablet.attribute(alert, "data-case-id");
    assertThat(tablet.text(alert)).contains("UHLE").contains("14C").contains("MR UHLE");
    tablet.screenshot("gate-tablet-alert");
  }

  @Test
  @Order(2)
  void theAgentAcknowledgesMarksHerDeplanedHandsOverTheVoucherAndSeesTheNewBoardingPass() throws Exception {
    JsonObject done = CaseAwaitAccess.planDone(http, caseId);
    assertThat(done.getJsonObject("rebooking").getJsonArray("itinerary").getJsonObject(0).getString("flight"))
        .isEqualTo("WN2001");
    String alert = ".alert[data-case-id='" + caseId + "'][data-kind='RECALL']";
    tablet.click(By.cssSelector(alert + " [data-action='ack']"));
    tablet.click(By.cssSelector(alert + " [data-action='deplaned']"));
    tablet.click(By.cssSelector(alert + " [data-action='meal-voucher']"));
    tablet.click(By.cssSelector(alert + " [data-action='offloaded']"));
    tablet.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(alert + " .bag"), "data-status", "REROUTED"), 10);
    tablet.click(By.cssSelector(alert + " [data-action='boarding-pass']"));
    tablet.waitForText(By.id("boarding-pass"), "WN2001", 10);
    assertThat(tablet.text(By.id("boarding-pass"))).contains("DEN");
    tablet.screenshot("gate-tablet-boarding-pass");
    tablet.click(By.id("close-boarding-pass"));
    tablet.resize(768, 1024);
    tablet.screenshot("gate-tablet-portrait");
    tablet.resize(1024, 768);

    JsonObject view = http.get("/api/v1/cases/" + caseId).json();
    assertThat(view.getString("recall")).isEqualTo("DEPLANED");
    assertThat(view.getJsonArray("care").stream().map(c -> (JsonObject) c)
        .filter(c -> "MEAL_VOUCHER".equals(c.getString("kind"))).findFirst().orElseThrow()
        .getString("handedOverBy")).isEqualTo("gate agent gate (MDW)");
    assertThat(view.getJsonArray("bags").getJsonObject(0).getString("offloadedBy")).isEqualTo("gate agent gate (MDW)");
    assertThat(view.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("action")))
        .contains("gate acknowledged alert", "passenger deplaned", "meal voucher handed over", "bag offloaded");
  }

  @Test
  @Order(3)
  void theCrewAcknowledges() {
    desk.signIn("crew", PASSWORD, "/crew.html");
    desk.waitForText(By.id("messages"), "PAX RECALL UHLE/PEGGY", 10);
    assertThat(desk.text(By.id("messages"))).contains("OFFLOAD 1 BAG OF PAX UHLE");
    desk.screenshot("crew-messages");
    String recall = desk.driver().findElements(By.cssSelector(".message")).stream()
        .filter(m -> m.getText().contains("PAX RECALL")).findFirst().orElseThrow().getAttribute("data-message-id");
    desk.click(By.cssSelector(".message[data-message-id='" + recall + "'] [data-action='ack']"));
    desk.waitFor(d -> recallMessage().getBoolean("acknowledged"), 10);
    assertThat(recallMessage().getString("acknowledgedBy")).startsWith("crew of WN1234");
  }

  private static JsonObject recallMessage() {
    return http.get("/api/v1/cases/" + caseId).json().getJsonArray("crewMessages").stream()
        .map(m -> (JsonObject) m).filter(m -> m.getString("text").startsWith("PAX RECALL")).findFirst().orElseThrow();
  }

  @Test
  @Order(4)
  void theCareDeskReadsTheTimelineAndTheFollowUpIsListed() {
    desk.signIn("care", PASSWORD, "/care.html");
    desk.click(By.cssSelector(".case[data-case-id='" + caseId + "']"));
    desk.waitForText(By.id("timeline"), "deplaned", 10);
    assertThat(desk.text(By.id("timeline"))).containsIgnoringCase("crew acknowledged");
    desk.visible(By.cssSelector(".followup"), 10);
    desk.screenshot("care-desk-case");
  }

  @Test
  @Order(6)
  void theCareDeskCompletesTheFollowUpWithItsOutcome() {
    desk.signIn("care", PASSWORD, "/care.html");
    long followUp = http.get("/api/v1/followups?status=DUE").json().getJsonArray("followUps").getJsonObject(0)
        .getLong("id");
    By card = By.cssSelector(".followup[data-followup-id='" + followUp + "']");
    desk.type(By.cssSelector(".followup[data-followup-id='" + followUp + "'] textarea.outcome"),
        "Spoke to Mr Uhle: their son is awake, Peggy is with him");
    desk.click(By.cssSelector(".followup[data-followup-id='" + followUp + "'] [data-action='complete']"));
    desk.waitFor(d -> d.findElements(card).isEmpty() || "DONE".equals(followUpStatus(followUp)), 10);
    assertThat(followUpStatus(followUp)).isEqualTo("DONE");
    JsonObject done = http.get("/api/v1/cases/" + caseId).json();
    assertThat(done.getJsonObject("followUp").getString("outcome")).contains("their son is awake");
    assertThat(done.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("by")))
        .contains("care desk care");
  }

  private static String followUpStatus(long id) {
    return http.get("/api/v1/cases/" + caseId).json().getJsonObject("followUp").getString("status");
  }

  @Test
  @Order(5)
  void opsSeesTheBoard() {
    desk.signIn("ops", PASSWORD, "/ops.html");
    desk.waitFor(d -> !d.findElement(By.cssSelector("[data-count='openCases']")).getText().isBlank()
        && !"0".equals(d.findElement(By.cssSelector("[data-count='openCases']")).getText().trim()), 10);
    desk.waitForText(By.id("flights"), "WN1234", 10);
    desk.screenshot("ops-board");
  }

  @Test
  @Order(7)
  void thePassengerPageShowsTheNewFlightAndThatNothingIsCharged() {
    desk.signInPassenger("K7Q2ZB", "Uhle");
    desk.waitForText(By.id("itinerary"), "WN2001", 10);
    assertThat(desk.text(By.id("no-charge"))).containsIgnoringCase("nothing is charged");
    desk.screenshot("passenger");
    desk.click(By.id("lang"));
    desk.waitForText(By.id("no-charge"), "No se le cobra nada", 10);
    desk.screenshot("passenger-es");
  }

  @Test
  @Order(8)
  void aTabletThatLostItsConnectionCatchesUpWithTheAlertItMissed() {
    // The tablet's node goes away: the tablet shows it is offline.
    TestNodes.stop(nodeB);
    nodeB = null;
    tablet.visible(By.cssSelector("#connection[data-state='offline']"), 15);

    // Meanwhile another passenger of the taxiing flight is reported, on node A.
    var reported = http.postJson("/api/v1/events", new JsonObject().put("type", "MEDICAL_EMERGENCY")
        .put("pnr", "QW3RTY").put("lastName", "SMITH").put("destination", "MDW")
        .put("reporter", new JsonObject().put("name", "MRS SMITH").put("phone", "+13125550112")));
    assertThat(reported.status()).isEqualTo(201);
    String missed = reported.json().getString("id");

    // The node comes back on the same address; the tablet reconnects by itself and shows the alert it missed.
    Map<String, String> again = new java.util.HashMap<>(environmentB);
    again.put("PAXCARE_CLUSTER_PORT", Integer.toString(TestNodes.freePort()));
    nodeB = TestNodes.start(Config.from(again), database);
    tablet.visible(By.cssSelector(".alert[data-case-id='" + missed + "']"), 30);
    tablet.visible(By.cssSelector("#connection[data-state='online']"), 5);
    tablet.screenshot("gate-tablet-caught-up");
  }
}
