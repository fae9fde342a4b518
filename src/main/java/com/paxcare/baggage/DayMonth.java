package com.paxcare.baggage;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ddMMM dates of Type B messages ("05FEB"). Month names are fixed English upper case, never the JVM locale.
 */
final class DayMonth {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final Pattern DD_MMM = Pattern.compile("(\\d{2})([A-Z]{3})");

    private DayMonth() {
    }

    static String format(LocalDate date) {
        return String.format("%02d%s", date.getDayOfMonth(), MONTHS.get(date.getMonthValue() - 1));
    }

    /**
     * The date nearest to {@code today} with this day and month: the message gives no year, and a bag is
     * checked in at most a few months before or after its flight. 02JAN read on 30 December is next January.
     *
     * @throws IllegalArgumentException with an English reason when the text is not a possible ddMMM date
     */
    static LocalDate parseNearest(String text, LocalDate today) {
        Matcher m = DD_MMM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("date '" + text + "' must be ddMMM, e.g. 05FEB");
        }
        int month = MONTHS.indexOf(m.group(2)) + 1;
        if (month == 0) {
            throw new IllegalArgumentException("date '" + text + "' has an unknown month " + m.group(2));
        }
        int day = Integer.parseInt(m.group(1));
        LocalDate nearest = null;
        // Later years first so that an exact tie goes to the future: flights are mostly ahead of us.
        for (int year = today.getYear() + 1; year >= today.getYear() - 1; year--) {
            LocalDate candidate;
            try {
                candidate = LocalDate.of(year, month, day);
            } catch (DateTimeException impossibleInThisYear) {
                continue; // 29FEB outside a leap year
            }
            if (nearest == null || distance(candidate, today) < distance(nearest, today)) {
                nearest = candidate;
            }
        }
        if (nearest == null) {
            throw new IllegalArgumentException("date '" + text + "' does not exist");
        }
        return nearest;
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(ChronoUnit.DAYS.between(a, b));
    }
}
