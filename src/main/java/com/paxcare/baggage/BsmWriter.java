package com.paxcare.baggage;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes a {@link BsmMessage} as IATA RP 1745 Type B text that {@link BsmParser} reads back to an equal message
 * (apart from {@code text} and {@code firstLine}, which describe where a parsed message came from).
 */
public final class BsmWriter {

    /** One .N/ element holds at most 999 consecutive tags. */
    private static final int MAX_TAGS_PER_ELEMENT = 999;

    private BsmWriter() {
    }

    /** The message as lines separated by "\n", from {@code BSM} to {@code ENDBSM} (no trailing line break). */
    public static String write(BsmMessage m) {
        StringJoiner out = new StringJoiner("\n");
        out.add("BSM");
        if (m.action() != BsmMessage.Action.ADD) {
            out.add(m.action().name());
        }
        out.add(".V/" + m.versionAndSource());
        if (m.inbound() != null) {
            out.add(".I/" + leg(m.inbound()));
        }
        if (m.outbound() != null) {
            out.add(".F/" + leg(m.outbound()));
        }
        m.onward().forEach(leg -> out.add(".O/" + leg(leg)));
        tagElements(m.tags()).forEach(out::add);
        if (m.weightKg() != null) {
            out.add(".W/K/" + (m.pieces() == null ? "" : m.pieces()) + "/" + m.weightKg());
        } else if (m.pieces() != null) {
            out.add(".W/P/" + m.pieces());
        }
        if (m.passengerSurname() != null) {
            StringJoiner name = new StringJoiner("/", ".P/", "");
            name.add(m.passengerSurname());
            m.passengerGivenNames().forEach(name::add);
            out.add(name.toString());
        }
        if (m.pnr() != null) {
            out.add(".L/" + m.pnr());
        }
        m.exceptions().forEach(code -> out.add(".E/" + code));
        m.irregularities().forEach(code -> out.add(".B/" + code));
        out.add("ENDBSM");
        return out.toString();
    }

    private static String leg(FlightLeg leg) {
        String text = leg.flight() + "/" + DayMonth.format(leg.date()) + "/"
                + (leg.destination() == null ? "" : leg.destination());
        return leg.cabinClass() == null ? text : text + "/" + leg.cabinClass();
    }

    /** Collapses runs of consecutive tags (same airline, serial +1) into tag + 3-digit count elements. */
    private static List<String> tagElements(List<String> tags) {
        List<String> elements = new ArrayList<>();
        int runStart = 0;
        for (int i = 1; i <= tags.size(); i++) {
            boolean runContinues = i < tags.size()
                    && i - runStart < MAX_TAGS_PER_ELEMENT
                    && follows(tags.get(i - 1), tags.get(i));
            if (!runContinues) {
                elements.add(String.format(".N/%s%03d", tags.get(runStart), i - runStart));
                runStart = i;
            }
        }
        return elements;
    }

    private static boolean follows(String previous, String next) {
        return previous.substring(0, 4).equals(next.substring(0, 4))
                && Integer.parseInt(next.substring(4)) == Integer.parseInt(previous.substring(4)) + 1;
    }
}
