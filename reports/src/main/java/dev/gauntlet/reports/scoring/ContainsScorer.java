package dev.gauntlet.reports.scoring;

import java.util.List;
import java.util.Locale;

/** Matches when the output contains every value, ignoring case. Immutable and thread-safe. */
public record ContainsScorer(List<String> values) implements Scorer {

  public ContainsScorer {
    values = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  public boolean matches(String output) {
    if (output == null) {
      return false;
    }
    String text = output.toLowerCase(Locale.ROOT);
    return values.stream().allMatch(text::contains);
  }
}
