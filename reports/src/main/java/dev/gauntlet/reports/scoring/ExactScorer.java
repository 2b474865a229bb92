package dev.gauntlet.reports.scoring;

/** Matches when the output, trimmed, equals the expected value (also trimmed). Immutable and thread-safe. */
public record ExactScorer(String value) implements Scorer {

  public ExactScorer {
    value = value.trim();
  }

  @Override
  public boolean matches(String output) {
    return output != null && output.trim().equals(value);
  }
}
