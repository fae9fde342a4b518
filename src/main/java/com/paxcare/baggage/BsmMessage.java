package com.paxcare.baggage;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One IATA RP 1745 Baggage Source Message: which bags (tags) travel on which flights for which passenger.
 *
 * @param action              ADD (plain BSM), CHG or DEL (a line right after {@code BSM})
 * @param versionAndSource    raw {@code .V/} value, e.g. "1LOSL" or "1TOSL/PART1"; built from the indicator and
 *                            station when null
 * @param sourceStation       3-letter station that sent the message, from {@code .V/}
 * @param sourceIndicator     'L' local, 'T' transfer, 'X' terminating, from {@code .V/}
 * @param inbound             {@code .I/} flight, nullable
 * @param outbound            {@code .F/} flight; required for ADD and CHG, may be null only for DEL
 * @param onward             {@code .O/} flights in route order
 * @param tags                expanded 10-digit tag numbers, at least one
 * @param pieces              {@code .W/} number of pieces, nullable
 * @param weightKg            {@code .W/} checked weight in kilograms (pounds are converted), nullable
 * @param passengerSurname    {@code .P/} surname, nullable
 * @param passengerGivenNames {@code .P/} given names as sent (titles such as MRS stay attached)
 * @param pnr                 {@code .L/} record locator, nullable
 * @param exceptions          {@code .E/} codes such as RUSH, PRIO, CREW
 * @param irregularities      {@code .B/} codes such as OFF (offloaded)
 * @param text                the message's own text, BSM..ENDBSM; null for messages built in code
 * @param firstLine           1-based line of {@code BSM} in the parsed input; 0 for messages built in code
 */
public record BsmMessage(
        Action action,
        String versionAndSource,
        String sourceStation,
        char sourceIndicator,
        FlightLeg inbound,
        FlightLeg outbound,
        List<FlightLeg> onward,
        List<String> tags,
        Integer pieces,
        Integer weightKg,
        String passengerSurname,
        List<String> passengerGivenNames,
        String pnr,
        List<String> exceptions,
        List<String> irregularities,
        String text,
        int firstLine) {

    /** What the receiving system should do with the bags in this message. */
    public enum Action { ADD, CHG, DEL }

    private static final Pattern STATION = Pattern.compile("[A-Z]{3}");
    private static final Pattern TAG = Pattern.compile("\\d{10}");

    // The writer trusts these invariants, so a message built in code cannot produce text the parser would refuse.
    public BsmMessage {
        Objects.requireNonNull(action, "action");
        if (sourceStation == null || !STATION.matcher(sourceStation).matches()) {
            throw new IllegalArgumentException("sourceStation must be 3 upper-case letters: " + sourceStation);
        }
        if ("LTX".indexOf(sourceIndicator) < 0) {
            throw new IllegalArgumentException("sourceIndicator must be L, T or X: " + sourceIndicator);
        }
        if (versionAndSource == null) {
            versionAndSource = "1" + sourceIndicator + sourceStation;
        } else if (!versionAndSource.matches("\\d" + sourceIndicator + sourceStation + "(/.*)?")) {
            throw new IllegalArgumentException("versionAndSource " + versionAndSource
                    + " does not match indicator " + sourceIndicator + " and station " + sourceStation);
        }
        if (outbound == null && action != Action.DEL) {
            throw new IllegalArgumentException("outbound flight is required for " + action);
        }
        onward = onward == null ? List.of() : List.copyOf(onward);
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("at least one tag is required");
        }
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("tag must be 10 digits: " + tag);
            }
        }
        passengerGivenNames = passengerGivenNames == null ? List.of() : List.copyOf(passengerGivenNames);
        if (passengerSurname == null && !passengerGivenNames.isEmpty()) {
            throw new IllegalArgumentException("given names without a surname");
        }
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        irregularities = irregularities == null ? List.of() : List.copyOf(irregularities);
    }
}
