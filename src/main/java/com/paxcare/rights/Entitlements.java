package com.paxcare.rights;

/**
 * What one rule gives a disrupted passenger.
 *
 * @param rule             which rule (EU261, US_DOT, or the airline's own)
 * @param meals            meals and refreshments in proportion to the wait
 * @param communication    two phone calls, messages or e-mails
 * @param hotel            a hotel and transport to it, when the wait crosses a night
 * @param refund           the choice of a refund instead of travelling
 * @param compensation     an amount owed besides (0: none)
 * @param currency         the amount's currency
 */
public record Entitlements(String rule, boolean meals, boolean communication, boolean hotel, boolean refund,
    int compensation, String currency) {
  public static final Entitlements NONE = new Entitlements(null, false, false, false, false, 0, null);

  public boolean any() {
    return meals || communication || hotel || refund || compensation > 0;
  }

  /** The more generous of two, field by field (an airline's own policy on top of a regulation). */
  public Entitlements and(Entitlements other) {
    if (!other.any()) {
      return this;
    }
    if (!any()) {
      return other;
    }
    boolean otherPaysMore = other.compensation > compensation;
    return new Entitlements(rule + "+" + other.rule, meals || other.meals, communication || other.communication,
        hotel || other.hotel, refund || other.refund, otherPaysMore ? other.compensation : compensation,
        otherPaysMore ? other.currency : currency);
  }
}
