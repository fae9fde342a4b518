package com.paxcare.access;

import com.paxcare.cases.Escalations;
import com.paxcare.cases.StepEngine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event-bus addresses a screen may listen to over the live socket, and who may read each: a gate agent their
 * station, crew their flight, the care desk its queue, ops everything. Anything else is refused.
 */
public final class LiveAddresses {
  private static final Pattern STATION = Pattern.compile("paxcare\\.station\\.([A-Z]{3})");
  private static final Pattern GATE = Pattern.compile("paxcare\\.gate\\.([A-Z]{3})\\.([A-Z0-9]{1,6}|\\*)");
  private static final Pattern CREW = Pattern.compile("paxcare\\.crew\\.([A-Z0-9]{2}[0-9]{1,4}[A-Z]?)\\.(\\d{4}-\\d{2}-\\d{2})");

  private LiveAddresses() {
  }

  /** Every alert raised at a station's gates, whatever the gate. */
  public static String station(String code) {
    return "paxcare.station." + code;
  }

  public static boolean mayRead(Principal principal, String address) {
    if (address == null) {
      return false;
    }
    Matcher station = STATION.matcher(address);
    if (station.matches()) {
      return principal.mayWorkStation(station.group(1));
    }
    Matcher gate = GATE.matcher(address);
    if (gate.matches()) {
      return principal.mayWorkStation(gate.group(1));
    }
    Matcher crew = CREW.matcher(address);
    if (crew.matches()) {
      try {
        return principal.mayCrewFlight(crew.group(1), LocalDate.parse(crew.group(2)));
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return switch (address) {
      case Escalations.OPS_ADDRESS -> principal.seesEverything();
      case com.paxcare.disruption.Disruptions.PROGRESS_ADDRESS -> principal.seesEverything()
          || principal.role() == Role.CARE;
      case Escalations.CARE_DESK_ADDRESS, StepEngine.PLAN_DONE_ADDRESS -> principal.seesEverything() || principal.role() == Role.CARE;
      default -> false;
    };
  }
}
