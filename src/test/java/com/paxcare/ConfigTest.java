package com.paxcare;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {
  @Test
  void defaultsMakeASingleNodeOnAnEmbeddedDatabase() {
    Config config = Config.from(Map.of());
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.pgSocketDir()).isEmpty();
    assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(config.demo()).isFalse();
    assertThat(config.clusterHost()).isEqualTo("127.0.0.1");
    assertThat(config.clusterMembers()).containsExactly("127.0.0.1");
    assertThat(config.memberTimeoutSeconds()).isEqualTo(5);
  }

  @Test
  void readsEveryDocumentedVariable() {
    Config config = Config.from(Map.of(
        "PAXCARE_HTTP_PORT", "9090",
        "PAXCARE_PG_URL", "postgresql://db:5432/paxcare",
        "PAXCARE_PG_USER", "care",
        "PAXCARE_PG_PASSWORD", "secret",
        "PAXCARE_PG_SOCKET_DIR", "/var/run/postgresql",
        "PAXCARE_DATA_DIR", "/var/lib/paxcare",
        "PAXCARE_DEMO", "true",
        "PAXCARE_NODE_NAME", "node-7",
        "PAXCARE_CLUSTER_HOST", "10.0.0.7",
        "PAXCARE_CLUSTER_MEMBERS", "10.0.0.7:5701, 10.0.0.8 ,node-9:5702"));
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.pgUrl()).contains("postgresql://db:5432/paxcare");
    assertThat(config.embeddedDatabase()).isFalse();
    assertThat(config.pgUser()).isEqualTo("care");
    assertThat(config.pgPassword()).isEqualTo("secret");
    assertThat(config.pgSocketDir()).contains("/var/run/postgresql");
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/paxcare"));
    assertThat(config.demo()).isTrue();
    assertThat(config.nodeName()).isEqualTo("node-7");
    assertThat(config.clusterMembers()).isEqualTo(List.of("10.0.0.7:5701", "10.0.0.8", "node-9:5702"));
  }

  @Test
  void anUnusableValueNamesItsVariable() {
    assertThatThrownBy(() -> Config.from(Map.of("PAXCARE_HTTP_PORT", "eighty")))
        .hasMessageContaining("PAXCARE_HTTP_PORT");
    assertThatThrownBy(() -> Config.from(Map.of("PAXCARE_HTTP_PORT", "70000")))
        .hasMessageContaining("PAXCARE_HTTP_PORT").hasMessageContaining("65535");
    assertThatThrownBy(() -> Config.from(Map.of("PAXCARE_PG_SOCKET_DIR", "run/postgresql")))
        .hasMessageContaining("PAXCARE_PG_SOCKET_DIR").hasMessageContaining("absolute");
    assertThatThrownBy(() -> Config.from(Map.of("PAXCARE_DEMO", "maybe")))
        .hasMessageContaining("PAXCARE_DEMO");
    assertThatThrownBy(() -> Config.from(Map.of("PAXCARE_CLUSTER_MEMBERS", "a b")))
        .hasMessageContaining("PAXCARE_CLUSTER_MEMBERS");
  }
}
