package com.paxcare.web;

import com.paxcare.PaxCareNode;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import org.yaml.snakeyaml.Yaml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** /openapi.yaml stays true: every route is described, every described operation exists, and it is valid 3.1. */
class OpenApiTest {
  private static PaxCareNode node;

  @BeforeAll
  static void start() {
    node = TestNodes.single(TestDatabase.fresh());
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  @Test
  void everyRouteIsDescribedAndEveryDescriptionIsRouted() throws Exception {
    JsonObject document = new JsonObject(new Yaml().<Map<String, Object>>load(
        new String(getClass().getResourceAsStream("/openapi.yaml").readAllBytes(), StandardCharsets.UTF_8)));
    // Validated against the OpenAPI 3.1 meta-schema. (vertx-openapi's contract model would refuse
    // application/problem+json answers as "unsupported", so only its validation is used.)
    OpenAPIVersion version = OpenAPIVersion.fromContract(document);
    assertThat(version).isEqualTo(OpenAPIVersion.V3_1);
    SchemaRepository repository = version.getRepository(node.vertx(), "app:///")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    OutputUnit validation = version.validateContract(node.vertx(), repository, document)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(validation.getValid()).as("valid OpenAPI 3.1: %s", validation.getErrors()).isTrue();
    version.resolve(node.vertx(), repository, document.copy())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS); // every $ref resolves

    Set<String> described = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
          described.add(method.toUpperCase() + " " + path);
        }
      }
    }

    Router router = HttpApi.router(node.vertx(), node.pool(), node.clusterManager(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> false, Clock.systemUTC(),
        HttpApi.openApiDocument(), new HttpApi.Gatekeeping(java.util.List.of(),
            new com.paxcare.access.Tokens(node.vertx(), "a-secret-of-at-least-thirty-two-chars", 60),
            new com.paxcare.access.RateLimits(10), new Admission(10, 5, new io.micrometer.core.instrument.simple.SimpleMeterRegistry())), com.paxcare.Config.from(java.util.Map.of()).disruption(),
        node.firstSteps());
    Set<String> routed = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) {
        continue; // handlers for every request (draining, body, failures) are not endpoints
      }
      String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
      route.methods().forEach(method -> routed.add(method.name() + " " + path));
    }

    assertThat(routed).as("routes").isNotEmpty();
    assertThat(described).as("operations in openapi.yaml").isEqualTo(routed);
  }

  @Test
  void theDescriptionIsServed() {
    var answer = new Http(node.httpPort()).get("/openapi.yaml");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("application/yaml");
    assertThat(answer.body()).startsWith("openapi: 3.1.0").contains("/api/v1/feed/bsm:");
  }
}
