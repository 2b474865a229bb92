package dev.gauntlet.reports;

import java.util.List;

/**
 * One check the harness made of itself: whether what it measured can be trusted, or where it was the bottleneck.
 * {@link Status#PASSED} when it found nothing; {@link Status#UNRESOLVED} when it found the harness at fault. A late
 * fault switch or a late provider mock leaves the SLOs it distorted unresolved, naming the harness as the cause (which
 * is how it reaches the exit code); a client that does not cover its ledger calls is reported only. Never
 * {@link Status#FAILED}: the agent is not to blame for what the harness did. Immutable and thread-safe.
 *
 * @param name       {@code fault_switch_lag}, {@code mock_lateness} or {@code client_covers_ledger}
 * @param status     passed or unresolved
 * @param message    one sentence on what was found, naming the harness when it was at fault
 * @param checked    how many things were checked (switches, LLM calls, tasks)
 * @param violations how many of them broke the check
 * @param examples   a few of the violations, each as one line
 */
public record FaultPlaneCheck(
    String name,
    Status status,
    String message,
    long checked,
    long violations,
    List<String> examples) {

  public FaultPlaneCheck {
    examples = List.copyOf(examples);
  }

  /** Whether the check found the harness at fault. */
  public boolean unresolved() {
    return status == Status.UNRESOLVED;
  }
}
