package com.paxcare.access;

import io.vertx.core.json.JsonObject;

import java.time.LocalDate;

/**
 * The signed-in user or system, with the scope its role is bound to: a gate agent's station, a crew's flight
 * and day, a passenger's booking. The scope rules are here, in one place, as plain Java.
 */
public record Principal(String name, Role role, String station, String flight, LocalDate date, String pnr) {

  public static Principal staff(String name, Role role) {
    return new Principal(name, role, null, null, null, null);
  }

  public static Principal gateAgent(String name, String station) {
    return new Principal(name, Role.GATE, station, null, null, null);
  }

  public static Principal crew(String name, String flight, LocalDate date) {
    return new Principal(name, Role.CREW, null, flight, date, null);
  }

  public static Principal passenger(String pnr, String lastName) {
    return new Principal(lastName, Role.PASSENGER, null, null, null, pnr);
  }

  /** Sees every flight, case and station. */
  public boolean seesEverything() {
    return role == Role.ADMIN || role == Role.OPS;
  }

  /** May act at this station's gates (read its alerts, answer them). */
  public boolean mayWorkStation(String code) {
    return seesEverything() || (role == Role.GATE && station.equals(code));
  }

  /** May read and answer this flight's crew messages. */
  public boolean mayCrewFlight(String flightNo, LocalDate day) {
    return seesEverything() || (role == Role.CREW && flight.equals(flightNo) && date.equals(day));
  }

  /** May read this booking. */
  public boolean mayReadBooking(String code) {
    return seesEverything() || role == Role.CARE || (role == Role.PASSENGER && pnr.equals(code));
  }

  /** How this person appears on a case timeline: what they are, and who. */
  public String actor() {
    return switch (role) {
      case GATE -> "gate agent " + name + " (" + station + ")";
      case CREW -> "crew of " + flight + " " + date;
      case CARE -> "care desk " + name;
      case OPS -> "ops control " + name;
      case ADMIN -> "admin " + name;
      case FEED -> "system " + name;
      case PASSENGER -> "passenger " + name;
    };
  }

  /** The token's claims; {@link #fromClaims} reads them back. */
  public JsonObject claims() {
    JsonObject claims = new JsonObject().put("sub", name).put("role", role.code());
    if (station != null) {
      claims.put("station", station);
    }
    if (flight != null) {
      claims.put("flight", flight).put("date", date.toString());
    }
    if (pnr != null) {
      claims.put("pnr", pnr);
    }
    return claims;
  }

  /** The user as the screens see it (GET /api/v1/auth/me). */
  public JsonObject describe() {
    JsonObject user = new JsonObject().put("username", name).put("role", role.code());
    if (station != null) {
      user.put("station", station);
    }
    if (flight != null) {
      user.put("flight", flight).put("date", date.toString());
    }
    if (pnr != null) {
      user.put("pnr", pnr).put("lastName", name);
    }
    return user;
  }

  /** Throws IllegalArgumentException when the claims do not make a principal (a token we did not issue). */
  public static Principal fromClaims(JsonObject claims) {
    Role role = Role.fromCode(claims.getString("role"))
        .orElseThrow(() -> new IllegalArgumentException("token names no known role"));
    String name = claims.getString("sub");
    if (name == null) {
      throw new IllegalArgumentException("token names no subject");
    }
    return switch (role) {
      case GATE -> gateAgent(name, required(claims, "station"));
      case CREW -> crew(name, required(claims, "flight"), LocalDate.parse(required(claims, "date")));
      case PASSENGER -> passenger(required(claims, "pnr"), name);
      default -> staff(name, role);
    };
  }

  private static String required(JsonObject claims, String name) {
    String value = claims.getString(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("token lacks " + name);
    }
    return value;
  }
}
