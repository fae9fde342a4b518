package com.paxcare.rebook;

import java.time.OffsetDateTime;
import java.util.List;

/** One or more chained legs, first to last. */
public record Itinerary(List<Leg> legs) {

    public Itinerary {
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("an itinerary needs at least one leg");
        }
    }

    public OffsetDateTime departure() {
        return first().departure();
    }

    public OffsetDateTime arrival() {
        return last().arrival();
    }

    public String origin() {
        return first().origin();
    }

    public String destination() {
        return last().destination();
    }

    /** True when any leg's cabin ranks below the booked cabin. */
    public boolean downgraded(String bookedCabin) {
        int booked = Cabins.rank(bookedCabin);
        return legs.stream().anyMatch(l -> Cabins.rank(l.cabin()) < booked);
    }

    /** True when any leg's cabin ranks above the booked cabin. */
    public boolean upgraded(String bookedCabin) {
        int booked = Cabins.rank(bookedCabin);
        return legs.stream().anyMatch(l -> Cabins.rank(l.cabin()) > booked);
    }

    private FlightOption first() {
        return legs.get(0).flight();
    }

    private FlightOption last() {
        return legs.get(legs.size() - 1).flight();
    }
}
