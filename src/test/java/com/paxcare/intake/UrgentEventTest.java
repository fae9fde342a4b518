package com.paxcare.intake;

import com.paxcare.validation.InvalidInput;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UrgentEventTest {
  private static JsonObject story() {
    return new JsonObject().put("type", "FAMILY_EMERGENCY").put("pnr", "K7Q2ZB").put("lastName", "UHLE")
        .put("reporter", new JsonObject().put("name", "MR UHLE").put("phone", "+13125550199").put("relation", "SPOUSE"))
        .put("destination", "DEN").put("note", "Son in intensive care in Denver").put("language", "en");
  }

  @Test
  void readsTheStory() {
    UrgentEvent event = UrgentEvent.read(story());
    assertThat(event.type()).isEqualTo("FAMILY_EMERGENCY");
    assertThat(event.pnr()).isEqualTo("K7Q2ZB");
    assertThat(event.reporter().phone()).isEqualTo("+13125550199");
    assertThat(event.destination()).isEqualTo("DEN");
  }

  @Test
  void namesEveryBadField() {
    InvalidInput invalid = catchThrowableOfType(InvalidInput.class, () -> UrgentEvent.read(story()
        .put("type", "HOMESICK").put("destination", "Denver").put("colour", "red")
        .put("reporter", new JsonObject().put("phone", "555"))));
    assertThat(invalid.errors().stream().map(e -> e.field()))
        .contains("type", "destination", "colour", "reporter.name", "reporter.phone");
  }

  @Test
  void thePassengerMustBeNamedOneWay() {
    assertThatThrownBy(() -> UrgentEvent.read(new JsonObject().put("type", "BEREAVEMENT")))
        .hasMessageContaining("pnr");
    JsonObject noLastName = story();
    noLastName.remove("lastName");
    assertThatThrownBy(() -> UrgentEvent.read(noLastName)).hasMessageStartingWith("lastName");
    assertThatThrownBy(() -> UrgentEvent.read(story().put("ticket", "5262100000001")))
        .hasMessageContaining("one way only");
    JsonObject byFlight = new JsonObject().put("type", "MEDICAL_EMERGENCY").put("flight", "WN1234")
        .put("lastName", "UHLE");
    assertThatThrownBy(() -> UrgentEvent.read(byFlight)).hasMessageStartingWith("date");
    assertThat(UrgentEvent.read(byFlight.put("date", "2026-11-22")).flight()).isEqualTo("WN1234");
    assertThat(UrgentEvent.read(new JsonObject().put("type", "BEREAVEMENT").put("ticket", "5262100000001")).ticket())
        .isEqualTo("5262100000001");
  }
}
