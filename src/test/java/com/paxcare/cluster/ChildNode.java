package com.paxcare.cluster;

import com.paxcare.testing.Http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A PaxCare node in its own JVM, started through {@code com.paxcare.Main} as an operator would. */
final class ChildNode implements AutoCloseable {
  private static final List<String> HAZELCAST_FLAGS = List.of("--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  final Process process;
  final Path log;
  final int httpPort;

  private ChildNode(Process process, Path log, int httpPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  static ChildNode start(Map<String, String> environment) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx256m");
    command.addAll(HAZELCAST_FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("com.paxcare.Main");
    Path log = Files.createTempFile("paxcare-child-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PAXCARE_"));
    builder.environment().putAll(environment);
    return new ChildNode(builder.start(), log, Integer.parseInt(environment.get("PAXCARE_HTTP_PORT")));
  }

  /** Waits until the node answers ready, or fails with its log. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Http http = new Http(httpPort);
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

  String output() {
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
