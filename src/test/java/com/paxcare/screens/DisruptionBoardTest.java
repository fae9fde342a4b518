package com.paxcare.screens;

import com.paxcare.PaxCareNode;
import com.paxcare.testing.Crowd;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ops control watches a mass cancellation happen, in Debian's Chromium: a full flight of 60 to Denver is cancelled
 * while the ops screen is open, with 40 seats left on a later flight. The disruption's card appears by itself,
 * counts up on the live socket and finishes without the page being reloaded; its counts are the API's, and the
 * 20 left without a seat are listed in priority order with their waitlist positions. In Spanish the card says so.
 */
class DisruptionBoardTest {
  private static final String PASSWORD = "ops screen password";
  private static final String DISRUPTIONS = "paxcare.ops.disruptions";
  private static final int SECONDS = 10;
  /**
   * Runs in the page before its own scripts: keeps what the live socket pushes on {@code paxcare.ops.disruptions},
   * so the test can tell a card finished from a push rather than from a periodic re-read.
   */
  private static final String RECORD_PUSHES = """
      (() => {
        window.__pushes = [];
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...args) {
            super(...args);
            this.addEventListener('message', (event) => {
              try {
                const msg = JSON.parse(event.data);
                if (msg.type === 'message' && msg.address === '%s') window.__pushes.push(msg.body || {});
              } catch (e) { /* not JSON: not ours to judge */ }
            });
          }
        };
      })();
      """.formatted(DISRUPTIONS);
  private static final Pattern POSITION = Pattern.compile("(\\d+)\\s*$");

  private static PaxCareNode node;
  private static Http http;
  private static Browser ops;
  private static final Crowd crowd = new Crowd();

  @BeforeAll
  static void start() {
    // CI installs Chromium (.ci/run); elsewhere, without it, say so rather than fail.
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(Browser.available(), "Debian's chromium and chromium-driver are not installed");
    }
    node = TestNodes.single(TestDatabase.fresh());
    http = new Http(node.httpPort());
    JsonObject full = crowd.toDenver("XX100", 3, 60);
    crowd.toDenver("XX102", 6, 40);
    crowd.book(full, 60, null);
    crowd.feed(http);
    Http.Answer created = http.postJson("/api/v1/users", new JsonObject().put("username", "ops.board")
        .put("password", PASSWORD).put("role", "ops"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    ops = new Browser(node.httpPort(), 1400, 1000);
  }

  @AfterAll
  static void stop() {
    if (ops != null) {
      ops.close();
    }
    TestNodes.stop(node);
  }

  @Test
  void opsWatchesAMassCancellationBeWorkedLiveAndReadsTheWaitlist() {
    ops.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_PUSHES));
    ops.signIn("ops.board", PASSWORD, "/ops.html");
    ops.visible(By.cssSelector("#connection[data-state='online']"), SECONDS);
    ops.waitFor(d -> d.findElements(By.cssSelector("#disruption-list li.empty")).size() == 1
        && d.findElements(By.cssSelector("#disruption-list li.disruption")).isEmpty(), SECONDS);
    // Whatever the page shows from here on, it shows without being loaded again.
    ops.script("window.__noReload = true;");

    // The flight is cancelled, through the API, while ops is watching.
    Http.Answer raised = http.postJson("/api/v1/events", Crowd.cancellation(crowd.flights().getJsonObject(0)));
    assertThat(raised.status()).as(raised.body()).isEqualTo(202);
    String id = raised.json().getString("id");
    long raisedAt = System.nanoTime();

    // (a) Its card appears by itself, as a cancellation.
    String cardCss = "#disruption-list li.disruption.card[data-disruption-id='" + id + "']";
    By card = By.cssSelector(cardCss);
    ops.visible(card, SECONDS);
    System.out.println("The disruption's card showed " + (System.nanoTime() - raisedAt) / 1_000_000
        + " ms after the cancellation was raised");
    assertThat(ops.attribute(card, "data-kind")).isEqualTo("FLIGHT_CANCELLED");
    assertThat(ops.text(By.cssSelector(cardCss + " .flight"))).isEqualTo("XX100");
    assertThat(ops.text(By.cssSelector(cardCss + " .route"))).contains("MDW").contains("DEN");

    // (b) It finishes live: the socket pushed DONE for it, and the page was never reloaded.
    ops.waitFor(ExpectedConditions.attributeToBe(card, "data-status", "DONE"), SECONDS);
    System.out.println("The disruption's card showed DONE " + (System.nanoTime() - raisedAt) / 1_000_000
        + " ms after the cancellation was raised");
    assertThat(ops.script("return window.__noReload === true;")).isEqualTo(true);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> pushes = (List<Map<String, Object>>) ops.script(
        "return window.__pushes.filter((p) => p.id === arguments[0]);", id);
    assertThat(pushes).as("pushes on " + DISRUPTIONS).isNotEmpty();
    assertThat(pushes).anySatisfy(p -> assertThat(p.get("status")).isEqualTo("DONE"));

