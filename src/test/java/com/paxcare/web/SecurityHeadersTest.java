package com.paxcare.web;

import com.paxcare.PaxCareNode;
import com.paxcare.testing.FromAddress;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer, errors included, says nosniff, no referrer and no framing; API answers (personal data) are
 * never cached and render nothing; the screens run under a strict content security policy.
 */
class SecurityHeadersTest {
  private static PaxCareNode node;
  private static FromAddress http;

  @BeforeAll
  static void start() {
    node = TestNodes.single(TestDatabase.fresh());
    http = new FromAddress(node.httpPort());
  }

  @AfterAll
  static void stop() {
    http.close();
    TestNodes.stop(node);
  }

  private static void assertEveryAnswersHeaders(FromAddress.Answer answer) {
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
  }

  @Test
  void apiAnswersAreNeverCachedNorRenderedNorFramed() {
    String admin = "Bearer " + Http.TEST_ADMIN_KEY;
    List<FromAddress.Answer> answers = List.of(
        http.get("/api/v1/auth/me", admin),            // 200, JSON
        http.get("/api/v1/cases", null),               // 401 problem
        http.get("/api/v1/cases/not-an-id", admin),    // 400 problem
        http.get("/api/v1/no-such-thing", admin),      // 404 problem
        http.get("/health/ready", null),
        http.get("/metrics", null));
    assertThat(answers).extracting(FromAddress.Answer::status).containsExactly(200, 401, 400, 404, 200, 200);
    for (FromAddress.Answer answer : answers) {
      assertEveryAnswersHeaders(answer);
      assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
      assertThat(answer.header("Content-Security-Policy")).contains("default-src 'none'")
          .contains("frame-ancestors 'none'");
    }
  }

  @Test
  void theScreensRunUnderAStrictContentSecurityPolicy() {
    for (String page : List.of("/", "/gate.html", "/care.html", "/passenger.html", "/app.js")) {
      var answer = http.get(page, null);
      assertThat(answer.status()).as(page).isEqualTo(200);
      assertEveryAnswersHeaders(answer);
      String policy = answer.header("Content-Security-Policy");
      assertThat(policy).as(page).isNotNull();
      List<String> directives = Arrays.stream(policy.split(";")).map(String::trim).toList();
      // script-src and style-src are not set: both fall back to default-src, which is 'self' alone.
      assertThat(directives).as(page).contains("frame-ancestors 'none'")
          .noneMatch(d -> d.startsWith("script-src") || d.startsWith("style-src"));
      String defaults = directives.stream().filter(d -> d.startsWith("default-src ")).findFirst().orElseThrow();
      assertThat(defaults.substring("default-src ".length()).split(" +")).as(page).containsOnly("'self'");
      assertThat(policy).as(page).doesNotContain("unsafe-inline", "unsafe-eval", "*", "http:", "https:");
    }
  }
}
