package com.paxcare.cases;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.paxcare.Config;
import com.paxcare.PaxCareNode;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole story, through the API a contact centre, a gate, a crew and a care desk use: Peggy Uhle is on a
 * taxiing flight to Columbus when her husband reports that their son is in intensive care in Denver.
 */
class MissionStoryTest {
  private static final Vertx SMS_GATEWAY = Vertx.vertx();
  private static final List<JsonObject> SMS_RECEIVED = new CopyOnWriteArrayList<>();
  private static GreenMail smtp;
  private static HttpServer smsServer;
  private static PaxCareNode node;
  private static Http http;
  private static final Story story = new Story();

  @BeforeAll
  static void start() throws Exception {
    int smtpPort = TestNodes.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    smsServer = SMS_GATEWAY.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      SMS_RECEIVED.add(body.toJsonObject());
      request.response().setStatusCode(202).end();
    })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    int port = TestNodes.freePort();
    Config config = Config.from(TestNodes.environment("story-" + UUID.randomUUID(), "story", port,
        "127.0.0.1:" + port, Map.of(
            "PAXCARE_SMTP_HOST", "127.0.0.1", "PAXCARE_SMTP_PORT", Integer.toString(smtpPort),
            "PAXCARE_SMS_URL", "http://127.0.0.1:" + smsServer.actualPort() + "/sms",
            "PAXCARE_FOLLOWUP_DELAY_HOURS", "24")));
    node = TestNodes.start(config, TestDatabase.fresh());
    http = new Http(node.httpPort());
    assertThat(http.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy())).status()).isEqualTo(200);
    assertThat(http.post("/api/v1/feed/bsm", "text/plain", story.peggysBag()).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
    smtp.stop();
    SMS_GATEWAY.close();
  }

  @Test
  void sheIsRecalledRebookedFreeHerBagFollowsEveryoneIsToldAndTheCallBackClosesTheCase() throws Exception {
    // The husband calls; the contact centre reports the family emergency.
    var reported = http.postJson("/api/v1/events", Story.familyEmergency());
    assertThat(reported.status()).isEqualTo(201);
    JsonObject opened = reported.json();
    String caseId = opened.getString("id");
    assertThat(opened.getString("status")).isEqualTo("OPEN");
    assertThat(opened.getJsonObject("passenger").getString("lastName")).isEqualTo("UHLE");
    assertThat(opened.getJsonObject("location").getString("phase")).isEqualTo("DOORS_CLOSED_OR_TAXIING");
    assertThat(opened.getJsonObject("location").getString("seat")).isEqualTo("14C");
    assertThat(opened.getJsonArray("plan").stream().map(s -> ((JsonObject) s).getString("step")))
        .containsExactly("RECALL", "CREW_MESSAGE", "REBOOK", "BAGS", "CARE", "CONFIRM", "FOLLOW_UP");

    JsonObject done = CaseAwait.planDone(http, caseId);

    // The gate's tablet: who, where she sits, why, whom she must call.
    String today = story.taxiing.getString("date");
    JsonArray alerts = http.get("/api/v1/gates/MDW/B12/alerts").json().getJsonArray("alerts");
    JsonObject recall = first(alerts, "RECALL");
    assertThat(recall.getString("passenger")).isEqualTo("PEGGY UHLE");
    assertThat(recall.getString("seat")).isEqualTo("14C");
    assertThat(recall.getString("reason")).isEqualTo("FAMILY_EMERGENCY");
    assertThat(recall.getJsonObject("call").getString("phone")).isEqualTo("+13125550199");
    JsonObject offload = first(alerts, "BAG_OFFLOAD");
    assertThat(offload.getJsonArray("tags")).containsExactly("0526100001");

    // The crew is asked to bring her back, and acknowledges.
    JsonArray messages = http.get("/api/v1/crew/messages?flight=WN1234&date=" + today).json().getJsonArray("messages");
    assertThat(messages.getJsonObject(0).getString("text")).startsWith("PAX RECALL UHLE/PEGGY SEAT 14C")
        .contains("RETURN TO GATE");
    long messageId = messages.getJsonObject(0).getLong("id");
    var ack = http.post("/api/v1/crew/messages/" + messageId + "/ack", "application/json", "{}");
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json().getBoolean("acknowledged")).isTrue();

    // The gate has her off the aircraft.
    var deplaned = http.postJson("/api/v1/cases/" + caseId + "/recall", new JsonObject().put("status", "DEPLANED"));
    assertThat(deplaned.status()).isEqualTo(200);
    assertThat(deplaned.json().getString("recall")).isEqualTo("DEPLANED");

    // Rebooked on the earliest arrival to Denver, free, with a waiver, and priority boarding.
    JsonObject rebooking = done.getJsonObject("rebooking");
    JsonObject leg = rebooking.getJsonArray("itinerary").getJsonObject(0);
    assertThat(rebooking.getJsonArray("itinerary")).hasSize(1);
    assertThat(leg.getString("flight")).isEqualTo("WN2001");
    assertThat(leg.getString("seat")).isNotBlank();
    assertThat(rebooking.getBoolean("priorityBoarding")).isTrue();
    JsonObject reissue = rebooking.getJsonObject("reissue");
    assertThat(reissue.getString("fareDifference")).isEqualTo("0.00");
    assertThat(reissue.getString("changeFee")).isEqualTo("0.00");
    assertThat(reissue.getString("waiverCode")).isEqualTo("COMPASSN");
    assertThat(reissue.getString("endorsement")).startsWith("INVOL REISSUE - COMPASSIONATE");
    assertThat(reissue.getString("newTicket")).startsWith("526").hasSize(13);
    JsonArray segments = http.get("/api/v1/bookings/K7Q2ZB").json().getJsonArray("segments");
    assertThat(segments.stream().map(s -> ((JsonObject) s).getString("flight") + " " + ((JsonObject) s)
        .getString("status"))).containsExactlyInAnyOrder("WN1234 CANCELLED", "WN2001 CHECKED_IN");
    JsonObject denver = http.get("/api/v1/flights/WN2001/" + story.directToDenver.getString("date") + "/MDW").json();
    assertThat(denver.getJsonObject("seats").getJsonObject("Y").getInteger("sold")).isEqualTo(1);

    // Her bag: a DEL for the old routing and a new BSM to Denver for the baggage system.
    String outbound = http.get("/api/v1/bsm/outbound").body();
    assertThat(outbound).contains("BSM\nDEL\n").contains(".N/0526100001001").contains(".B/OFF");
    assertThat(outbound).containsPattern("(?s)BSM\\n\\.V/1LMDW\\n\\.F/WN2001/\\d\\d[A-Z]{3}/DEN/Y.*\\.E/PRIO");
    assertThat(done.getJsonArray("bags").getJsonObject(0).getJsonArray("route").getJsonObject(0)
        .getString("flight")).isEqualTo("WN2001");

    // Care: a private waiting area and a meal voucher.
    assertThat(done.getJsonArray("care").stream().map(c -> ((JsonObject) c).getString("kind")))
        .containsExactly("WAITING_AREA", "MEAL_VOUCHER");

    // Confirmations reach her and her husband, by SMS and e-mail.
    CaseAwait.until(() -> SMS_RECEIVED.size() >= 2, "two SMS delivered");
    assertThat(SMS_RECEIVED.stream().map(sms -> sms.getString("to")))
        .containsExactlyInAnyOrder("+13125550142", "+13125550199");
    assertThat(SMS_RECEIVED.stream().map(sms -> sms.getString("text"))).allMatch(text -> text.contains("WN2001"));
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("peggy.uhle@example.com");
    assertThat(mail.getSubject()).contains("DEN");
    assertThat((String) mail.getContent()).contains("WN2001").contains(leg.getString("seat"));
    CaseAwait.until(() -> http.get("/api/v1/cases/" + caseId).json().getJsonArray("notifications").stream()
        .allMatch(n -> "SENT".equals(((JsonObject) n).getString("status"))), "all notifications SENT");
    // Each went out at its first attempt, and when it went out is recorded.
    assertThat(http.get("/api/v1/cases/" + caseId).json().getJsonArray("notifications").stream()
        .map(n -> (JsonObject) n)).allSatisfy(n -> {
          assertThat(n.getInteger("attempts")).isEqualTo(1);
          assertThat(n.getString("sentAt")).isNotNull();
        });

    // A follow-up call is due a day after she lands in Denver; completing it closes the case.
    JsonObject followUp = http.get("/api/v1/followups?status=DUE").json().getJsonArray("followUps").stream()
        .map(f -> (JsonObject) f).filter(f -> f.getString("caseId").equals(caseId)).findFirst().orElseThrow();
    assertThat(OffsetDateTime.parse(followUp.getString("dueAt")))
        .isEqualTo(OffsetDateTime.parse(leg.getString("arrival")).plusHours(24));
    var completed = http.postJson("/api/v1/followups/" + followUp.getLong("id") + "/complete",
        new JsonObject().put("outcome", "Son stable; Peggy with him in Denver. Thanked the crew."));
    assertThat(completed.status()).isEqualTo(200);
    JsonObject closed = http.get("/api/v1/cases/" + caseId).json();
    assertThat(closed.getString("status")).isEqualTo("CLOSED");
    assertThat(http.get("/api/v1/cases?status=OPEN").json().getJsonArray("cases").stream()
        .map(c -> ((JsonObject) c).getString("id"))).doesNotContain(caseId);

    // One timeline, in order, with who did what.
    List<String> timeline = closed.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("action"))
        .toList();
    assertThat(timeline).containsSubsequence("case opened", "RECALL done", "CREW_MESSAGE done", "REBOOK done",
        "BAGS done", "CARE done", "CONFIRM done", "FOLLOW_UP done", "follow-up call completed", "case closed");
    assertThat(timeline).contains("crew acknowledged", "passenger deplaned");
  }

  private static JsonObject first(JsonArray alerts, String kind) {
    return alerts.stream().map(a -> (JsonObject) a).filter(a -> kind.equals(a.getString("kind"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " alert in " + alerts.encodePrettily()));
  }
}
