package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code all_of}: every part passes. A failed part fails the whole even when another is unscored; otherwise an
 * unscored part leaves the whole unscored. The value is the mean of the scored parts' values. Thread-safe.
 */
final class AllOfScorer implements Scorer<Expectation.AllOf> {

  private final PartScorer parts;

  AllOfScorer(PartScorer parts) {
    this.parts = parts;
  }

  @Override
  public String kind() {
    return "all_of";
  }

  @Override
  public Class<Expectation.AllOf> type() {
    return Expectation.AllOf.class;
  }

  @Override
  public Score score(Expectation.AllOf expected, AgentAnswer answer) {
    List<Score> scores = new ArrayList<>();
    expected.parts().forEach(part -> scores.add(parts.score(part, answer)));
    double mean =
        scores.stream().filter(Score::scored).mapToDouble(Score::value).average().orElse(0);
    for (int i = 0; i < scores.size(); i++) {
      if (scores.get(i).outcome() == Score.Outcome.FAILED) {
        return Score.fail(mean, label(expected, i) + scores.get(i).reason());
      }
    }
    for (int i = 0; i < scores.size(); i++) {
      if (!scores.get(i).scored()) {
        return Score.unscored(label(expected, i) + scores.get(i).reason());
      }
    }
    return Score.pass(mean, "all " + scores.size() + " parts passed");
  }

  private static String label(Expectation.AllOf expected, int index) {
    return "part " + (index + 1) + " (" + expected.parts().get(index).kind() + "): ";
  }
}
