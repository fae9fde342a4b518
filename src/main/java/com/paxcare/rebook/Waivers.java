package com.paxcare.rebook;

/**
 * What makes a change free, by reason: the waiver code and ticket endorsement an agent would write. Death in
 * the family has its own IATA resolution (735c).
 */
public final class Waivers {
  private Waivers() {
  }

  public record Waiver(String code, String endorsement) {
  }

  public static Waiver forCaseType(String caseType) {
    return switch (caseType) {
      case "BEREAVEMENT" -> new Waiver("BRVMT735C", "INVOL REISSUE - BEREAVEMENT RESO 735C - NO FARE DIFF NO FEE");
      case "MEDICAL_EMERGENCY" -> new Waiver("MEDEMERG", "INVOL REISSUE - MEDICAL EMERGENCY - NO FARE DIFF NO FEE");
      case "FAMILY_EMERGENCY" -> new Waiver("COMPASSN", "INVOL REISSUE - COMPASSIONATE - NO FARE DIFF NO FEE");
      // Involuntary changes: the airline disrupted the journey, so the change is on the airline.
      case "FLIGHT_CANCELLED" -> new Waiver("IRROPCNL", "INVOL REISSUE - FLIGHT CANCELLED - NO FARE DIFF NO FEE");
      case "FLIGHT_DELAYED" -> new Waiver("IRROPDLY", "INVOL REISSUE - SCHEDULE CHANGE DELAY - NO FARE DIFF NO FEE");
      case "FLIGHT_DIVERTED" -> new Waiver("IRROPDIV", "INVOL REISSUE - FLIGHT DIVERTED - NO FARE DIFF NO FEE");
      case "MISSED_CONNECTION" -> new Waiver("IRROPMCX", "INVOL REISSUE - MISSED CONNECTION - NO FARE DIFF NO FEE");
      default -> throw new IllegalArgumentException("No waiver for case type " + caseType);
    };
  }
}
