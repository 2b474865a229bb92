package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code weighted}: the weighted mean of the parts' values, {@code sum(weight * value) / sum(weight)}, passes at the
 * threshold or above. An unscored part is unknown, anywhere in [0, 1]: the whole is decided if the threshold is
 * reached even when it scores 0 (passed) or missed even when it scores 1 (failed), and unscored otherwise; the value
 * reported is then the lower bound. Thread-safe.
 */
final class WeightedScorer implements Scorer<Expectation.Weighted> {

  private final PartScorer parts;

  WeightedScorer(PartScorer parts) {
    this.parts = parts;
  }

  @Override
  public String kind() {
    return "weighted";
  }

  @Override
  public Class<Expectation.Weighted> type() {
    return Expectation.Weighted.class;
  }

  @Override
  public Score score(Expectation.Weighted expected, AgentAnswer answer) {
    // Sums first and one division last, so that parts that all score 1 give exactly 1.
    double total = 0;
    double lowSum = 0;
    double highSum = 0;
    List<String> unscored = new ArrayList<>();
    for (int i = 0; i < expected.parts().size(); i++) {
      Expectation.Weighted.Part part = expected.parts().get(i);
      Score score = parts.score(part.expected(), answer);
      total += part.weight();
      lowSum += score.scored() ? part.weight() * score.value() : 0;
      highSum += score.scored() ? part.weight() * score.value() : part.weight();
      if (!score.scored()) {
        unscored.add("part " + (i + 1) + " (" + part.expected().kind() + "): " + score.reason());
      }
    }
    double low = lowSum / total;
    double high = highSum / total;
    double value = Math.min(1, low);
    String summary =
        "weighted value " + format(value) + (unscored.isEmpty() ? "" : " to " + format(high));
    if (value >= expected.threshold()) {
      return Score.pass(value, summary + " reaches the threshold " + format(expected.threshold()));
    }
    if (high < expected.threshold()) {
      return Score.fail(
          value,
          summary + " must reach the threshold " + format(expected.threshold()) + ", but does not");
    }
    return Score.unscored(
        summary
            + " may or may not reach the threshold "
            + format(expected.threshold())
            + ": "
            + String.join("; ", unscored));
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
