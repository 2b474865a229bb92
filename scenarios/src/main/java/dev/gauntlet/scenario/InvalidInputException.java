package dev.gauntlet.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a scenario, dataset or argument is invalid; carries every problem found, not just the first.
 * The command line prints the problems and exits 1, without a stack trace.
 */
public final class InvalidInputException extends RuntimeException {

  private final List<Problem> problems;

  public InvalidInputException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }
}
