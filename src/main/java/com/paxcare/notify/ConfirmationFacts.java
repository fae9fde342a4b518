package com.paxcare.notify;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the airline has done for a passenger after a family emergency, medical emergency or bereavement.
 *
 * @param caseType            FAMILY_EMERGENCY, MEDICAL_EMERGENCY or BEREAVEMENT (anything else, or null, gets a
 *                            generic caring line)
 * @param passengerLastName   nullable
 * @param reporterName        nullable (e.g. "MR UHLE")
 * @param destination         IATA code of the final destination, e.g. "DEN"
 * @param flights             the new itinerary in order; empty when no seat was found (null is read as empty)
 * @param seat                seat on the first new flight, nullable
 * @param gate                departure gate of the first new flight, nullable
 * @param boardingTime        nullable; local time with offset
 * @param bagTags             tags following the passenger (null is read as empty)
 * @param mealVoucherCode     nullable; no voucher is mentioned without a code
 * @param mealVoucherAmount   nullable
 * @param mealVoucherCurrency nullable
 * @param waitingArea         free text, e.g. "Private waiting area requested at MDW", nullable
 * @param caseReference       short reference to quote, e.g. "PX-7F3A2C"
 */
public record ConfirmationFacts(
        String caseType,
        String passengerFirstName, String passengerLastName,
        String reporterName,
        String destination,
        List<FlightLine> flights,
        String seat,
        String gate,
        OffsetDateTime boardingTime,
        List<String> bagTags,
        String mealVoucherCode, String mealVoucherAmount, String mealVoucherCurrency,
        String waitingArea,
        String caseReference) {

    public ConfirmationFacts {
        Objects.requireNonNull(passengerFirstName, "passengerFirstName");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(caseReference, "caseReference");
        flights = flights == null ? List.of() : List.copyOf(flights);
        bagTags = bagTags == null ? List.of() : List.copyOf(bagTags);
    }
}
