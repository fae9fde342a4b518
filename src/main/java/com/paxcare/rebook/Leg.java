package com.paxcare.rebook;

import java.util.Objects;

/** One flight of an itinerary and the cabin the passenger would sit in on it. */
public record Leg(FlightOption flight, String cabin) {

    public Leg {
        Objects.requireNonNull(flight, "flight");
        Objects.requireNonNull(cabin, "cabin");
    }
}
