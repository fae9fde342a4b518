package com.paxcare.rebook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaiversTest {
  @Test
  void everyUrgentReasonHasAWaiverAndAnInvoluntaryEndorsement() {
    assertThat(Waivers.forCaseType("FAMILY_EMERGENCY"))
        .isEqualTo(new Waivers.Waiver("COMPASSN", "INVOL REISSUE - COMPASSIONATE - NO FARE DIFF NO FEE"));
    assertThat(Waivers.forCaseType("MEDICAL_EMERGENCY").endorsement()).startsWith("INVOL REISSUE - MEDICAL");
    // Death in the family: IATA resolution 735c.
    assertThat(Waivers.forCaseType("BEREAVEMENT").endorsement()).contains("735C");
    // The airline's own disruptions are involuntary changes too, each with its own waiver.
    assertThat(Waivers.forCaseType("FLIGHT_CANCELLED").code()).isEqualTo("IRROPCNL");
    assertThat(Waivers.forCaseType("FLIGHT_DELAYED").endorsement()).startsWith("INVOL REISSUE");
    assertThat(Waivers.forCaseType("FLIGHT_DIVERTED").endorsement()).startsWith("INVOL REISSUE");
    assertThat(Waivers.forCaseType("MISSED_CONNECTION").endorsement()).contains("NO FARE DIFF NO FEE");
    assertThatThrownBy(() -> Waivers.forCaseType("UPGRADE_REQUEST")).hasMessageContaining("UPGRADE_REQUEST");
  }
}
