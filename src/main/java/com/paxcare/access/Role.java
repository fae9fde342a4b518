package com.paxcare.access;

import java.util.Locale;
import java.util.Optional;

/** Who someone is to PaxCare; the role decides what they may call, their scope what they may see. */
public enum Role {
  /** Manages users; may do everything. */
  ADMIN,
  /** Ops control: sees every flight, case, crew message and escalation. */
  OPS,
  /** Contact centre and care desk: reports urgent events, reads cases, handles follow-ups. */
  CARE,
  /** Gate agent, bound to one station. */
  GATE,
  /** A flight's crew, bound to one flight on one day. */
  CREW,
  /** A passenger, bound to one booking (PNR). */
  PASSENGER,
  /** Reservation, departure-control and baggage systems feeding PaxCare. */
  FEED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromCode(String code) {
    for (Role role : values()) {
      if (role.code().equals(code)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
