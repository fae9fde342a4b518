package com.paxcare.rebook;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minimum connecting time per airport, with a default for airports not listed.
 *
 * @param byDefault MCT at airports not in {@code byAirport}
 * @param byAirport MCT by airport code (codes compared case-insensitively)
 */
public record MinimumConnectingTimes(Duration byDefault, Map<String, Duration> byAirport) {

    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9]{3,4})\\s*=\\s*(\\d{1,4})");

    public MinimumConnectingTimes {
        Objects.requireNonNull(byDefault, "byDefault");
        if (byDefault.isNegative()) {
            throw new IllegalArgumentException("default minimum connecting time is negative: " + byDefault);
        }
        Map<String, Duration> copy = new HashMap<>();
        if (byAirport != null) {
            byAirport.forEach((airport, mct) -> {
                Objects.requireNonNull(airport, "airport");
                Objects.requireNonNull(mct, "minimum connecting time at " + airport);
                if (mct.isNegative()) {
                    throw new IllegalArgumentException("minimum connecting time at " + airport + " is negative: " + mct);
                }
                copy.put(airport.trim().toUpperCase(Locale.ROOT), mct);
            });
        }
        byAirport = Map.copyOf(copy);
    }

    /** The MCT at an airport: its own when listed, else the default. */
    public Duration at(String airport) {
        if (airport == null) {
            return byDefault;
        }
        return byAirport.getOrDefault(airport.trim().toUpperCase(Locale.ROOT), byDefault);
    }

    /**
     * Reads {@code "MDW=45,DEN=40,ORD=90"} (minutes by airport). A null or blank spec gives only the default; blank
     * entries (e.g. a trailing comma) are skipped; a malformed or repeated entry throws
     * {@link IllegalArgumentException} naming it.
     */
    public static MinimumConnectingTimes parse(String spec, Duration byDefault) {
        Map<String, Duration> byAirport = new HashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String raw : spec.split(",", -1)) {
                String entry = raw.trim();
                if (entry.isEmpty()) {
                    continue;
                }
                Matcher m = ENTRY.matcher(entry);
                if (!m.matches()) {
                    throw new IllegalArgumentException("malformed minimum connecting time entry '" + entry
                            + "' (expected AIRPORT=MINUTES, e.g. MDW=45)");
                }
                String airport = m.group(1).toUpperCase(Locale.ROOT);
                if (byAirport.put(airport, Duration.ofMinutes(Long.parseLong(m.group(2)))) != null) {
                    throw new IllegalArgumentException("minimum connecting time entry '" + entry
                            + "' repeats airport " + airport);
                }
            }
        }
        return new MinimumConnectingTimes(byDefault, byAirport);
    }
}
