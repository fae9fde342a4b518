package com.paxcare.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client token buckets for what can be guessed: passwords, and a PNR with a surname. Each node counts its own
 * clients; a load balancer that pins clients to nodes keeps the limit exact.
 */
public final class RateLimits {
  /** Beyond this many clients, idle buckets are dropped (a full bucket carries no information). */
  private static final int MAX_CLIENTS = 100_000;

  private final long perMinute;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimits(long perMinute) {
    this.perMinute = perMinute;
  }

  /** Zero when the client may go on, else the seconds it must wait. */
  public long secondsToWait(String client) {
    if (buckets.size() > MAX_CLIENTS) {
      buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
  }
}
