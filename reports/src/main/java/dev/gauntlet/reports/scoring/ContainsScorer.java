package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code contains}: the output contains all (or any) of the values, ignoring case. With {@code all}, the value is the
 * share of values found, so a near miss shows as 0.67 rather than 0. Stateless and thread-safe.
 */
public final class ContainsScorer implements Scorer<Expectation.Contains> {

  @Override
  public String kind() {
    return "contains";
  }

  @Override
  public Class<Expectation.Contains> type() {
    return Expectation.Contains.class;
  }

  @Override
  public Score score(Expectation.Contains expected, AgentAnswer answer) {
    String output = answer.output().toLowerCase(Locale.ROOT);
    List<String> found =
        expected.values().stream()
            .filter(v -> output.contains(v.toLowerCase(Locale.ROOT)))
            .toList();
    if (expected.match() == Expectation.Contains.Match.ANY) {
      return found.isEmpty()
          ? Score.fail("output contains none of " + list(expected.values()))
          : Score.pass("output contains " + Shown.quoted(found.get(0)));
    }
    double share = (double) found.size() / expected.values().size();
    List<String> missing = expected.values().stream().filter(v -> !found.contains(v)).toList();
    return missing.isEmpty()
        ? Score.pass("output contains all of " + list(expected.values()))
        : Score.fail(share, "output is missing " + list(missing));
  }

  private static String list(List<String> values) {
    return values.stream().map(Shown::quoted).collect(Collectors.joining(", "));
  }
}
