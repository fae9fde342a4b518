package com.paxcare.disruption;

import com.paxcare.validation.FieldError;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading a reported flight event: every kind, and every bad field named in the one rejection. */
class FlightEventTest {
  private static JsonObject event(String type) {
    return new JsonObject().put("type", type).put("flight", "PX1001").put("date", "2026-11-22").put("origin", "MDW");
  }

  private static InvalidInput rejected(JsonObject json) {
    InvalidInput invalid = catchThrowableOfType(InvalidInput.class, () -> FlightEvent.read(json));
    assertThat(invalid).as("rejected: %s", json.encode()).isNotNull();
    return invalid;
  }

  @Test
  void aCancellationParses() {
    FlightEvent event = FlightEvent.read(event("FLIGHT_CANCELLED").put("note", "crew out of hours"));

    assertThat(event.kind()).isEqualTo(DisruptionKind.FLIGHT_CANCELLED);
    assertThat(event.flight()).isEqualTo("PX1001");
    assertThat(event.date()).isEqualTo(LocalDate.of(2026, 11, 22));
    assertThat(event.origin()).isEqualTo("MDW");
    assertThat(event.departure()).isNull();
    assertThat(event.arrival()).isNull();
    assertThat(event.extraordinary()).as("not extraordinary unless said").isFalse();
    assertThat(event.note()).isEqualTo("crew out of hours");
  }

  @Test
  void aDelayParsesWithItsNewDeparture() {
    FlightEvent event = FlightEvent.read(event("FLIGHT_DELAYED").put("departure", "2026-11-22T17:05:00-06:00"));

    assertThat(event.kind()).isEqualTo(DisruptionKind.FLIGHT_DELAYED);
    assertThat(event.departure()).isEqualTo(OffsetDateTime.parse("2026-11-22T17:05:00-06:00"));
  }

  @Test
  void aDiversionParsesWithTheAirportItLandsAt() {
    FlightEvent event = FlightEvent.read(event("FLIGHT_DIVERTED").put("arrival", "COS").put("extraordinary", true));

    assertThat(event.kind()).isEqualTo(DisruptionKind.FLIGHT_DIVERTED);
    assertThat(event.arrival()).isEqualTo("COS");
    // EU 261 art. 5(3): weather, air traffic control, security.
    assertThat(event.extraordinary()).isTrue();
  }

  @Test
  void theTypeDivertedIsAcceptedAsFlightDiverted() {
    JsonObject json = event("DIVERTED").put("arrival", "COS");

    assertThat(FlightEvent.isFlightEvent(json)).isTrue();
    assertThat(FlightEvent.read(json).kind()).isEqualTo(DisruptionKind.FLIGHT_DIVERTED);
  }

  @Test
  void aMissedConnectionParsesWithThePassenger() {
    FlightEvent event = FlightEvent.read(event("MISSED_CONNECTION").put("pnr", "K7Q2ZB").put("lastName", "García")
        .put("passengerId", "P2"));

    assertThat(event.kind()).isEqualTo(DisruptionKind.MISSED_CONNECTION);
    assertThat(event.pnr()).isEqualTo("K7Q2ZB");
    assertThat(event.lastName()).isEqualTo("García");
    assertThat(event.passengerId()).isEqualTo("P2");
  }

  @Test
  void flightEventsAreToldApartFromUrgentPersonalOnes() {
    assertThat(FlightEvent.isFlightEvent(new JsonObject().put("type", "FLIGHT_CANCELLED"))).isTrue();
    assertThat(FlightEvent.isFlightEvent(new JsonObject().put("type", "flight_delayed"))).isTrue();
    assertThat(FlightEvent.isFlightEvent(new JsonObject().put("type", "MISSED_CONNECTION"))).isTrue();
    assertThat(FlightEvent.isFlightEvent(new JsonObject().put("type", "FAMILY_EMERGENCY"))).isFalse();
    assertThat(FlightEvent.isFlightEvent(new JsonObject().put("type", 42))).isFalse();
    assertThat(FlightEvent.isFlightEvent(new JsonObject())).isFalse();
  }

  @Test
  void theFlightDateAndOriginAreRequiredAndEachIsNamed() {
    InvalidInput invalid = rejected(new JsonObject().put("type", "FLIGHT_CANCELLED"));

    assertThat(invalid.errors()).containsExactlyInAnyOrder(
        new FieldError("flight", "is required"),
        new FieldError("date", "is required"),
        new FieldError("origin", "is required"));
  }

