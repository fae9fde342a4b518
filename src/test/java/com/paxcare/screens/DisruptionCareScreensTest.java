package com.paxcare.screens;

import com.paxcare.PaxCareNode;
import com.paxcare.testing.Crowd;
import com.paxcare.testing.DisruptionAwait;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a cancellation, in Debian's Chromium: the care desk finds a waitlisted passenger's case among the
 * disruption's cases, reads her place in the priority order, its reason and her rights (US DOT, a domestic
 * cancellation: refund), and refunds her at her request; a re-accommodated passenger reads on her own page what
 * happened, her new flight and her rights, and chooses the refund herself, in two clicks. Each screen shows what
 * the API says.
 */
class DisruptionCareScreensTest {
  private static final String PASSWORD = "care screen password";
  private static final int SECONDS = 10;

  private static PaxCareNode node;
  private static Http http;
  private static Browser screen;
  private static final Crowd crowd = new Crowd();
  private static JsonObject disruption;

  @BeforeAll
  static void start() throws InterruptedException {
    // CI installs Chromium (.ci/run); elsewhere, without it, say so rather than fail.
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    }
    node = TestNodes.single(TestDatabase.fresh());
    http = new Http(node.httpPort());
    JsonObject full = crowd.toDenver("XX300", 3, 30);
    crowd.toDenver("XX302", 6, 18);
    crowd.book(full, 24, null);
    crowd.feed(http);
    Http.Answer created = http.postJson("/api/v1/users", new JsonObject().put("username", "care.refunds")
        .put("password", PASSWORD).put("role", "care"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Http.Answer raised = http.postJson("/api/v1/events", Crowd.cancellation(crowd.flights().getJsonObject(0)));
    assertThat(raised.status()).as(raised.body()).isEqualTo(202);
    disruption = DisruptionAwait.done(http, raised.json().getString("id"));
    screen = new Browser(node.httpPort(), 1400, 1000);
  }

  @AfterAll
  static void stop() {
    if (screen != null) {
      screen.close();
    }
    TestNodes.stop(node);
  }

  @Test
  void theCareDeskFindsAWaitlistedPassengerReadsHerPlaceAndRightsAndRefundsHer() {
    JsonArray waiting = disruption.getJsonArray("waiting");
    assertThat(waiting).as("some left without a seat").isNotEmpty();
    JsonObject last = waiting.getJsonObject(waiting.size() - 1);
    String caseId = last.getString("caseId");
    JsonObject before = http.get("/api/v1/cases/" + caseId).json();
    JsonObject mine = before.getJsonArray("disruptions").getJsonObject(0);
    assertThat(mine.getString("status")).isEqualTo("WAITLISTED");
    assertThat(mine.getJsonObject("rights").getBoolean("refund")).as("DOT: a cancelled domestic flight").isTrue();

    screen.signIn("care.refunds", PASSWORD, "/care.html");
    // The disruption's cases are listed under their own filter, and a booking reference finds hers.
    screen.visible(By.cssSelector("#cases .case[data-type='FLIGHT_CANCELLED']"), SECONDS);
    screen.driver().findElement(By.cssSelector("#case-filter option[value='disruption']")).click();
    screen.waitFor(d -> d.findElements(By.cssSelector("#cases .case")).stream()
        .allMatch(c -> "FLIGHT_CANCELLED".equals(c.getAttribute("data-type"))), SECONDS);
    screen.type(By.id("case-search"), last.getString("pnr"));
    By hers = By.cssSelector("#cases .case[data-case-id='" + caseId + "']");
    java.util.Set<String> sameBooking = http.get("/api/v1/cases").json().getJsonArray("cases").stream()
        .map(JsonObject.class::cast).filter(c -> last.getString("pnr").equals(c.getJsonObject("passenger").getString("pnr")))
        .map(c -> c.getString("id")).collect(java.util.stream.Collectors.toSet());
    screen.waitFor(d -> !d.findElements(hers).isEmpty() && d.findElements(By.cssSelector("#cases .case")).stream()
        .allMatch(c -> sameBooking.contains(c.getAttribute("data-case-id"))), SECONDS);
    screen.click(hers);

    // Her place in the order, why, what came of it, and what she is owed: as the API has them.
    String panel = "#case-disruptions .case-disruption[data-disruption-id='" + disruption.getString("id") + "']";
    screen.visible(By.cssSelector(panel), SECONDS);
    assertThat(screen.attribute(By.cssSelector(panel), "data-status")).isEqualTo("WAITLISTED");
    assertThat(screen.text(By.cssSelector(panel + " .place")))
        .contains("Rank " + mine.getInteger("rank")).contains(mine.getString("reason"));
    assertThat(screen.text(By.cssSelector(panel + " .dstatus")))
        .isEqualTo("Waitlisted, position " + mine.getInteger("waitlistPosition"));
    assertThat(screen.text(By.cssSelector(panel + " .rights"))).startsWith("US DOT").contains("refund");
    screen.script("document.getElementById('case-detail').scrollIntoView({block: 'start'});");
    screen.screenshot("care-disruption-case");

    // She would rather not travel: the refund is given, shown, and her place is hers no more.
    screen.click(By.cssSelector("#case-detail [data-action='refund']"));
    screen.visible(By.id("case-refund-result"), SECONDS);
    JsonObject after = http.get("/api/v1/cases/" + caseId).json();
    assertThat(after.getJsonArray("disruptions").getJsonObject(0).getString("status")).isEqualTo("REFUNDED");
    assertThat(screen.text(By.id("case-refund-result"))).startsWith("Refunded").contains("US DOT");
    screen.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(panel), "data-status", "REFUNDED"), SECONDS);
    assertThat(screen.driver().findElements(By.cssSelector("#case-detail [data-action='refund']"))).isEmpty();
    JsonObject view = http.get("/api/v1/disruptions/" + disruption.getString("id")).json();
    assertThat(view.getJsonArray("waiting").stream().map(w -> ((JsonObject) w).getString("caseId")))
        .doesNotContain(caseId);
  }

  @Test
  void aReaccommodatedPassengerReadsHerNewFlightAndRightsAndChoosesTheRefundHerself() {
    JsonObject booking = firstSingleBookingWith("REACCOMMODATED");
    JsonObject pax = booking.getJsonArray("passengers").getJsonObject(0);
    screen.signInPassenger(booking.getString("pnr"), pax.getString("lastName"));
    By card = By.cssSelector("#disruptions .pax-disruption[data-disruption-id='" + disruption.getString("id") + "']");
    screen.visible(card, SECONDS);
    assertThat(screen.text(By.cssSelector("#disruptions .what"))).contains("XX300").contains("cancelled");
    assertThat(screen.text(By.cssSelector("#disruptions .new-flights"))).contains("XX302");
    assertThat(screen.text(By.id("itinerary"))).contains("XX302");
    assertThat(screen.attribute(By.cssSelector("#disruptions .rights"), "data-rule")).contains("US_DOT");
    assertThat(screen.driver().findElements(By.cssSelector("#disruptions [data-right='refund']"))).hasSize(1);
    screen.screenshot("passenger-disruption");

    // Asking once only asks; nothing is refunded until she confirms.
    screen.click(By.id("refund"));
    screen.visible(By.id("refund-ask"), SECONDS);
    assertThat(statusOf(booking.getString("pnr"))).isEqualTo("REACCOMMODATED");
    screen.click(By.id("refund-confirm"));
    screen.visible(By.id("refund-result"), SECONDS);
    assertThat(screen.text(By.id("refund-result"))).startsWith("Refunded");
    assertThat(statusOf(booking.getString("pnr"))).isEqualTo("REFUNDED");
    screen.waitFor(ExpectedConditions.attributeToBe(card, "data-status", "REFUNDED"), SECONDS);
    screen.waitForText(By.id("itinerary"), "You chose a refund", SECONDS);
    assertThat(screen.driver().findElements(By.id("refund"))).isEmpty();
  }

  /** The status of a one-passenger booking's place in the disruption, as the API has it (open or closed case). */
  private static String statusOf(String pnr) {
    for (Object o : http.get("/api/v1/cases").json().getJsonArray("cases")) {
      JsonObject c = (JsonObject) o;
      if (pnr.equals(c.getJsonObject("passenger").getString("pnr"))) {
        return http.get("/api/v1/cases/" + c.getString("id")).json().getJsonArray("disruptions")
            .getJsonObject(0).getString("status");
      }
    }
    throw new AssertionError("No case for booking " + pnr);
  }

  /** A booking of one English-speaking passenger whose place in the disruption has this status. */
  private static JsonObject firstSingleBookingWith(String status) {
    for (Object o : crowd.bookings()) {
      JsonObject booking = (JsonObject) o;
      JsonArray passengers = booking.getJsonArray("passengers");
      if (passengers.size() == 1 && "en".equals(passengers.getJsonObject(0).getString("language"))
          && status.equals(statusOf(booking.getString("pnr")))) {
        return booking;
      }
    }
    throw new AssertionError("No one-passenger booking was " + status);
  }
}
