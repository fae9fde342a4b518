package com.paxcare.notify;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Personal, plain-text confirmations of what the airline has done for a passenger, in English or Spanish
 * (any other language gets English), by SMS or e-mail, to the passenger or to the relative who reported the
 * emergency.
 *
 * <p>Times are shown in the offset they carry ("14:05", "Mon 23 Nov" / "lun 23 nov"). An SMS is at most
 * {@value #SMS_MAX_CHARS} characters: when the full text is longer, less important details are shortened or
 * left out (waiting area, bag tags, later legs, voucher, boarding time) but the first flight number, its
 * date and time, seat, gate, "no charge"/"sin cargo" and the case reference always stay. The voucher code is
 * the passenger's: it never goes to the reporter.
 */
public final class Confirmations {

    /** Three concatenated SMS segments, as the product counts them. */
    public static final int SMS_MAX_CHARS = 480;

    private Confirmations() {
    }

    /**
     * The rebooking confirmation. With no flights in {@code facts} there is nothing to confirm, so this
     * returns {@link #noSeatFound} rather than an empty or misleading message.
     */
    public static Message render(ConfirmationFacts facts, Channel channel, Audience audience, String language) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(audience, "audience");
        if (facts.flights().isEmpty()) {
            return noSeatFound(facts, channel, audience, language);
        }
        Phrases p = Phrases.forLanguage(language);
        return channel == Channel.SMS
                ? new Message(null, rebookedSms(facts, audience, p))
                : rebookedEmail(facts, audience, p);
    }

    /**
     * Rebooking was not possible (yet): says the care desk is on it and a person will call, that nothing is
     * charged, and quotes the case reference. Any flights in {@code facts} are ignored.
     */
    public static Message noSeatFound(ConfirmationFacts facts, Channel channel, Audience audience, String language) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(audience, "audience");
        Phrases p = Phrases.forLanguage(language);
        return channel == Channel.SMS
                ? new Message(null, noSeatSms(facts, audience, p))
                : noSeatEmail(facts, audience, p);
    }

    // ---- SMS ----------------------------------------------------------------------------------------------------

    private static String rebookedSms(ConfirmationFacts f, Audience audience, Phrases p) {
        String first = text(f.passengerFirstName());
        String dest = text(f.destination());
        List<FlightLine> legs = f.flights();
        FlightLine firstLeg = legs.get(0);
        Sms sms = new Sms();

        Sms.Part care = sms.add(opening(f, audience, p, true), opening(f, audience, p, false));
        if (audience == Audience.REPORTER) {
            sms.add(p.smsReporterRebooked(first));
        }
        Sms.Part itinerary = sms.add(smsItinerary(legs, p, legs.size()),
                legs.size() > 1 ? smsItinerary(legs, p, 1) : null);
        if (f.seat() != null) {
            sms.add(p.seat() + " " + text(f.seat()) + ".");
        }
        if (f.gate() != null) {
            sms.add(p.gate() + " " + text(f.gate()) + ".");
        }
        Sms.Part boarding = null;
        if (f.boardingTime() != null) {
            OffsetDateTime b = f.boardingTime();
            String when = b.toLocalDate().equals(firstLeg.departure().toLocalDate())
                    ? Phrases.time(b) : p.dateTime(b);
            boarding = sms.add(p.boarding() + " " + when + ".", "");
        }
        Sms.Part bags = null;
        List<String> tags = texts(f.bagTags());
        if (!tags.isEmpty()) {
            bags = sms.add(p.smsBags(tags, dest, audience, first),
                    p.smsBagsShort(tags.size(), dest, audience, first), "");
        }
        Sms.Part voucher = null;
        if (f.mealVoucherCode() != null) {
            voucher = sms.add(audience == Audience.PASSENGER
                    ? p.smsVoucher(text(f.mealVoucherAmount()), text(f.mealVoucherCurrency()), text(f.mealVoucherCode()))
                    : p.smsVoucherReporter(first), "");
        }
        Sms.Part waiting = null;
        if (f.waitingArea() != null) {
            waiting = sms.add(p.smsWaitingArea(text(f.waitingArea())), "");
        }
        Sms.Part noCharge = sms.add(p.smsNoCharge(), p.smsNoChargeShort());
        if (audience == Audience.REPORTER) {
            sms.add(p.keepPhoneOn());
        }
        sms.add(p.caseReference(text(f.caseReference())));

        // Shortened first, then dropped, least important first.
        return sms.fit(waiting, bags, itinerary, bags, care, voucher, noCharge, boarding);
    }

    private static String noSeatSms(ConfirmationFacts f, Audience audience, Phrases p) {
        String first = text(f.passengerFirstName());
        Sms sms = new Sms();
        Sms.Part care = sms.add(opening(f, audience, p, true), opening(f, audience, p, false));
        sms.add(p.smsNoSeat(text(f.destination()), audience, first));
        sms.add(p.keepPhoneOn());
        Sms.Part noCharge = sms.add(p.smsNoCharge(), p.smsNoChargeShort());
        sms.add(p.caseReference(text(f.caseReference())));
        return sms.fit(care, noCharge);
    }

    /** "We are sorry about your family emergency, Anna." (with name) or without the name. */
    private static String opening(ConfirmationFacts f, Audience audience, Phrases p, boolean withName) {
        String name = audience == Audience.PASSENGER ? text(f.passengerFirstName()) : text(f.reporterName());
        String care = p.care(f.caseType(), audience);
        return withName && name != null && !name.isEmpty() ? care + ", " + name + "." : care + ".";
    }

    /**
     * "New flight UA1234 MDW-DEN Mon 23 Nov 14:05, arrives 17:45." Later legs repeat the date only when it
     * changes; with {@code shown} smaller than the number of legs the rest is summarised as "(+2 connecting
     * flights)" and the arrival is left out.
     */
    private static String smsItinerary(List<FlightLine> legs, Phrases p, int shown) {
        StringBuilder sb = new StringBuilder(p.smsNewFlights(legs.size()));
        OffsetDateTime previous = null;
        for (int i = 0; i < shown; i++) {
            FlightLine leg = legs.get(i);
            sb.append(i == 0 ? " " : "; ")
              .append(text(leg.flight())).append(' ').append(text(leg.origin())).append('-')
              .append(text(leg.destination())).append(' ')
              .append(sameDay(previous, leg.departure()) ? Phrases.time(leg.departure()) : p.dateTime(leg.departure()));
            previous = leg.departure();
        }
        if (shown < legs.size()) {
            return sb.append(' ').append(p.smsMoreFlights(legs.size() - shown)).append('.').toString();
        }
        OffsetDateTime arrival = legs.get(legs.size() - 1).arrival();
        if (arrival != null) {
            sb.append(legs.size() == 1 ? ", " + p.smsArrives()
                    : "; " + p.smsArrivesAt(text(legs.get(legs.size() - 1).destination()))).append(' ');
            sb.append(sameDay(previous, arrival) ? Phrases.time(arrival) : p.dateTime(arrival));
        }
        return sb.append('.').toString();
    }

    private static boolean sameDay(OffsetDateTime previous, OffsetDateTime t) {
        return previous != null && previous.toLocalDate().equals(t.toLocalDate());
    }

    /** An SMS made of sentences, each with variants from full to shortest ("" = left out). */
    private static final class Sms {
        static final class Part {
            final List<String> variants = new ArrayList<>();
            int level;

            String current() {
                return variants.get(level);
            }

            boolean shorten() {
                if (level + 1 < variants.size()) {
                    level++;
                    return true;
                }
                return false;
            }
        }

        private final List<Part> parts = new ArrayList<>();

        Part add(String... variants) {
            Part part = new Part();
            for (String v : variants) {
                if (v != null) {
                    part.variants.add(v);
                }
            }
            parts.add(part);
            return part;
        }

        String join() {
            StringBuilder sb = new StringBuilder();
            for (Part part : parts) {
                String s = part.current();
                if (!s.isEmpty()) {
                    sb.append(sb.length() == 0 ? "" : " ").append(s);
                }
            }
            return sb.toString();
        }

        /** Shortens parts one step at a time in the given order until the text fits; then cuts as a last resort. */
        String fit(Part... order) {
            String text = join();
            for (Part part : order) {
                if (text.length() <= SMS_MAX_CHARS) {
                    return text;
                }
                if (part != null && part.shorten()) {
                    text = join();
                }
            }
            for (Part part : order) { // second pass: parts listed once may have more than one step left
                while (text.length() > SMS_MAX_CHARS && part != null && part.shorten()) {
                    text = join();
                }
            }
            if (text.length() <= SMS_MAX_CHARS) {
                return text;
            }
            // Only absurdly long field values get here: keep the end (the case reference) intact, cut before it.
            String tail = " " + parts.get(parts.size() - 1).current();
            if (tail.length() + 3 >= SMS_MAX_CHARS) {
                return text.substring(text.length() - SMS_MAX_CHARS);
            }
            return text.substring(0, SMS_MAX_CHARS - tail.length() - 3) + "..." + tail;
        }
    }

    // ---- e-mail -------------------------------------------------------------------------------------------------

    private static Message rebookedEmail(ConfirmationFacts f, Audience audience, Phrases p) {
        String first = text(f.passengerFirstName());
        String dest = text(f.destination());
        List<FlightLine> legs = f.flights();
        StringBuilder b = new StringBuilder();

        b.append(p.salutation(salutationName(f, audience))).append("\n\n");
        b.append(p.care(f.caseType(), audience)).append(". ").append(p.emailIntro(dest, audience, first)).append("\n\n");

        b.append(p.emailFlightsHeading(legs.size(), audience, first)).append('\n');
        flightTable(b, legs, p);
        b.append('\n');

        List<String> details = new ArrayList<>();
        if (f.seat() != null) {
            details.add(p.seat() + ": " + text(f.seat()) + " (" + p.onFlight(text(legs.get(0).flight())) + ")");
        }
        if (f.boardingTime() != null) {
            details.add(p.boarding() + ": " + p.dateTime(f.boardingTime()));
        }
        if (f.gate() != null) {
            details.add(p.gate() + ": " + text(f.gate()));
        }
        addCareDetails(details, f, audience, p);
        appendBlock(b, details);

        b.append(p.emailNoCharge()).append("\n\n");
        if (audience == Audience.REPORTER) {
            b.append(p.keepPhoneOn()).append('\n');
        }
        b.append(p.emailCaseReference(text(f.caseReference()))).append("\n\n");
        b.append(p.signOff()).append('\n');
        return new Message(p.subject(dest, legs.size(), audience, first), b.toString());
    }

    private static Message noSeatEmail(ConfirmationFacts f, Audience audience, Phrases p) {
        String first = text(f.passengerFirstName());
        String dest = text(f.destination());
        StringBuilder b = new StringBuilder();
        b.append(p.salutation(salutationName(f, audience))).append("\n\n");
        b.append(p.care(f.caseType(), audience)).append(". ").append(p.emailNoSeat(dest, audience, first)).append("\n\n");
        List<String> details = new ArrayList<>();
        addCareDetails(details, f, audience, p);
        appendBlock(b, details);
        b.append(p.emailNoChargeNoSeat()).append("\n\n");
        b.append(p.keepPhoneOn()).append('\n');
        b.append(p.emailCaseReference(text(f.caseReference()))).append("\n\n");
        b.append(p.signOff()).append('\n');
        return new Message(p.subjectNoSeat(dest, audience, first), b.toString());
    }

    /** Bags, meal voucher (code only for the passenger) and waiting area, as "Label: text" lines. */
    private static void addCareDetails(List<String> details, ConfirmationFacts f, Audience audience, Phrases p) {
        String first = text(f.passengerFirstName());
        List<String> tags = texts(f.bagTags());
        if (!tags.isEmpty()) {
            details.add(p.bagsLabel() + ": " + p.emailBags(tags, text(f.destination()), audience, first));
        }
        if (f.mealVoucherCode() != null) {
            details.add(p.mealVoucherLabel() + ": " + (audience == Audience.PASSENGER
                    ? p.emailVoucher(text(f.mealVoucherAmount()), text(f.mealVoucherCurrency()), text(f.mealVoucherCode()))
                    : p.emailVoucherReporter(first)));
        }
        if (f.waitingArea() != null) {
            details.add(p.waitingAreaLabel() + ": " + text(f.waitingArea()));
        }
    }

    private static void appendBlock(StringBuilder b, List<String> lines) {
        if (!lines.isEmpty()) {
            lines.forEach(line -> b.append(line).append('\n'));
            b.append('\n');
        }
    }

    private static String salutationName(ConfirmationFacts f, Audience audience) {
        if (audience == Audience.REPORTER) {
            String r = text(f.reporterName());
            return r == null || r.isEmpty() ? null : r;
        }
        String last = text(f.passengerLastName());
        String first = text(f.passengerFirstName());
        return last == null || last.isEmpty() ? first : first + " " + last;
    }

    /** The itinerary as e-mail lines: flight, from and when, to and when, cabin; flight numbers aligned. */
    static void flightTable(StringBuilder b, List<FlightLine> legs, Phrases p) {
        int flightWidth = legs.stream().mapToInt(l -> text(l.flight()).length()).max().orElse(0);
        for (FlightLine leg : legs) {
            b.append("  ").append(pad(text(leg.flight()), flightWidth)).append("  ")
             .append(text(leg.origin())).append(' ').append(p.dateTime(leg.departure()))
             .append("  ->  ").append(text(leg.destination()));
            if (leg.arrival() != null) {
                b.append(' ').append(p.dateTime(leg.arrival()));
            }
            if (leg.cabin() != null) {
                b.append("  (").append(text(leg.cabin())).append(')');
            }
            b.append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Free text from upstream on one line: whitespace runs (including line breaks) become one space. */
    private static String text(String s) {
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    private static List<String> texts(List<String> values) {
        return values.stream().map(Confirmations::text).filter(s -> !s.isEmpty()).toList();
    }
}