  @Test
  void malformedFlightDateAndOriginAreEachNamed() {
    InvalidInput invalid = rejected(new JsonObject().put("type", "FLIGHT_CANCELLED").put("flight", "flight 1")
        .put("date", "22/11/2026").put("origin", "mdw"));

    assertThat(invalid.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("flight", "date", "origin");
  }

  @Test
  void aDelayWithoutItsNewDepartureIsRejectedOnDeparture() {
    InvalidInput invalid = rejected(event("FLIGHT_DELAYED"));

    assertThat(invalid.errors()).containsExactly(new FieldError("departure", "is required"));
  }

  @Test
  void aDiversionWithoutTheAirportItLandsAtIsRejectedOnArrival() {
    InvalidInput invalid = rejected(event("FLIGHT_DIVERTED"));

    assertThat(invalid.errors()).containsExactly(new FieldError("arrival", "is required"));
  }

  @Test
  void aDepartureOnACancellationBelongsToDelaysOnly() {
    InvalidInput invalid = rejected(event("FLIGHT_CANCELLED").put("departure", "2026-11-22T17:05:00-06:00"));

    assertThat(invalid.errors()).containsExactly(
        new FieldError("departure", "belongs to FLIGHT_DELAYED events only"));
  }

  @Test
  void fieldsOfOtherKindsAreRejectedEachNamed() {
    InvalidInput invalid = rejected(event("FLIGHT_DELAYED").put("departure", "2026-11-22T17:05:00-06:00")
        .put("arrival", "COS").put("pnr", "K7Q2ZB").put("lastName", "Smith").put("passengerId", "P1"));

    assertThat(invalid.errors()).containsExactlyInAnyOrder(
        new FieldError("arrival", "belongs to FLIGHT_DIVERTED events only"),
        new FieldError("pnr", "belongs to MISSED_CONNECTION events only"),
        new FieldError("lastName", "belongs to MISSED_CONNECTION events only"),
        new FieldError("passengerId", "belongs to MISSED_CONNECTION events only"));
  }

  @Test
  void aMissedConnectionNeedsThePnrAndLastName() {
    InvalidInput invalid = rejected(event("MISSED_CONNECTION"));

    assertThat(invalid.errors()).containsExactlyInAnyOrder(
        new FieldError("pnr", "is required"),
        new FieldError("lastName", "is required"));
    assertThat(rejected(event("MISSED_CONNECTION").put("pnr", "K7Q2Z").put("lastName", "Smith")).errors())
        .extracting(FieldError::field).containsExactly("pnr");
  }

  @Test
  void anUnknownFieldIsRejected() {
    InvalidInput invalid = rejected(event("FLIGHT_CANCELLED").put("gate", "B12"));

    assertThat(invalid.errors()).containsExactly(new FieldError("gate", "is not a known field"));
  }

  @Test
  void extraordinaryMustBeTrueOrFalse() {
    InvalidInput invalid = rejected(event("FLIGHT_CANCELLED").put("extraordinary", "yes"));

    assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("extraordinary");
    assertThat(invalid.errors().get(0).reason()).contains("true or false");
    assertThat(rejected(event("FLIGHT_CANCELLED").put("extraordinary", 1)).errors())
        .extracting(FieldError::field).containsExactly("extraordinary");
    assertThat(FlightEvent.read(event("FLIGHT_CANCELLED").put("extraordinary", false)).extraordinary()).isFalse();
  }

  @Test
  void aDiversionBackToTheOriginIsRejectedOnArrival() {
    // Landing where it took off is a return: a cancellation, not a diversion.
    InvalidInput invalid = rejected(event("FLIGHT_DIVERTED").put("arrival", "MDW"));

    assertThat(invalid.errors()).extracting(FieldError::field).containsExactly("arrival");
    assertThat(invalid.errors().get(0).reason()).contains("origin").contains("FLIGHT_CANCELLED");
  }

  @Test
  void everyProblemIsReportedInOneRejection() {
    InvalidInput invalid = rejected(new JsonObject().put("type", "FLIGHT_DELAYED").put("date", "tomorrow")
        .put("origin", "MDW").put("extraordinary", "no").put("colour", "red"));

    assertThat(invalid.errors()).extracting(FieldError::field)
        .containsExactlyInAnyOrder("colour", "flight", "date", "departure", "extraordinary");
  }
}
