package com.paxcare.rebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CabinsAndItineraryTest {

    private static final ZoneOffset CHICAGO = ZoneOffset.ofHours(-6);

    @Test
    void ranksCabins() {
        assertThat(Cabins.rank("F")).isEqualTo(4);
        assertThat(Cabins.rank("J")).isEqualTo(3);
        assertThat(Cabins.rank("C")).isEqualTo(3);
        assertThat(Cabins.rank("W")).isEqualTo(2);
        assertThat(Cabins.rank("Y")).isEqualTo(1);
        assertThat(Cabins.rank("M")).isEqualTo(1);
        assertThat(Cabins.rank("j")).isEqualTo(3);
        assertThat(Cabins.rank(null)).isEqualTo(1);
    }

    @Test
    void itineraryReportsEndsAndCabinChanges() {
        FlightOption first = flight(1, "MDW", "STL", 15, 16);
        FlightOption second = flight(2, "STL", "DEN", 17, 19);
        Itinerary it = new Itinerary(List.of(new Leg(first, "Y"), new Leg(second, "J")));

        assertThat(it.origin()).isEqualTo("MDW");
        assertThat(it.destination()).isEqualTo("DEN");
        assertThat(it.departure()).isEqualTo(at(15));
        assertThat(it.arrival()).isEqualTo(at(19));
        assertThat(it.upgraded("Y")).isTrue();
        assertThat(it.downgraded("Y")).isFalse();
        assertThat(it.upgraded("W")).isTrue();
        assertThat(it.downgraded("W")).isTrue();
        assertThat(it.upgraded("J")).isFalse();
        assertThat(it.downgraded("J")).isTrue();
        assertThat(it.upgraded("C")).isFalse();
        assertThat(it.downgraded("F")).isTrue();
    }

    @Test
    void itineraryNeedsALeg() {
        assertThatThrownBy(() -> new Itinerary(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flightOptionCountsOnlyPositiveFreeSeats() {
        FlightOption f = new FlightOption(7, "PX7", LocalDate.of(2026, 11, 23), "MDW", "DEN", at(15), at(17),
                Map.of("Y", 3, "J", 0, "F", -1));

        assertThat(f.free("Y")).isEqualTo(3);
        assertThat(f.free("y")).isEqualTo(3);
        assertThat(f.free("J")).isZero();
        assertThat(f.free("F")).isZero();
        assertThat(f.free("W")).isZero();
    }

    private static FlightOption flight(long id, String from, String to, int depHour, int arrHour) {
        return new FlightOption(id, "PX" + id, LocalDate.of(2026, 11, 23), from, to, at(depHour), at(arrHour),
                Map.of("Y", 5));
    }

    private static OffsetDateTime at(int hour) {
        return OffsetDateTime.of(2026, 11, 23, hour, 0, 0, 0, CHICAGO);
    }
}
