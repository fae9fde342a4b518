package com.paxcare.baggage;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One flight of a bag's route, as carried in the {@code .I/}, {@code .F/} and {@code .O/} elements of a BSM.
 *
 * @param flight      normalised designator: airline, number without leading zeros, optional suffix ("SK4416", "WN12")
 * @param date        flight date; RP 1745 sends only ddMMM, the year is inferred by {@link BsmParser}
 * @param destination the element's 3-letter airport. For {@code .F/} and {@code .O/} this is where the flight
 *                    takes the bag; for {@code .I/} RP 1745 puts the inbound flight's origin here, and it may be absent
 * @param cabinClass  one-letter class of travel, or null when not sent
 */
public record FlightLeg(String flight, LocalDate date, String destination, Character cabinClass) {

    public FlightLeg {
        Objects.requireNonNull(flight, "flight");
        Objects.requireNonNull(date, "date");
    }
}
