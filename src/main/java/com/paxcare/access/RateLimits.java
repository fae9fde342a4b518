package com.paxcare.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets for what can be guessed: passwords, and a PNR with a surname. Attempts are counted per client
 * address, and failures per account and per booking, so that a guesser spread over many addresses is held back
 * too. Each node counts its own; a load balancer that pins clients to nodes keeps the address limit exact.
 */
public final class RateLimits {
  /** Beyond this many clients, idle buckets are dropped (a full bucket carries no information). */
  private static final int MAX_CLIENTS = 100_000;

  private final long perMinute;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimits(long perMinute) {
    this.perMinute = perMinute;
  }

  /** Zero when the client may go on, else the seconds it must wait. Every attempt counts. */
  public long secondsToWait(String client) {
    ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
  }

  /**
   * For one account or one booking, tried from anywhere (a guesser spread over many addresses): zero while it has
   * failures left, else the seconds to wait. Only failures count ({@link #failed}), so its owner signing in on
   * several devices is never held back.
   */
  public long secondsToWaitAfterFailures(String account) {
    Bucket bucket = bucket(account);
    return bucket.getAvailableTokens() > 0 ? 0 : seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
  }

  /** A failed attempt on this account or booking. */
  public void failed(String account) {
    bucket(account).tryConsume(1);
  }

  private Bucket bucket(String key) {
    if (buckets.size() > MAX_CLIENTS) {
      buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
    }
    return buckets.computeIfAbsent(key, c -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build());
  }

  private static long seconds(long nanos) {
    return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
  }
}
