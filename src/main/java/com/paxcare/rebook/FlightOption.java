package com.paxcare.rebook;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * One operated flight leg the passenger could be rebooked on.
 *
 * @param flightId    the flight leg's database id; also the last tie-break between equally good itineraries
 * @param flight      flight number, e.g. "PX1001"
 * @param date        scheduled (local) departure date
 * @param origin      departure airport code
 * @param destination arrival airport code
 * @param departure   scheduled departure
 * @param arrival     scheduled arrival
 * @param freeSeats   free seats by cabin letter; only positive counts mean a seat is free
 */
public record FlightOption(long flightId, String flight, LocalDate date, String origin, String destination,
                           OffsetDateTime departure, OffsetDateTime arrival, Map<String, Integer> freeSeats) {

    public FlightOption {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(departure, "departure");
        Objects.requireNonNull(arrival, "arrival");
        freeSeats = freeSeats == null ? Map.of() : Map.copyOf(freeSeats);
    }

    /** Free seats in a cabin (letter compared case-insensitively); 0 when none or unknown. */
    public int free(String cabin) {
        String wanted = Cabins.normalize(cabin);
        int total = 0;
        for (Map.Entry<String, Integer> e : freeSeats.entrySet()) {
            if (Cabins.normalize(e.getKey()).equals(wanted) && e.getValue() != null && e.getValue() > 0) {
                total += e.getValue();
            }
        }
        return total;
    }
}
