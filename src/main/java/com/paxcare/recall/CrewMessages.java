package com.paxcare.recall;

import java.text.Normalizer;
import java.util.Locale;

/** Operational messages to a flight deck: short uppercase ACARS-style text, at most 220 characters. */
public final class CrewMessages {
  static final int MAX_LENGTH = 220;

  private CrewMessages() {
  }

  public static String address(String flight, String date) {
    return "paxcare.crew." + flight + "." + date;
  }

  /** Asks the crew to bring a passenger back to the gate, saying why and where she sits. */
  public static String recall(String lastName, String firstName, String seat, String reason, String gate) {
    String text = "PAX RECALL " + ascii(lastName) + "/" + ascii(firstName)
        + (seat == null ? "" : " SEAT " + seat)
        + " " + reason.replace('_', ' ')
        + " REQ RETURN TO GATE" + (gate == null ? "" : " " + gate)
        + " PAX TO DEPLANE. ACK PLS";
    return fit(text);
  }

  /** Tells the crew which bags come off with her (positive passenger-bag match). */
  public static String offloadBags(String lastName, java.util.List<String> tags) {
    return fit("OFFLOAD " + tags.size() + " BAG" + (tags.size() == 1 ? "" : "S") + " OF PAX " + ascii(lastName)
        + " TAGS " + String.join(" ", tags));
  }

  /** ACARS is uppercase ASCII: accents go, letters stay (NÚÑEZ becomes NUNEZ). */
  static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replaceAll("[^A-Za-z0-9 /.\\-]", "").toUpperCase(Locale.ROOT);
  }

  static String fit(String text) {
    String upper = ascii(text);
    return upper.length() <= MAX_LENGTH ? upper : upper.substring(0, MAX_LENGTH);
  }
}
