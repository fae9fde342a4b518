package com.paxcare.notify;

import java.util.Objects;

/**
 * The confirmation that a passenger who chose not to travel after a disruption gets her money back: how much,
 * under which rule, that nothing is deducted, and the reference. English or Spanish (anything else: English).
 */
public final class RefundNotices {
  private RefundNotices() {
  }

  /**
   * @param rule the rule that gives the refund, e.g. "US_DOT" or "EU261" (null: the airline's own)
   */
  public static Message render(String firstName, String flight, String amount, String currency, String rule,
      String reference, Channel channel, String language) {
    Objects.requireNonNull(flight, "flight");
    Objects.requireNonNull(reference, "reference");
    boolean spanish = language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("es");
    String money = amount + " " + currency;
    String why = because(rule, spanish);
    String body = spanish
        ? (firstName == null ? "" : firstName + ", ") + "hemos cancelado su viaje desde el vuelo " + flight
            + " y le reembolsamos " + money + " íntegros" + why + ", sin ninguna deducción. Lo verá en el mismo medio"
            + " de pago en unos días. Ref. " + reference
        : (firstName == null ? "" : firstName + ", ") + "we have cancelled your journey from flight " + flight
            + " and are refunding " + money + " in full" + why + ", with nothing deducted. It goes back to the way you"
            + " paid within a few days. Ref " + reference;
    if (channel == Channel.SMS) {
      return new Message(null, body);
    }
    String subject = spanish ? "Reembolso de " + money + " (vuelo " + flight + ")"
        : "Your refund of " + money + " (flight " + flight + ")";
    String greeting = spanish ? "Estimado/a " + (firstName == null ? "pasajero/a" : firstName) + ":"
        : "Dear " + (firstName == null ? "passenger" : firstName) + ",";
    String closing = spanish ? "Atentamente,\nAtención al pasajero" : "Kind regards,\nPassenger care";
    return new Message(subject, greeting + "\n\n" + body + "\n\n" + closing);
  }

  private static String because(String rule, boolean spanish) {
    if (rule == null) {
      return "";
    }
    if (rule.contains("EU261")) {
      return spanish ? " según el artículo 8 del Reglamento (CE) 261/2004" : " under article 8 of EU Regulation 261/2004";
    }
    if (rule.contains("US_DOT")) {
      return spanish ? " según la norma de reembolsos del DOT de EE. UU. (14 CFR 260)"
          : " under the US DOT rule on refunds (14 CFR 260)";
    }
    return "";
  }
}
