package com.paxcare.demo;

import java.util.List;

/**
 * The checked bags of one passenger. {@code tag} is the first of {@code pieces} consecutive 10-digit
 * tag numbers ("0" + accounting code "989" + 6-digit serial), the way a BSM tag element counts them;
 * {@code weightKg} is the total weight of all pieces.
 */
public record DemoBag(
    String tag,
    String pnr,
    String passengerId,
    String surname,
    String givenName,
    String sourceStation,
    List<DemoBagLeg> legs,
    int pieces,
    int weightKg,
    List<String> exceptions) {

  public DemoBag {
    legs = List.copyOf(legs);
    exceptions = List.copyOf(exceptions);
  }
}
