package com.paxcare.cases;

/** What one step of a case's plan does. Mirrors the database enum step_kind. */
public enum StepKind {
  RECALL, CREW_MESSAGE, MEET_ON_ARRIVAL, REBOOK, BAGS, CARE, CONFIRM, FOLLOW_UP, CREW_ACK_CHECK, FOLLOW_UP_CHECK;

  /** Steps that reach the passenger (alerts to gates, crews, arrival stations) go before any other work. */
  public boolean reachesThePassenger() {
    return this == RECALL || this == CREW_MESSAGE || this == MEET_ON_ARRIVAL;
  }
}
