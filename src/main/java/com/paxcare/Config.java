package com.paxcare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything PaxCare can be told, read only from environment variables (README, "Configuration").
 * Defaults make a bare {@code java -jar} a working single node on an embedded PostgreSQL.
 */
public record Config(
    int httpPort,
    Optional<String> pgUrl,
    String pgUser,
    String pgPassword,
    int pgPoolSize,
    Optional<String> pgSocketDir,
    Path dataDir,
    boolean demo,
    String nodeName,
    String clusterName,
    String clusterHost,
    int clusterPort,
    List<String> clusterMembers,
    int memberTimeoutSeconds,
    int shutdownGraceSeconds,
    CareRules care,
    Messaging messaging,
    Access access,
    DisruptionRules disruption,
    Capacity capacity) {

  /**
   * How much a node takes on before it answers 503 with Retry-After instead of queueing (README, "Configuration"):
   * API requests in flight, of which bulk feeds may hold only a part so urgent events always find room, and
   * requests waiting for a database connection.
   */
  public record Capacity(int maxInFlight, int maxBulkInFlight, int pgWaitQueue) {
  }

  /**
   * Mass disruptions (README, "Configuration"): whose rules apply (the carrier's country of licence), when a
   * status-feed delay raises a disruption by itself, the airline's own care on top of regulation, and how many
   * passengers one transaction re-accommodates, and how many disruptions one node works at a time.
   */
  public record DisruptionRules(
      String carrierCountry,
      int delayThresholdMinutes,
      int airlineMealsFromMinutes,
      boolean airlineHotelWhenOvernight,
      int passengersPerTransaction,
      int waitlistCallBackMinutes,
      int waitlistRetrySeconds,
      int disruptionsAtOnce) {
  }

  /** Who may sign in and how: README, "Signing in". */
  public record Access(
      List<com.paxcare.access.ApiKey> apiKeys,
      Optional<String> adminPassword,
      Optional<String> jwtSecret,
      int tokenHours,
      int signInsPerMinute) {
  }

  /** The airline's care policy, as numbers it can tune (README, "Configuration"). */
  public record CareRules(
      String minimumConnectingTimes,
      int defaultMctMinutes,
      int readyMinutes,
      int horizonHours,
      int crewAckSeconds,
      String mealVoucherAmount,
      String mealVoucherCurrency,
      int followUpDelayHours,
      int followUpGraceMinutes,
      String ticketPrefix) {
  }

  /** Where confirmations go; unset, they are logged and marked so. */
  public record Messaging(Optional<String> smtpHost, int smtpPort, String smtpFrom, Optional<String> smsUrl) {
  }

  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  /** Reads the variables from {@code env}; an unusable value fails start-up with the variable named. */
  public static Config from(Map<String, String> env) {
    String clusterHost = text(env, "PAXCARE_CLUSTER_HOST", "127.0.0.1");
    int clusterPort = integer(env, "PAXCARE_CLUSTER_PORT", 5701, 1, 65535);
    return new Config(
        integer(env, "PAXCARE_HTTP_PORT", 8080, 0, 65535),
        Optional.ofNullable(blankToNull(env.get("PAXCARE_PG_URL"))),
        text(env, "PAXCARE_PG_USER", "postgres"),
        text(env, "PAXCARE_PG_PASSWORD", "postgres"),
        integer(env, "PAXCARE_PG_POOL_SIZE", 16, 1, 1000),
        Optional.ofNullable(absolutePath(env, "PAXCARE_PG_SOCKET_DIR")),
        Path.of(text(env, "PAXCARE_DATA_DIR", "data")).toAbsolutePath(),
        bool(env, "PAXCARE_DEMO", false),
        text(env, "PAXCARE_NODE_NAME", defaultNodeName()),
        text(env, "PAXCARE_CLUSTER_NAME", "paxcare"),
        clusterHost,
        clusterPort,
        members(env.get("PAXCARE_CLUSTER_MEMBERS"), clusterHost),
        integer(env, "PAXCARE_MEMBER_TIMEOUT_SECONDS", 5, 2, 300),
        integer(env, "PAXCARE_SHUTDOWN_GRACE_SECONDS", 10, 0, 600),
        new CareRules(
            text(env, "PAXCARE_MCT", ""),
            integer(env, "PAXCARE_DEFAULT_MCT_MINUTES", 45, 0, 600),
            integer(env, "PAXCARE_REBOOK_READY_MINUTES", 30, 0, 600),
            integer(env, "PAXCARE_REBOOK_HORIZON_HOURS", 36, 1, 168),
            integer(env, "PAXCARE_CREW_ACK_SECONDS", 120, 1, 3600),
            amount(env, "PAXCARE_MEAL_VOUCHER_AMOUNT", "25.00"),
            text(env, "PAXCARE_MEAL_VOUCHER_CURRENCY", "USD"),
            integer(env, "PAXCARE_FOLLOWUP_DELAY_HOURS", 24, 0, 24 * 30),
            integer(env, "PAXCARE_FOLLOWUP_GRACE_MINUTES", 60, 1, 24 * 60),
            text(env, "PAXCARE_TICKET_PREFIX", "989")),
        new Messaging(
            Optional.ofNullable(blankToNull(env.get("PAXCARE_SMTP_HOST"))),
            integer(env, "PAXCARE_SMTP_PORT", 25, 1, 65535),
            text(env, "PAXCARE_SMTP_FROM", "care@paxcare.dev"),
            Optional.ofNullable(blankToNull(env.get("PAXCARE_SMS_URL")))),
        new Access(
            com.paxcare.access.ApiKey.parseList(env.get("PAXCARE_API_KEYS")),
            Optional.ofNullable(blankToNull(env.get("PAXCARE_ADMIN_PASSWORD"))).map(Config::adminPassword),
            Optional.ofNullable(blankToNull(env.get("PAXCARE_JWT_SECRET"))).map(Config::jwtSecret),
            integer(env, "PAXCARE_TOKEN_HOURS", 12, 1, 24 * 7),
            integer(env, "PAXCARE_SIGNINS_PER_MINUTE", 10, 1, 100_000)),
        new DisruptionRules(
            country(env, "PAXCARE_CARRIER_COUNTRY", "US"),
            integer(env, "PAXCARE_DELAY_THRESHOLD_MINUTES", 120, 1, 24 * 60),
            integer(env, "PAXCARE_AIRLINE_MEALS_FROM_MINUTES", 120, 0, 24 * 60),
            bool(env, "PAXCARE_AIRLINE_HOTEL_WHEN_OVERNIGHT", true),
            integer(env, "PAXCARE_DISRUPTION_BATCH", 150, 1, 5000),
            integer(env, "PAXCARE_WAITLIST_CALL_BACK_MINUTES", 60, 1, 24 * 60),
            integer(env, "PAXCARE_WAITLIST_RETRY_SECONDS", 60, 1, 24 * 3600),
            integer(env, "PAXCARE_DISRUPTIONS_AT_ONCE", 2, 1, 64)),
        capacity(env));
  }

  private static Capacity capacity(Map<String, String> env) {
    int inFlight = integer(env, "PAXCARE_MAX_IN_FLIGHT", 256, 2, 100_000);
    int bulk = integer(env, "PAXCARE_MAX_BULK_IN_FLIGHT", Math.max(1, inFlight / 4), 1, 100_000);
    if (bulk >= inFlight) {
      throw new IllegalArgumentException("PAXCARE_MAX_BULK_IN_FLIGHT must be below PAXCARE_MAX_IN_FLIGHT ("
          + inFlight + "), was " + bulk + ": urgent events need room of their own");
    }
    return new Capacity(inFlight, bulk, integer(env, "PAXCARE_PG_WAIT_QUEUE", 512, 1, 100_000));
  }

  private static String amount(Map<String, String> env, String name, String fallback) {
    String value = text(env, name, fallback);
    if (!value.matches("\\d{1,6}(\\.\\d{1,2})?")) {
      throw new IllegalArgumentException(name + " must be an amount like 25.00, was '" + value + "'");
    }
    return value;
  }

  private static String country(Map<String, String> env, String name, String fallback) {
    String value = text(env, name, fallback);
    if (!value.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException(name + " must be an ISO 3166 country code like US or ES, was '" + value + "'");
    }
    return value;
  }

  private static String adminPassword(String value) {
    String problem = com.paxcare.access.Passwords.problem(value);
    if (problem != null) {
      throw new IllegalArgumentException("PAXCARE_ADMIN_PASSWORD " + problem);
    }
    return value;
  }

  private static String jwtSecret(String value) {
    if (value.length() < 32) {
      throw new IllegalArgumentException("PAXCARE_JWT_SECRET must be at least 32 characters");
    }
    return value;
  }

  public boolean embeddedDatabase() {
    return pgUrl.isEmpty();
  }

  private static List<String> members(String raw, String clusterHost) {
    List<String> members = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      members.add(clusterHost);
      return List.copyOf(members);
    }
    for (String member : raw.split(",")) {
      String trimmed = member.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!trimmed.matches("[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?")) {
        throw new IllegalArgumentException("PAXCARE_CLUSTER_MEMBERS: '" + trimmed + "' is not host[:port]");
      }
      members.add(trimmed);
    }
    return List.copyOf(members);
  }

  private static String defaultNodeName() {
    String host = System.getenv("HOSTNAME");
    return (host == null || host.isBlank()) ? "paxcare-" + ProcessHandle.current().pid() : host;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** An absolute path, or null when unset. */
  private static String absolutePath(Map<String, String> env, String name) {
    String value = blankToNull(env.get(name));
    if (value != null && !value.startsWith("/")) {
      throw new IllegalArgumentException(name + " must be an absolute path (a directory), was '" + value + "'");
    }
    return value;
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String value = blankToNull(env.get(name));
    return value == null ? fallback : value;
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
    }
  }

  private static boolean bool(Map<String, String> env, String name, boolean fallback) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase()) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
    };
  }
}
