package com.paxcare.notify;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What happened to a passenger's flight in a mass disruption and what the airline has done about it, for the
 * proactive notice rendered by {@link DisruptionNotices}. Times are local to their airport and carry its
 * offset; they are shown in that offset, never converted.
 *
 * @param kind                  FLIGHT_CANCELLED, FLIGHT_DELAYED, FLIGHT_DIVERTED or MISSED_CONNECTION (anything
 *                              else gets a generic "disrupted" wording)
 * @param passengerFirstName    non-null
 * @param passengerLastName     nullable
 * @param disruptedFlight       e.g. "WN1234", non-null
 * @param disruptedOrigin       IATA code, e.g. "MDW"; nullable
 * @param disruptedDestination  IATA code, e.g. "DEN"; nullable
 * @param scheduledDeparture    scheduled departure of the disrupted flight, non-null
 * @param newDeparture          delays only: the new departure time, else null
 * @param divertedTo            diversions only: where the flight went instead, else null
 * @param destination           her final destination, non-null
 * @param outcome               what we did, non-null
 * @param flights               the new itinerary in order when {@link Outcome#REBOOKED} (null is read as empty)
 * @param seat                  seat on the first new flight (or on the kept flight), nullable
 * @param waitlistPosition      {@link Outcome#WAITLISTED} only, nullable
 * @param callBackBy            {@link Outcome#WAITLISTED}: when the care desk will have called her, nullable
 * @param bagTags               bags following her (null is read as empty)
 * @param rights                what the rules give her, non-null ({@link Rights#NONE} when nothing)
 * @param caseReference         non-null, e.g. "PC-1A2B3C4D"
 */
public record DisruptionNoticeFacts(
        String kind,
        String passengerFirstName,
        String passengerLastName,
        String disruptedFlight,
        String disruptedOrigin,
        String disruptedDestination,
        OffsetDateTime scheduledDeparture,
        OffsetDateTime newDeparture,
        String divertedTo,
        String destination,
        Outcome outcome,
        List<FlightLine> flights,
        String seat,
        Integer waitlistPosition,
        OffsetDateTime callBackBy,
        List<String> bagTags,
        Rights rights,
        String caseReference) {

    public enum Outcome { REBOOKED, KEPT_FLIGHT, WAITLISTED }

    /**
     * What the rules give her.
     *
     * @param rule                 e.g. "EU261", "US_DOT", "EU261+US_DOT", "AIRLINE", "US_DOT+AIRLINE" or null
     * @param meals                a meal voucher (code, amount and currency each nullable)
     * @param hotel                a hotel room and transport to it
     * @param communication        two calls or e-mails
     * @param refund               a full refund instead of travelling
     * @param compensation         amount she may be entitled to; 0 for none
     * @param compensationCurrency nullable, e.g. "EUR"
     */
    public record Rights(String rule, boolean meals, String mealVoucherCode, String mealVoucherAmount,
                         String mealVoucherCurrency, boolean hotel, boolean communication, boolean refund,
                         int compensation, String compensationCurrency) {

        public static final Rights NONE = new Rights(null, false, null, null, null, false, false, false, 0, null);
    }

    public DisruptionNoticeFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(passengerFirstName, "passengerFirstName");
        Objects.requireNonNull(disruptedFlight, "disruptedFlight");
        Objects.requireNonNull(scheduledDeparture, "scheduledDeparture");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(caseReference, "caseReference");
        flights = flights == null ? List.of() : List.copyOf(flights);
        bagTags = bagTags == null ? List.of() : List.copyOf(bagTags);
    }
}
