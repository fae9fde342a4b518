package com.paxcare.cases;

import com.paxcare.locate.Phase;
import org.junit.jupiter.api.Test;

import static com.paxcare.cases.StepKind.BAGS;
import static com.paxcare.cases.StepKind.CARE;
import static com.paxcare.cases.StepKind.CONFIRM;
import static com.paxcare.cases.StepKind.CREW_MESSAGE;
import static com.paxcare.cases.StepKind.FOLLOW_UP;
import static com.paxcare.cases.StepKind.MEET_ON_ARRIVAL;
import static com.paxcare.cases.StepKind.REBOOK;
import static com.paxcare.cases.StepKind.RECALL;
import static org.assertj.core.api.Assertions.assertThat;

/** Who is recalled how, branch by branch. */
class PlanRuleTest {
  @Test
  void notCheckedInIsRebookedAndToldWithoutARecall() {
    assertThat(PlanRule.planFor(Phase.NOT_CHECKED_IN)).containsExactly(REBOOK, BAGS, CONFIRM, FOLLOW_UP);
  }

  @Test
  void checkedInIsStoppedAtTheGate() {
    assertThat(PlanRule.planFor(Phase.CHECKED_IN)).containsExactly(RECALL, REBOOK, BAGS, CARE, CONFIRM, FOLLOW_UP);
  }

  @Test
  void boardingAtTheGateIsStoppedBeforeBoarding() {
    assertThat(PlanRule.planFor(Phase.BOARDING_AT_GATE))
        .containsExactly(RECALL, REBOOK, BAGS, CARE, CONFIRM, FOLLOW_UP);
  }

  @Test
  void boardedWithTheDoorOpenIsBroughtOffByTheGateWithoutTheCrew() {
    assertThat(PlanRule.planFor(Phase.BOARDED_DOOR_OPEN))
        .containsExactly(RECALL, REBOOK, BAGS, CARE, CONFIRM, FOLLOW_UP)
        .doesNotContain(CREW_MESSAGE);
  }

  @Test
  void doorsClosedOrTaxiingAlsoAsksTheCrewToReturnToTheGate() {
    assertThat(PlanRule.planFor(Phase.DOORS_CLOSED_OR_TAXIING))
        .containsExactly(RECALL, CREW_MESSAGE, REBOOK, BAGS, CARE, CONFIRM, FOLLOW_UP);
  }

  @Test
  void airborneIsMetOnArrivalNeverRecalled() {
    assertThat(PlanRule.planFor(Phase.AIRBORNE))
        .containsExactly(MEET_ON_ARRIVAL, REBOOK, BAGS, CARE, CONFIRM, FOLLOW_UP)
        .doesNotContain(RECALL, CREW_MESSAGE);
  }

  @Test
  void landedIsMetOnArrival() {
    assertThat(PlanRule.planFor(Phase.LANDED)).containsExactly(MEET_ON_ARRIVAL, REBOOK, BAGS, CARE, CONFIRM, FOLLOW_UP);
  }

  @Test
  void unknownWhereaboutsStillGetAConfirmationAndACallBack() {
    assertThat(PlanRule.planFor(Phase.NOT_TRAVELLING)).containsExactly(CONFIRM, FOLLOW_UP);
  }
}
