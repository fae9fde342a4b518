package com.paxcare.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The real clock, which a test can move forward to make promised times come due. */
public final class MovableClock extends Clock {
  private volatile Duration ahead = Duration.ZERO;
  private final ZoneId zone;

  public MovableClock(ZoneId zone) {
    this.zone = zone;
  }

  public void moveForward(Duration by) {
    ahead = ahead.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    MovableClock clock = new MovableClock(other);
    clock.ahead = ahead;
    return clock;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead);
  }
}
