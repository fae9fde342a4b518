package com.paxcare.load;

/**
 * The time from reporting an urgent event to its whole plan being done (recall, rebooking, bags, care,
 * confirmations queued, follow-up scheduled), as a care-desk screen hears it: the same screens and pacing as
 * {@link GateAlertSimulation}, signed in as the demo admin and subscribed to the plans-done address instead of a
 * station. Options as there ({@code -Drate}, {@code -Dseconds}, {@code -Dtablets} screens, {@code -Dpaxcare.urls}).
 */
public class WholePlanSimulation extends GateAlertSimulation {
  public WholePlanSimulation() {
    super(new Watch("event to whole plan", "paxcare.cases.plan-done", System.getProperty("paxcare.user", "admin"),
        null, "Event to whole plan done, heard on a care-desk screen"));
  }
}
