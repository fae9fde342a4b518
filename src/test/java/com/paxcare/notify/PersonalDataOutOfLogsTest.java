package com.paxcare.notify;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import com.paxcare.PaxCareNode;
import com.paxcare.cases.CaseAwaitAccess;
import com.paxcare.testing.Http;
import com.paxcare.testing.Story;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story on a real node with no SMS gateway nor mail server configured (so every message is written to the
 * log instead), plus a cancellation, sign-ins right and wrong, and bad input: everything any logger printed is
 * captured, and no phone number or e-mail address of the story appears unmasked, nor a token, key or password.
 */
class PersonalDataOutOfLogsTest {
  private static final Story story = new Story();
  private static final String PASSWORD = "care desk password 42";
  private static final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
  private static final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
      event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
          line.append("\n  ").append(frame.getSTEAsString());
        }
      }
      lines.add(line.toString());
    }
  };
  private static PaxCareNode node;
  private static final List<String> secrets = new ArrayList<>();

  @BeforeAll
  static void start() {
    Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    capture.setContext(root.getLoggerContext());
    capture.start();
    root.addAppender(capture);
    node = TestNodes.single(TestDatabase.fresh());
    secrets.add(Http.TEST_ADMIN_KEY);
    secrets.add(Http.TEST_FEED_KEY);
    secrets.add("test-secret-of-at-least-thirty-two-characters");
    secrets.add(PASSWORD);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .detachAppender(capture);
  }

  @Test
  void noPhoneNumberEmailTokenOrPasswordOfTheStoryIsLoggedUnmasked() throws Exception {
    Http admin = new Http(node.httpPort());
    assertThat(admin.postJson("/api/v1/feed/flights", story.flights()).status()).isEqualTo(200);
    JsonObject ana = Story.booking("ZZ9QQQ", "ANA", "LOPEZ", "+13125550177", "ana.lopez@example.org",
        story.laterToDenver, "20A", "CONFIRMED", "5262100000009");
    assertThat(admin.postJson("/api/v1/feed/bookings", new JsonArray().add(story.peggy()).add(ana)).status())
        .isEqualTo(200);
    // Bad input carrying personal data: refused with a problem, and not logged.
    JsonObject badBooking = ana.copy().put("pnr", "BAD001");
    badBooking.getJsonArray("passengers").getJsonObject(0).put("email", "not an address 13125550166")
        .put("phone", "ana.lopez@example.org");
    assertThat(admin.postJson("/api/v1/feed/bookings", new JsonArray().add(badBooking)).status()).isEqualTo(400);

    // Sign-ins, right and wrong; the tokens they give must not be logged either.
    assertThat(admin.postJson("/api/v1/users", new JsonObject().put("username", "carla.care").put("role", "care")
        .put("password", PASSWORD)).status()).isEqualTo(201);
    assertThat(admin.as(null).postJson("/api/v1/auth/login", new JsonObject().put("username", "carla.care")
        .put("password", PASSWORD + " typo")).status()).isEqualTo(401);
    var signedIn = admin.as(null).postJson("/api/v1/auth/login", new JsonObject().put("username", "carla.care")
        .put("password", PASSWORD));
    secrets.add(signedIn.json().getString("token"));
    Http care = admin.as(signedIn.json().getString("token"));
    var passenger = admin.as(null).postJson("/api/v1/auth/passenger", new JsonObject().put("pnr", "K7Q2ZB")
        .put("lastName", "Uhle"));
    secrets.add(passenger.json().getString("token"));

    // The story: the care desk reports, the plan runs, everyone is told (in the log, as nothing is configured).
    var reported = care.postJson("/api/v1/events", Story.familyEmergency());
    assertThat(reported.status()).isEqualTo(201);
    CaseAwaitAccess.planDone(admin, reported.json().getString("id"));
    assertThat(admin.as(passenger.json().getString("token")).get("/api/v1/passenger/trip").status()).isEqualTo(200);
    // A cancellation: Ana is re-accommodated and told.
    var cancelled = admin.postJson("/api/v1/events", new JsonObject().put("type", "FLIGHT_CANCELLED")
        .put("flight", "WN2003").put("date", story.laterToDenver.getString("date")).put("origin", "MDW"));
    assertThat(cancelled.status()).isEqualTo(202);

    // Every recipient's messages were logged (masked): the paths that could leak did run.
    awaitLogged(List.of("+1312*****42", "p***@example.com", "+1312*****99", "+1312*****77", "a***@example.org"));

    List<String> leaks = new ArrayList<>();
    Pattern email = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    for (String line : lines) {
      for (String phone : List.of("3125550142", "3125550199", "3125550177", "3125550166")) {
        if (line.replaceAll("[^0-9]", "").contains(phone)) {
          leaks.add("phone " + phone + ": " + line);
        }
      }
      var found = email.matcher(line);
      while (found.find()) {
        leaks.add("e-mail " + found.group() + ": " + line);
      }
      for (String secret : secrets) {
        if (line.contains(secret)) {
          leaks.add("secret " + secret.substring(0, 6) + "...: " + line);
        }
      }
    }
    assertThat(leaks).as("personal data or secrets in %d log lines", lines.size()).isEmpty();
  }

  private static void awaitLogged(List<String> masked) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (masked.stream().allMatch(m -> lines.stream().anyMatch(line -> line.contains(m)))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Not all messages logged in 60 s; expected " + masked + " in:\n"
        + String.join("\n", lines));
  }
}
