package com.paxcare.recall;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrewMessagesTest {
  @Test
  void aRecallIsShortUppercaseAsciiWithSeatReasonAndGate() {
    String text = CrewMessages.recall("Núñez", "Ana María", "14C", "FAMILY_EMERGENCY", "B12");
    assertThat(text).isEqualTo("PAX RECALL NUNEZ/ANA MARIA SEAT 14C FAMILY EMERGENCY REQ RETURN TO GATE B12 "
        + "PAX TO DEPLANE. ACK PLS");
    assertThat(text).isUpperCase();
  }

  @Test
  void neverLongerThanAnUplinkAllows() {
    String longName = "A".repeat(200);
    assertThat(CrewMessages.recall(longName, longName, "1A", "BEREAVEMENT", "C1")).hasSize(220);
    assertThat(CrewMessages.offloadBags("UHLE", List.of("0526100001", "0526100002")))
        .isEqualTo("OFFLOAD 2 BAGS OF PAX UHLE TAGS 0526100001 0526100002");
  }
}
