package com.paxcare.notify;

import com.paxcare.notify.DisruptionNoticeFacts.Outcome;
import com.paxcare.notify.DisruptionNoticeFacts.Rights;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The proactive notice a passenger gets when her flight is cancelled, delayed or diverted, or she missed her
 * connection: what happened, what we did (new flights, kept seat or waitlist and what happens next), her bags,
 * what the rules give her (citing the rule by name), that the change costs her nothing, and the case reference.
 * Plain text, English or Spanish (any other language gets English), by SMS or e-mail. No I/O.
 *
 * <p>Times are shown in the offset they carry ("14:05", "Mon 23 Nov" / "lun 23 nov"). An SMS is at most
 * {@link Confirmations#SMS_MAX_CHARS} characters: when the full text is longer, details are shortened or left out
 * one step at a time (least important first) while what happened, the new flight or waitlist position, "no charge" and
 * the case reference always stay.
 */
public final class DisruptionNotices {

    private static final int SMS_MAX_CHARS = Confirmations.SMS_MAX_CHARS;

    private DisruptionNotices() {
    }

    public static Message render(DisruptionNoticeFacts facts, Channel channel, String language) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(channel, "channel");
        Words w = Words.forLanguage(language);
        return channel == Channel.SMS ? new Message(null, sms(facts, w)) : email(facts, w);
    }

    // ---- SMS ----------------------------------------------------------------------------------------------------

    /** SMS shortening steps, applied cumulatively in this order (least important first) until the text fits. */
    private enum Cut {
        COMMUNICATION,      // "two calls or e-mails" left out
        BAG_TAGS,           // "Your 2 bags follow you to DEN." instead of the tag list
        HOTEL_SHORT,        // "hotel + transport"
        VOUCHER_CODE,       // voucher without its code
        REFUND_SHORT,       // "Rather not travel? Full refund (...)."
        COMPENSATION_SHORT, // "Possible compensation: EUR 600 (...)."
        CITES_SHORT,        // refund and compensation cite "EU261 art. 8" instead of "EU Regulation 261/2004 art. 8"
        NAME,               // "We are sorry: ..." without her first name
        NO_CHARGE_SHORT,    // "No charge."
        DISRUPTED_ROUTE,    // the disrupted flight without its route
        NO_SEAT_SHORT,      // waitlist position and next steps in fewer words
        RULE_SHORT,         // the rights line names "EU261" instead of "EU Regulation 261/2004"
        ARRIVAL,            // the new itinerary without its arrival
        SORRY,              // "Your flight ... is cancelled."
        LATER_LEGS,         // "(+1 connecting flight)"
        VOUCHER_AMOUNT,     // "a meal voucher" alone
        // only absurdly long values get past this point
        BAGS, CARE, SEAT, COMPENSATION, REFUND
    }

    private static String sms(DisruptionNoticeFacts f, Words w) {
        Set<Cut> cuts = EnumSet.noneOf(Cut.class);
        List<String> parts = smsParts(f, w, cuts);
        String text = String.join(" ", parts);
        for (Cut cut : Cut.values()) {
            if (text.length() <= SMS_MAX_CHARS) {
                return text;
            }
            cuts.add(cut);
            parts = smsParts(f, w, cuts);
            text = String.join(" ", parts);
        }
        if (text.length() <= SMS_MAX_CHARS) {
            return text;
        }
        // Last resort: keep the beginning (what happened) and the end ("no charge" and the reference).
        int n = parts.size();
        String tail = parts.get(n - 2) + " " + parts.get(n - 1);
        String head = String.join(" ", parts.subList(0, n - 2));
        int room = SMS_MAX_CHARS - tail.length() - 4;
        if (room <= 0) {
            return text.substring(text.length() - SMS_MAX_CHARS);
        }
        return head.substring(0, Math.min(room, head.length())) + "... " + tail;
    }

    /** The SMS sentences in order; the last two are always "no charge" and the reference. */
    private static List<String> smsParts(DisruptionNoticeFacts f, Words w, Set<Cut> cuts) {
        Phrases p = w.phrases();
        List<String> parts = new ArrayList<>();
        OffsetDateTime scheduled = f.scheduledDeparture();

        String clause = happened(f, w, !cuts.contains(Cut.DISRUPTED_ROUTE));
        String sorry = cuts.contains(Cut.SORRY) ? "" : w.sorry(cuts.contains(Cut.NAME) ? null : firstName(f));
        parts.add(sorry.isEmpty() ? cap(clause) + "." : sorry + clause + ".");

        List<FlightLine> legs = f.flights();
        boolean rebooked = f.outcome() == Outcome.REBOOKED && !legs.isEmpty();
        if (rebooked) {
            parts.add(smsItinerary(legs, p, cuts.contains(Cut.LATER_LEGS) ? 1 : legs.size(),
                    !cuts.contains(Cut.ARRIVAL)));
        } else if (f.outcome() == Outcome.KEPT_FLIGHT) {
            OffsetDateTime dep = f.newDeparture();
            parts.add(w.kept(text(f.disruptedFlight()), dep, dep != null && !sameDay(scheduled, dep)));
        } else {
            boolean brief = cuts.contains(Cut.NO_SEAT_SHORT);
            parts.add(noSeat(f, w, brief) + " " + w.nextSteps(f.callBackBy(),
                    f.callBackBy() != null && !sameDay(scheduled, f.callBackBy()), brief));
        }
        String seat = text(f.seat());
        if ((rebooked || f.outcome() == Outcome.KEPT_FLIGHT) && seat != null && !seat.isEmpty()
                && !cuts.contains(Cut.SEAT)) {
            parts.add(p.seat() + " " + seat + ".");
        }

        List<String> tags = texts(f.bagTags());
        if (!tags.isEmpty() && !cuts.contains(Cut.BAGS)) {
            parts.add(cuts.contains(Cut.BAG_TAGS) ? w.bagsShort(tags.size(), text(f.destination()))
                    : w.bags(tags, text(f.destination())));
        }

        Rights r = f.rights();
        boolean shortCites = cuts.contains(Cut.CITES_SHORT);
        if (!cuts.contains(Cut.CARE)) {
            List<String> items = careItems(r, w, cuts);
            if (!items.isEmpty()) {
                parts.add(w.careIntro(ruleNames(r, w, cuts.contains(Cut.RULE_SHORT))) + " "
                          + String.join("; ", items) + ".");
            }
        }
        if (r.refund() && !cuts.contains(Cut.REFUND)) {
            parts.add(w.refund(refundCites(r, w, shortCites), cuts.contains(Cut.REFUND_SHORT)));
        }
        if (r.compensation() > 0 && !cuts.contains(Cut.COMPENSATION)) {
            parts.add(w.compensation(w.money(Integer.toString(r.compensation()), text(r.compensationCurrency())),
                    compensationCites(r, w, shortCites), cuts.contains(Cut.COMPENSATION_SHORT)));
        }

        parts.add(cuts.contains(Cut.NO_CHARGE_SHORT) ? w.noChargeShort() : w.noCharge(!rebooked
                && f.outcome() != Outcome.KEPT_FLIGHT));
        parts.add(p.caseReference(text(f.caseReference())));
        return parts;
    }

    /**
     * "New flight WN2001 MDW-DEN Mon 23 Nov 18:30, arrives 20:10." Later legs repeat the date only when it
     * changes; with {@code shown} smaller than the number of legs the rest is summarised as "(+1 connecting
     * flight)".
     */
    private static String smsItinerary(List<FlightLine> legs, Phrases p, int shown, boolean withArrival) {
        StringBuilder sb = new StringBuilder(p.smsNewFlights(legs.size()));
        OffsetDateTime previous = null;
        for (int i = 0; i < shown; i++) {
            FlightLine leg = legs.get(i);
            sb.append(i == 0 ? " " : "; ").append(leg(leg)).append(' ')
              .append(sameDay(previous, leg.departure()) ? Phrases.time(leg.departure()) : p.dateTime(leg.departure()));
            previous = leg.departure();
        }
        if (shown < legs.size()) {
            sb.append(' ').append(p.smsMoreFlights(legs.size() - shown));
        }
        FlightLine last = legs.get(legs.size() - 1);
        if (withArrival && last.arrival() != null) {
            boolean single = legs.size() == 1;
            sb.append(single ? ", " + p.smsArrives() : "; " + p.smsArrivesAt(text(last.destination()))).append(' ')
              .append(sameDay(previous, last.arrival()) ? Phrases.time(last.arrival()) : p.dateTime(last.arrival()));
        }
        return sb.append('.').toString();
    }

    // ---- e-mail -------------------------------------------------------------------------------------------------

    private static Message email(DisruptionNoticeFacts f, Words w) {
        Phrases p = w.phrases();
        String first = firstName(f);
        String last = text(f.passengerLastName());
        String dest = text(f.destination());
        List<FlightLine> legs = f.flights();
        boolean rebooked = f.outcome() == Outcome.REBOOKED && !legs.isEmpty();
        StringBuilder b = new StringBuilder();

        String name = first == null ? null : last == null || last.isEmpty() ? first : first + " " + last;
        b.append(p.salutation(name)).append("\n\n");
        b.append(w.sorry(null)).append(happened(f, w, true)).append(". ").append(w.heardFromUs()).append("\n\n");

        // what we did
        String seat = text(f.seat());
        if (rebooked) {
            b.append(w.rebookedTo(dest, legs.size())).append(' ')
             .append(p.emailFlightsHeading(legs.size(), Audience.PASSENGER, first)).append('\n');
            Confirmations.flightTable(b, legs, p);
            if (seat != null && !seat.isEmpty()) {
                b.append(p.seat()).append(": ").append(seat)
                 .append(" (").append(p.onFlight(text(legs.get(0).flight()))).append(")\n");
            }
        } else if (f.outcome() == Outcome.KEPT_FLIGHT) {
            b.append(w.kept(text(f.disruptedFlight()), f.newDeparture(), true)).append('\n');
            if (seat != null && !seat.isEmpty()) {
                b.append(p.seat()).append(": ").append(seat)
                 .append(" (").append(p.onFlight(text(f.disruptedFlight()))).append(")\n");
            }
        } else {
            b.append(noSeat(f, w, false)).append(' ').append(w.nextSteps(f.callBackBy(), true, false)).append('\n');
        }
        b.append('\n');

        List<String> tags = texts(f.bagTags());
        if (!tags.isEmpty()) {
            b.append(w.bags(tags, dest)).append("\n\n");
        }

        Rights r = f.rights();
        List<String> rights = new ArrayList<>();
        List<String> items = careItems(r, w, EnumSet.noneOf(Cut.class));
        if (!items.isEmpty()) {
            StringBuilder care = new StringBuilder(w.careIntro(ruleNames(r, w, false)));
            items.forEach(item -> care.append("\n  - ").append(item));
            rights.add(care.toString());
        }
        if (r.refund()) {
            rights.add(w.refund(refundCites(r, w, false), false));
        }
        if (r.compensation() > 0) {
            rights.add(w.compensation(w.money(Integer.toString(r.compensation()), text(r.compensationCurrency())),
                    compensationCites(r, w, false), false));
        }
        if (!rights.isEmpty()) {
            b.append(String.join("\n", rights)).append("\n\n");
        }

        b.append(w.noCharge(!rebooked && f.outcome() != Outcome.KEPT_FLIGHT)).append('\n');
        b.append(w.emailReference(text(f.caseReference()))).append("\n\n");
        b.append(p.signOff()).append('\n');

        String did;
        if (rebooked) {
            did = w.subjectRebooked(legs.stream().map(l -> text(l.flight())).toList(), dest);
        } else if (f.outcome() == Outcome.KEPT_FLIGHT) {
            did = w.subjectKept();
        } else if (f.outcome() == Outcome.WAITLISTED) {
            did = w.subjectWaitlisted(f.waitlistPosition(), dest);
        } else {
            did = w.subjectSearching();
        }
        return new Message(w.subjectHappened(f.kind(), text(f.disruptedFlight()), f.newDeparture(),
                f.newDeparture() != null && !sameDay(f.scheduledDeparture(), f.newDeparture()),
                text(f.divertedTo())) + ": " + did, b.toString());
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    private static String happened(DisruptionNoticeFacts f, Words w, boolean withRoute) {
        String origin = text(f.disruptedOrigin());
        String destination = text(f.disruptedDestination());
        String route = !withRoute || origin == null || destination == null || origin.isEmpty()
                       || destination.isEmpty() ? null : origin + "-" + destination;
        OffsetDateTime dep = f.newDeparture();
        return w.happened(f.kind(), text(f.disruptedFlight()), route, w.phrases().dateTime(f.scheduledDeparture()),
                dep, dep != null && !sameDay(f.scheduledDeparture(), dep), text(f.divertedTo()));
    }

    /** WAITLISTED, or REBOOKED without any flight: no seat yet, and what happens next. */
    private static String noSeat(DisruptionNoticeFacts f, Words w, boolean shortForm) {
        return f.outcome() == Outcome.WAITLISTED
                ? w.waitlisted(f.waitlistPosition(), text(f.destination()), shortForm)
                : w.stillLooking(text(f.destination()), shortForm);
    }

    private static List<String> careItems(Rights r, Words w, Set<Cut> cuts) {
        List<String> items = new ArrayList<>();
        if (r.meals()) {
            items.add(w.voucher(cuts.contains(Cut.VOUCHER_AMOUNT) ? null
                            : w.money(text(r.mealVoucherAmount()), text(r.mealVoucherCurrency())),
                    cuts.contains(Cut.VOUCHER_CODE) ? null : text(r.mealVoucherCode())));
        }
        if (r.hotel()) {
            items.add(cuts.contains(Cut.HOTEL_SHORT) ? w.hotelShort() : w.hotel());
        }
        if (r.communication() && !cuts.contains(Cut.COMMUNICATION)) {
            items.add(w.communication());
        }
        return items;
    }

    /** "EU261+US_DOT" split into its parts, upper-case; empty when there is no rule. */
    private static List<String> rules(Rights r) {
        if (r.rule() == null) {
            return List.of();
        }
        List<String> rules = new ArrayList<>();
        for (String token : r.rule().split("\\+")) {
            String t = token.strip().toUpperCase(Locale.ROOT);
            if (!t.isEmpty()) {
                rules.add(t);
            }
        }
        return rules;
    }

    private static String ruleNames(Rights r, Words w, boolean shortForm) {
        List<String> names = rules(r).stream().map(rule -> w.ruleName(rule, shortForm)).toList();
        return names.isEmpty() ? null : w.and(names);
    }

    /** The refund comes from the regulations when there are any; the airline's own plan otherwise. */
    private static String refundCites(Rights r, Words w, boolean shortForm) {
        List<String> rules = rules(r);
        List<String> regulations = rules.stream().filter(rule -> !rule.equals("AIRLINE")).toList();
        List<String> cited = regulations.isEmpty() ? rules : regulations;
        return cited.isEmpty() ? null : w.and(cited.stream().map(rule -> w.refundCite(rule, shortForm)).toList());
    }

    /** US DOT rules give no compensation for delays or cancellations: cite the others when there are any. */
    private static String compensationCites(Rights r, Words w, boolean shortForm) {
        List<String> rules = rules(r);
        List<String> others = rules.stream().filter(rule -> !rule.equals("US_DOT")).toList();
        List<String> cited = others.isEmpty() ? rules : others;
        return cited.isEmpty() ? null
                : w.and(cited.stream().map(rule -> w.compensationCite(rule, shortForm)).toList());
    }

    private static String leg(FlightLine leg) {
        return text(leg.flight()) + " " + text(leg.origin()) + "-" + text(leg.destination());
    }

    private static boolean sameDay(OffsetDateTime reference, OffsetDateTime t) {
        return reference != null && reference.toLocalDate().equals(t.toLocalDate());
    }

    private static String firstName(DisruptionNoticeFacts f) {
        String first = text(f.passengerFirstName());
        return first == null || first.isEmpty() ? null : first;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Free text from upstream on one line: whitespace runs (including line breaks) become one space. */
    private static String text(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    private static List<String> texts(List<String> values) {
        return values.stream().map(DisruptionNotices::text).filter(s -> !s.isEmpty()).toList();
    }

    // ===========================================================================================================

    /**
     * The disruption wording per language. Dates, seat, reference, salutation and sign-off come from
     * {@link Phrases}. English stays ASCII.
     */
    private interface Words {

        static Words forLanguage(String language) {
            return Phrases.forLanguage(language) == Phrases.SPANISH ? SPANISH : ENGLISH;
        }

        Phrases phrases();

        /** "Anna, we are sorry: " (or without the name when {@code first} is null). */
        String sorry(String first);

        /** "your flight WN1234 MDW-DEN on Mon 23 Nov 14:05 is cancelled", lower-case start, no full stop. */
        String happened(String kind, String flight, String route, String scheduled,
                        OffsetDateTime newDeparture, boolean newDepartureWithDate, String divertedTo);

        String heardFromUs();

        String subjectHappened(String kind, String flight, OffsetDateTime newDeparture, boolean withDate,
                               String divertedTo);

        String subjectRebooked(List<String> flights, String destination);

        String subjectKept();

        String subjectWaitlisted(Integer position, String destination);

        String subjectSearching();

        String rebookedTo(String destination, int legs);

        String kept(String flight, OffsetDateTime newDeparture, boolean withDate);

        String waitlisted(Integer position, String destination, boolean shortForm);

        String stillLooking(String destination, boolean shortForm);

        String nextSteps(OffsetDateTime callBackBy, boolean withDate, boolean shortForm);

        String bags(List<String> tags, String destination);

        String bagsShort(int count, String destination);

        String ruleName(String rule, boolean shortForm);

        String refundCite(String rule, boolean shortForm);

        String compensationCite(String rule, boolean shortForm);

        String and(List<String> items);

        /** "Under EU Regulation 261/2004 you get:"; {@code rules} may be null. */
        String careIntro(String rules);

        /** "a meal voucher (USD 15.00, code MV7731)"; both arguments nullable. */
        String voucher(String money, String code);

        String hotel();

        String hotelShort();

        String communication();

        String refund(String cites, boolean shortForm);

        String compensation(String money, String cites, boolean shortForm);

        /** "USD 15.00" / "15.00 USD"; null without an amount. */
        String money(String amount, String currency);

        String noCharge(boolean noSeatYet);

        String noChargeShort();

        String emailReference(String ref);

        // =======================================================================================================

        Words ENGLISH = new Words() {
            @Override public Phrases phrases() { return Phrases.ENGLISH; }

            @Override public String sorry(String first) {
                return first == null ? "We are sorry: " : first + ", we are sorry: ";
            }

            @Override
            public String happened(String kind, String flight, String route, String scheduled,
                                   OffsetDateTime newDeparture, boolean withDate, String divertedTo) {
                String which = flight + (route == null ? "" : " " + route) + " on " + scheduled;
                return switch (kind) {
                    case "FLIGHT_CANCELLED" -> "your flight " + which + " is cancelled";
                    case "FLIGHT_DELAYED" -> "your flight " + which + " is delayed"
                            + (newDeparture == null ? "" : " to " + when(newDeparture, withDate));
                    case "FLIGHT_DIVERTED" -> "your flight " + which + " has been diverted"
                            + (divertedTo == null || divertedTo.isEmpty() ? "" : " to " + divertedTo);
                    case "MISSED_CONNECTION" -> "you missed your connecting flight " + which;
                    default -> "your flight " + which + " is disrupted";
                };
            }

            @Override public String heardFromUs() { return "We wanted you to hear it from us first."; }

            @Override
            public String subjectHappened(String kind, String flight, OffsetDateTime newDeparture, boolean withDate,
                                          String divertedTo) {
                return switch (kind) {
                    case "FLIGHT_CANCELLED" -> "Your flight " + flight + " is cancelled";
                    case "FLIGHT_DELAYED" -> "Your flight " + flight + " is delayed"
                            + (newDeparture == null ? "" : " to " + when(newDeparture, withDate));
                    case "FLIGHT_DIVERTED" -> "Your flight " + flight + " is diverted"
                            + (divertedTo == null || divertedTo.isEmpty() ? "" : " to " + divertedTo);
                    case "MISSED_CONNECTION" -> "You missed your connection " + flight;
                    default -> "Your flight " + flight + " is disrupted";
                };
            }

            @Override public String subjectRebooked(List<String> flights, String destination) {
                return (flights.size() == 1 ? "new flight " : "new flights ") + String.join(", ", flights)
                       + " to " + destination;
            }

            @Override public String subjectKept() { return "you keep your seat"; }

            @Override public String subjectWaitlisted(Integer position, String destination) {
                return position == null ? "you are on the waitlist for " + destination
                        : "you are number " + position + " on the waitlist for " + destination;
            }

            @Override public String subjectSearching() { return "our care desk will call you"; }

            @Override public String rebookedTo(String destination, int legs) {
                return "We have rebooked you to " + destination + ".";
            }

            @Override public String kept(String flight, OffsetDateTime newDeparture, boolean withDate) {
                if (newDeparture == null) {
                    return "You keep your seat on flight " + flight
                           + "; we will tell you the new time as soon as we have it.";
                }
                return "You keep your seat on flight " + flight + ", now leaving "
                       + (withDate ? "on " : "at ") + when(newDeparture, withDate) + ".";
            }

            @Override public String waitlisted(Integer position, String destination, boolean shortForm) {
                return (shortForm ? "No seat yet: you are " : "No seat within reach yet: you are ")
                       + (position == null ? "" : "number " + position + " ") + "on the waitlist for "
                       + destination + ".";
            }

            @Override public String stillLooking(String destination, boolean shortForm) {
                return shortForm ? "No seat yet: we are looking for one to " + destination + "."
                        : "No seat within reach yet: we are still looking for one to " + destination + ".";
            }

            @Override public String nextSteps(OffsetDateTime callBackBy, boolean withDate, boolean shortForm) {
                if (shortForm) {
                    return "We text you once a seat is yours; "
                           + (callBackBy == null ? "our care desk will call you."
                                   : "our care desk calls you by " + when(callBackBy, withDate) + ".");
                }
                return "We will message you as soon as a seat is yours; "
                       + (callBackBy == null ? "a person from our care desk will call you."
                               : "our care desk will call you by " + when(callBackBy, withDate) + ".");
            }

            @Override public String bags(List<String> tags, String destination) {
                return tags.size() == 1
                        ? "Your bag (tag " + tags.get(0) + ") follows you to " + destination + "."
                        : "Your bags (tags " + String.join(", ", tags) + ") follow you to " + destination + ".";
            }

            @Override public String bagsShort(int count, String destination) {
                return count == 1 ? "Your bag follows you to " + destination + "."
                        : "Your " + count + " bags follow you to " + destination + ".";
            }

            @Override public String ruleName(String rule, boolean shortForm) {
                return switch (rule) {
                    case "EU261" -> shortForm ? "EU261" : "EU Regulation 261/2004";
                    case "US_DOT" -> shortForm ? "US DOT" : "US DOT rules";
                    case "AIRLINE" -> shortForm ? "our service plan" : "our Customer Service Plan";
                    default -> rule;
                };
            }

            @Override public String refundCite(String rule, boolean shortForm) {
                return switch (rule) {
                    case "EU261" -> shortForm ? "EU261 art. 8" : "EU Regulation 261/2004 art. 8";
                    case "US_DOT" -> shortForm ? "14 CFR 260" : "the US DOT rule on refunds (14 CFR 260)";
                    default -> ruleName(rule, shortForm);
                };
            }

            @Override public String compensationCite(String rule, boolean shortForm) {
                return rule.equals("EU261")
                        ? (shortForm ? "EU261 art. 7" : "EU Regulation 261/2004 art. 7")
                        : ruleName(rule, shortForm);
            }

            @Override public String and(List<String> items) { return join(items, " and "); }

            @Override public String careIntro(String rules) {
                return rules == null ? "You get:" : "Under " + rules + " you get:";
            }

            @Override public String voucher(String money, String code) {
                return "a meal voucher" + paren(money, code == null ? null : "code " + code);
            }

            @Override public String hotel() { return "a hotel room and transport to it"; }
            @Override public String hotelShort() { return "hotel + transport"; }
            @Override public String communication() { return "two calls or e-mails"; }

            @Override public String refund(String cites, boolean shortForm) {
                if (shortForm) {
                    return "Rather not travel? Full refund" + (cites == null ? "" : " (" + cites + ")") + ".";
                }
                return "If you would rather not travel, you can have a full refund instead"
                       + (cites == null ? "" : ", under " + cites) + ".";
            }

            @Override public String compensation(String money, String cites, boolean shortForm) {
                if (shortForm) {
                    return "Possible compensation: " + money + (cites == null ? "" : " (" + cites + ")") + ".";
                }
                return "You may be entitled to compensation of " + money + (cites == null ? "" : " under " + cites)
                       + ".";
            }

            @Override public String money(String amount, String currency) {
                return amount == null || amount.isEmpty() ? null
                        : currency == null || currency.isEmpty() ? amount : currency + " " + amount;
            }

            @Override public String noCharge(boolean noSeatYet) {
                return noSeatYet ? "No charge: your new booking will cost you nothing."
                        : "No charge: this change costs you nothing.";
            }

            @Override public String noChargeShort() { return "No charge."; }

            @Override public String emailReference(String ref) {
                return "Please quote Ref " + ref + " if you contact us.";
            }

            private String when(OffsetDateTime t, boolean withDate) {
                return withDate ? Phrases.ENGLISH.dateTime(t) : Phrases.time(t);
            }
        };

        // =======================================================================================================

        Words SPANISH = new Words() {
            @Override public Phrases phrases() { return Phrases.SPANISH; }

            @Override public String sorry(String first) {
                return first == null ? "Lo sentimos: " : first + ", lo sentimos: ";
            }

            @Override
            public String happened(String kind, String flight, String route, String scheduled,
                                   OffsetDateTime newDeparture, boolean withDate, String divertedTo) {
                String which = flight + (route == null ? "" : " " + route) + " del " + scheduled;
                return switch (kind) {
                    case "FLIGHT_CANCELLED" -> "su vuelo " + which + " ha sido cancelado";
                    case "FLIGHT_DELAYED" -> "su vuelo " + which + " se ha retrasado"
                            + (newDeparture == null ? "" : " hasta " + when(newDeparture, withDate));
                    case "FLIGHT_DIVERTED" -> "su vuelo " + which + " ha sido desviado"
                            + (divertedTo == null || divertedTo.isEmpty() ? "" : " a " + divertedTo);
                    case "MISSED_CONNECTION" -> "ha perdido su vuelo de conexión " + which;
                    default -> "su vuelo " + which + " se ha visto afectado";
                };
            }

            @Override public String heardFromUs() { return "Queríamos que lo supiera por nosotros primero."; }

            @Override
            public String subjectHappened(String kind, String flight, OffsetDateTime newDeparture, boolean withDate,
                                          String divertedTo) {
                return switch (kind) {
                    case "FLIGHT_CANCELLED" -> "Su vuelo " + flight + " está cancelado";
                    case "FLIGHT_DELAYED" -> "Su vuelo " + flight + " se retrasa"
                            + (newDeparture == null ? "" : " hasta " + when(newDeparture, withDate));
                    case "FLIGHT_DIVERTED" -> "Su vuelo " + flight + " ha sido desviado"
                            + (divertedTo == null || divertedTo.isEmpty() ? "" : " a " + divertedTo);
                    case "MISSED_CONNECTION" -> "Ha perdido su conexión " + flight;
                    default -> "Su vuelo " + flight + " se ha visto afectado";
                };
            }

            @Override public String subjectRebooked(List<String> flights, String destination) {
                return (flights.size() == 1 ? "nuevo vuelo " : "nuevos vuelos ") + String.join(", ", flights)
                       + " a " + destination;
            }

            @Override public String subjectKept() { return "conserva su asiento"; }

            @Override public String subjectWaitlisted(Integer position, String destination) {
                return position == null ? "está en la lista de espera para " + destination
                        : "es el número " + position + " en la lista de espera para " + destination;
            }

            @Override public String subjectSearching() { return "nuestro equipo de atención le llamará"; }

            @Override public String rebookedTo(String destination, int legs) {
                return legs == 1 ? "Le hemos reservado un nuevo vuelo a " + destination + "."
                        : "Le hemos reservado nuevos vuelos a " + destination + ".";
            }

            @Override public String kept(String flight, OffsetDateTime newDeparture, boolean withDate) {
                if (newDeparture == null) {
                    return "Conserva su asiento en el vuelo " + flight
                           + "; le avisaremos de la nueva hora en cuanto la tengamos.";
                }
                return "Conserva su asiento en el vuelo " + flight + ", que ahora sale "
                       + (withDate ? "" : "a ") + when(newDeparture, withDate) + ".";
            }

            @Override public String waitlisted(Integer position, String destination, boolean shortForm) {
                if (shortForm) {
                    return "Aún sin asiento: " + (position == null ? "" : "número " + position + " ")
                           + "en lista de espera para " + destination + ".";
                }
                return "Aún no hay un asiento a su alcance: "
                       + (position == null ? "está" : "es el número " + position)
                       + " en la lista de espera para " + destination + ".";
            }

            @Override public String stillLooking(String destination, boolean shortForm) {
                return shortForm ? "Aún sin asiento: buscamos uno para llegar a " + destination + "."
                        : "Aún no hay un asiento a su alcance: seguimos buscando uno para llegar a " + destination + ".";
            }

            @Override public String nextSteps(OffsetDateTime callBackBy, boolean withDate, boolean shortForm) {
                if (shortForm) {
                    return "Le avisamos al tener asiento y le llamamos"
                           + (callBackBy == null ? "." : " a más tardar " + (withDate ? "" : "a ")
                                                         + when(callBackBy, withDate) + ".");
                }
                return "Le escribiremos en cuanto tenga un asiento; "
                       + (callBackBy == null ? "una persona de nuestro equipo de atención le llamará."
                               : "nuestro equipo de atención le llamará a más tardar "
                                 + (withDate ? "" : "a ") + when(callBackBy, withDate) + ".");
            }

            @Override public String bags(List<String> tags, String destination) {
                return tags.size() == 1
                        ? "Su maleta (etiqueta " + tags.get(0) + ") le sigue hasta " + destination + "."
                        : "Sus maletas (etiquetas " + String.join(", ", tags) + ") le siguen hasta " + destination
                          + ".";
            }

            @Override public String bagsShort(int count, String destination) {
                return count == 1 ? "Su maleta le sigue hasta " + destination + "."
                        : "Sus " + count + " maletas le siguen hasta " + destination + ".";
            }

            @Override public String ruleName(String rule, boolean shortForm) {
                return switch (rule) {
                    case "EU261" -> shortForm ? "Regl. 261/2004" : "el Reglamento (CE) 261/2004";
                    case "US_DOT" -> shortForm ? "DOT" : "las normas del DOT de EE. UU.";
                    case "AIRLINE" -> shortForm ? "nuestro plan de servicio" : "nuestro Plan de Servicio al Cliente";
                    default -> rule;
                };
            }

            @Override public String refundCite(String rule, boolean shortForm) {
                return switch (rule) {
                    case "EU261" -> shortForm ? "Regl. 261/2004 art. 8" : "el art. 8 del Reglamento (CE) 261/2004";
                    case "US_DOT" -> shortForm ? "14 CFR 260"
                            : "la norma del DOT de EE. UU. sobre reembolsos (14 CFR 260)";
                    default -> ruleName(rule, shortForm);
                };
            }

            @Override public String compensationCite(String rule, boolean shortForm) {
                return rule.equals("EU261")
                        ? (shortForm ? "Regl. 261/2004 art. 7" : "el art. 7 del Reglamento (CE) 261/2004")
                        : ruleName(rule, shortForm);
            }

            @Override public String and(List<String> items) { return join(items, " y "); }

            @Override public String careIntro(String rules) {
                return rules == null ? "Usted recibe:" : "Según " + rules + ", recibe:";
            }

            @Override public String voucher(String money, String code) {
                return "un vale de comida" + paren(money, code == null ? null : "código " + code);
            }

            @Override public String hotel() { return "una habitación de hotel y el transporte hasta ella"; }
            @Override public String hotelShort() { return "hotel y traslado"; }
            @Override public String communication() { return "dos llamadas o correos electrónicos"; }

            @Override public String refund(String cites, boolean shortForm) {
                if (shortForm) {
                    return "Si no viaja: reembolso completo" + (cites == null ? "" : " (" + cites + ")") + ".";
                }
                return "Si prefiere no viajar, puede pedir el reembolso completo en su lugar"
                       + (cites == null ? "" : ", según " + cites) + ".";
            }

            @Override public String compensation(String money, String cites, boolean shortForm) {
                if (shortForm) {
                    return "Posible compensación: " + money + (cites == null ? "" : " (" + cites + ")") + ".";
                }
                return "Puede tener derecho a una compensación de " + money
                       + (cites == null ? "" : " según " + cites) + ".";
            }

            @Override public String money(String amount, String currency) {
                return amount == null || amount.isEmpty() ? null
                        : currency == null || currency.isEmpty() ? amount : amount + " " + currency;
            }

            @Override public String noCharge(boolean noSeatYet) {
                return noSeatYet ? "Sin cargo: su nueva reserva no le costará nada."
                        : "Sin cargo: este cambio no le cuesta nada.";
            }

            @Override public String noChargeShort() { return "Sin cargo."; }

            @Override public String emailReference(String ref) {
                return "Si se pone en contacto con nosotros, indique la Ref. " + ref + ".";
            }

            /** "las 18:30" / "el lun 23 nov 18:30", with the article; callers add "a" / "hasta". */
            private String when(OffsetDateTime t, boolean withDate) {
                return withDate ? "el " + Phrases.SPANISH.dateTime(t) : "las " + Phrases.time(t);
            }
        };

        private static String join(List<String> items, String and) {
            if (items.size() <= 1) {
                return String.join("", items);
            }
            return String.join(", ", items.subList(0, items.size() - 1)) + and + items.get(items.size() - 1);
        }

        private static String paren(String a, String b) {
            List<String> in = new ArrayList<>();
            if (a != null) {
                in.add(a);
            }
            if (b != null && !b.isEmpty()) {
                in.add(b);
            }
            return in.isEmpty() ? "" : " (" + String.join(", ", in) + ")";
        }
    }
}
