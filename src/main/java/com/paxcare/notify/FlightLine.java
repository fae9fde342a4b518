package com.paxcare.notify;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One leg of the new itinerary. Times are local to the airport and carry that airport's offset;
 * they are shown in that offset, never converted.
 *
 * @param arrival nullable
 * @param cabin   nullable, shown as given (e.g. "Economy")
 */
public record FlightLine(String flight, String origin, String destination,
                         OffsetDateTime departure, OffsetDateTime arrival, String cabin) {
    public FlightLine {
        Objects.requireNonNull(flight, "flight");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(departure, "departure");
    }
}
