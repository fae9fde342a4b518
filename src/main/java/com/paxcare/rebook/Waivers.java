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
      default -> throw new IllegalArgumentException("No waiver for case type " + caseType);
    };
  }
}
