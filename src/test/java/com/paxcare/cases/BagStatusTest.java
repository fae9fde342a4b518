package com.paxcare.cases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BagStatusTest {
  @Test
  void aBagThatMustComeOffStaysToOffloadUntilTheRampSaysItIsOff() {
    assertThat(BagStatus.of(true, false, true)).isEqualTo(BagStatus.TO_OFFLOAD);
    assertThat(BagStatus.of(true, true, true)).isEqualTo(BagStatus.REROUTED);
    assertThat(BagStatus.of(true, true, false)).isEqualTo(BagStatus.OFFLOADED);
  }

  @Test
  void aBagInTheAirIsReroutedWithoutComingOff() {
    assertThat(BagStatus.of(false, false, true)).isEqualTo(BagStatus.REROUTED);
    assertThat(BagStatus.of(false, false, false)).isEqualTo(BagStatus.UNCHANGED);
  }
}
