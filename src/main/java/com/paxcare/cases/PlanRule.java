package com.paxcare.cases;

import com.paxcare.locate.Phase;

import java.util.ArrayList;
import java.util.List;

import static com.paxcare.cases.StepKind.BAGS;
import static com.paxcare.cases.StepKind.CARE;
import static com.paxcare.cases.StepKind.CONFIRM;
import static com.paxcare.cases.StepKind.CREW_MESSAGE;
import static com.paxcare.cases.StepKind.FOLLOW_UP;
import static com.paxcare.cases.StepKind.MEET_ON_ARRIVAL;
import static com.paxcare.cases.StepKind.REBOOK;
import static com.paxcare.cases.StepKind.RECALL;

/**
 * Who is recalled how: the plan for an urgent personal case follows from where the passenger is. The steps
 * run in this order; each starts when the one before it is done.
 */
public final class PlanRule {
  private PlanRule() {
  }

  public static List<StepKind> planFor(Phase phase) {
    List<StepKind> plan = new ArrayList<>();
    switch (phase) {
      // Not at the airport as far as we know: nobody to recall, nothing to hand out at a gate.
      case NOT_CHECKED_IN -> plan.addAll(List.of(REBOOK, BAGS));
      // Airside or at the gate: the gate finds her before she boards.
      case CHECKED_IN, BOARDING_AT_GATE, BOARDED_DOOR_OPEN -> plan.addAll(List.of(RECALL, REBOOK, BAGS, CARE));
      // Doors closed: the gate prepares, and only the crew can bring her back to the gate.
      case DOORS_CLOSED_OR_TAXIING -> plan.addAll(List.of(RECALL, CREW_MESSAGE, REBOOK, BAGS, CARE));
      // In the air or just landed: met on arrival, rebooked onward from there, bags rushed.
      case AIRBORNE, LANDED -> plan.addAll(List.of(MEET_ON_ARRIVAL, REBOOK, BAGS, CARE));
      // We do not know where she is: the care desk calls, guided by the confirmation and follow-up.
      case NOT_TRAVELLING -> { }
    }
    plan.add(CONFIRM);
    plan.add(FOLLOW_UP);
    return List.copyOf(plan);
  }
}