    // (c) The counts it shows are the API's.
    JsonObject disruption = http.get("/api/v1/disruptions/" + id).json();
    assertThat(disruption.getString("status")).isEqualTo("DONE");
    JsonObject progress = disruption.getJsonObject("progress");
    assertThat(progress.getInteger("affected")).isEqualTo(60);
    assertThat(progress.getInteger("reaccommodated")).isEqualTo(40);
    assertThat(progress.getInteger("waitlisted")).isEqualTo(20);
    assertThat(progress.getInteger("toDo")).isZero();
    for (String key : progress.fieldNames()) {
      if (progress.getValue(key) instanceof Number n) {
        By shown = By.cssSelector(cardCss + " [data-progress='" + key + "']");
        if (!ops.driver().findElements(shown).isEmpty()) {
          ops.waitForText(shown, n.toString(), SECONDS);
          assertThat(ops.text(shown)).as(key).isEqualTo(n.toString());
        }
      }
    }
    for (String key : List.of("affected", "reaccommodated", "waitlisted", "toDo")) {
      assertThat(ops.text(By.cssSelector(cardCss + " [data-progress='" + key + "']"))).as(key)
          .isEqualTo(progress.getInteger(key).toString());
    }
    By bar = By.cssSelector(cardCss + " progress");
    assertThat(ops.attribute(bar, "max")).isEqualTo("60");
    assertThat(ops.attribute(bar, "value")).isEqualTo("60");

    // (d) The 20 without a seat are listed by rank, waitlisted, with their positions in that order.
    By rows = By.cssSelector("table#waiting[data-disruption-id='" + id + "'] tbody tr[data-rank]");
    // (Read while it was being worked, the list also held those still waiting for a seat: wait for the last read.)
    List<String[]> shownRows = ops.waitFor(d -> {
      List<String[]> read = new ArrayList<>();
      for (WebElement row : d.findElements(rows)) {
        read.add(new String[] {row.getAttribute("data-rank"), row.getAttribute("data-pnr"),
            row.getAttribute("data-status"), row.findElements(By.tagName("td")).get(4).getText()});
      }
      return read.size() == 20 && read.stream().allMatch(r -> "WAITLISTED".equals(r[2])) ? read : null;
    }, SECONDS);
    JsonArray waiting = disruption.getJsonArray("waiting");
    assertThat(waiting.size()).isEqualTo(20);
    int lastRank = 0;
    int lastPosition = 0;
    for (int i = 0; i < shownRows.size(); i++) {
      String[] row = shownRows.get(i);
      JsonObject expected = waiting.getJsonObject(i);
      int rank = Integer.parseInt(row[0]);
      assertThat(rank).as("rank of row " + (i + 1)).isGreaterThan(lastRank).isEqualTo(expected.getInteger("rank"));
      assertThat(row[1]).as("booking of row " + (i + 1)).isEqualTo(expected.getString("pnr"));
      assertThat(row[2]).as("status of row " + (i + 1)).isEqualTo("WAITLISTED");
      Matcher position = POSITION.matcher(row[3]);
      assertThat(position.find()).as("position shown in row " + (i + 1) + ": " + row[3]).isTrue();
      int n = Integer.parseInt(position.group(1));
      assertThat(n).as("waitlist position of row " + (i + 1)).isGreaterThan(lastPosition)
          .isEqualTo(expected.getInteger("waitlistPosition"));
      lastRank = rank;
      lastPosition = n;
    }
    assertThat(lastPosition).isEqualTo(20);
    assertThat(ops.script("return window.__noReload === true;")).isEqualTo(true);
    ops.script("document.getElementById('disruptions').scrollIntoView({block: 'start'});");
    ops.screenshot("ops-disruption");

    // In Spanish, the card says what happened in Spanish.
    ops.click(By.id("lang"));
    ops.waitForText(By.cssSelector(cardCss + " .badge.kind"), "Vuelo cancelado", SECONDS);
    assertThat(ops.text(By.cssSelector(cardCss + " .badge.kind"))).isEqualTo("Vuelo cancelado");
    assertThat(ops.text(By.cssSelector(cardCss + " .badge.dstatus"))).isEqualTo("Terminada");
    assertThat(ops.script("return window.__noReload === true;")).isEqualTo(true);
  }
}
