package com.paxcare.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PaxCare node in its own JVM, started through {@code com.paxcare.Main} as an operator would; optionally inside
 * a network namespace ({@code ip netns exec}, which execs the JVM: the process is the node itself).
 */
public final class ChildNode implements AutoCloseable {
  private static final List<String> HAZELCAST_FLAGS = List.of("--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  public final Process process;
  public final Path log;
  public final int httpPort;
  private final String host;

  private ChildNode(Process process, Path log, int httpPort, String host) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
    this.host = host;
  }

  public static ChildNode start(Map<String, String> environment) throws IOException {
    return start(environment, null, "127.0.0.1");
  }

  /** Starts the node in network namespace {@code namespace} (null: this one), reachable at {@code host}. */
  public static ChildNode start(Map<String, String> environment, String namespace, String host) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    if (namespace != null) {
      command.addAll(List.of("ip", "netns", "exec", namespace));
    }
    command.add(java);
    // The memory flags the README and the image give a node (resident memory under 512 MB).
    command.addAll(List.of("-Xmx256m", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m"));
    command.addAll(HAZELCAST_FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("com.paxcare.Main");
    Path log = Files.createTempFile("paxcare-child-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PAXCARE_"));
    builder.environment().putAll(environment);
    return new ChildNode(builder.start(), log, Integer.parseInt(environment.get("PAXCARE_HTTP_PORT")), host);
  }

  /** A client of this node's API, as the tests' admin system. */
  public Http http() {
    return new Http("http://" + host + ":" + httpPort);
  }

  public String baseUrl() {
    return "http://" + host + ":" + httpPort;
  }

  /** Waits until the node answers ready, or fails with its log. */
  public void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Http http = http();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Child node exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        if (http.get("/health/ready").status() == 200) {
          return;
        }
      } catch (IllegalStateException notListeningYet) {
        // keep waiting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Child node not ready after " + timeout + ":\n" + output());
  }

  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
