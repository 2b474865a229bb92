package dev.gauntlet.reports;

import dev.gauntlet.reports.internal.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run diff or a noise estimate as an aligned plain-text table for a terminal or a CI log. Thread-safe (stateless).
 */
public final class DiffTable {

  private DiffTable() {}

  /**
   * One row per metric: baseline, current, change, the test with its p-value and its Holm-adjusted p-value, the floor
   * a worse change must exceed and which part set it (tolerance, resolution or noise), and the decision; then a
   * verdict line that states the rule.
   *
   * @param baselineRuns how many baseline runs were pooled (the baseline column is their mean)
   */
  public static String render(List<MetricDiff> diffs, Tolerance tolerance, int baselineRuns) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "metric",
          baselineRuns > 1 ? "baseline (mean of " + baselineRuns + ")" : "baseline",
          "current",
          "change",
          "test",
          "p (worse)",
          "p (Holm)",
          "floor",
          "set by",
          "decision"
        });
    for (MetricDiff d : diffs) {
      Floor f = d.floor();
      rows.add(
          new String[] {
            d.metric(),
            value(d.metric(), d.baseline()),
            value(d.metric(), d.current()),
            delta(d),
            d.test() == null ? "-" : d.test(),
            p(d.pValue()),
            p(d.adjustedP()),
            f == null ? "-" : value(d.metric(), f.value()),
            f == null ? "-" : f.source(),
            d.decision().label()
          });
    }
    List<String> regressions =
        diffs.stream().filter(MetricDiff::regression).map(MetricDiff::metric).toList();
    int tested = RunDiff.familySize(diffs);
    return table(rows)
        + "diff: "
        + (regressions.isEmpty()
            ? "no significant regression beyond the floor"
            : "significant regression in " + String.join(", ", regressions))
        + String.format(
            Locale.ROOT,
            " (a change counts when worse, significant at p < 0.05 after Holm over %d tested metrics, and larger than "
                + "its floor: the largest of the tolerance (a drop of %s in rates, a rise of %s%% elsewhere), the "
                + "resolution (2 ms for latencies) and the noise of %s)%n",
            tested,
            Format.number(tolerance.maxDrop(), 6),
            Format.number(100 * tolerance.maxIncrease(), 3),
            baselineRuns > 1
                ? baselineRuns + " baseline runs (3 stdev)"
                : "repeated baseline runs (none given)");
  }

  /** One row per metric: runs, mean, standard deviation, min, max and range. */
  public static String renderNoise(List<RunNoise.Spread> spreads) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"metric", "runs", "mean", "stdev", "min", "max", "range"});
    for (RunNoise.Spread s : spreads) {
      rows.add(
          new String[] {
            s.metric(),
            String.valueOf(s.runs()),
            value(s.metric(), s.mean()),
            plain(s.stdev()),
            value(s.metric(), s.min()),
            value(s.metric(), s.max()),
            plain(s.range())
          });
    }
    return table(rows)
        + "noise floor: with these runs as baselines, a change must exceed 3 stdev × √(1 + 1 ÷ runs) to count; "
        + "--save FILE keeps this profile for --noise-profile FILE\n";
  }

  private static String p(Double p) {
    return p == null ? "-" : String.format(Locale.ROOT, "%.3g", p);
  }

  private static String delta(MetricDiff d) {
    Double delta = d.delta();
    if (delta == null) {
      return "n/a";
    }
    String sign = delta > 0 ? "+" : "";
    Double relative = d.relativeDelta();
    return sign
        + plain(delta)
        + (relative == null ? "" : String.format(Locale.ROOT, " (%s%.1f%%)", sign, 100 * relative));
  }

  private static String value(String metric, Double value) {
    return value == null ? "n/a" : Format.value(metric, value);
  }

  private static String plain(double value) {
    return Format.number(value, 6);
  }

  private static String table(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    rows.forEach(
        row -> {
          for (int i = 0; i < row.length; i++) {
            widths[i] = Math.max(widths[i], row[i].length());
          }
        });
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]))
            .append(i + 1 < row.length ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
