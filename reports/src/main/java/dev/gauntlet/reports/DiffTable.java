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

  /** One row per metric: baseline, current, delta, test, p-value and what it means, then a verdict line. */
  public static String render(List<MetricDiff> diffs, double maxDrop, double maxIncrease) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"metric", "baseline", "current", "delta", "test", "p", "change"});
    for (MetricDiff d : diffs) {
      rows.add(new String[] {d.metric(), value(d.metric(), d.baseline()), value(d.metric(), d.current()), delta(d),
          d.test() == null ? "-" : d.test(), d.pValue() == null ? "-" : String.format(Locale.ROOT, "%.3g", d.pValue()),
          change(d, maxDrop, maxIncrease)});
    }
    List<String> regressions = diffs.stream().filter(d -> d.regression(maxDrop, maxIncrease))
        .map(MetricDiff::metric).toList();
    return table(rows) + "diff: " + (regressions.isEmpty() ? "no significant regression beyond the allowance"
        : "significant regression in " + String.join(", ", regressions)) + String.format(Locale.ROOT,
        " (allowed: a drop of %s in rates, a rise of %s%% elsewhere; significant at p < 0.05)%n",
        Format.number(maxDrop, 6), Format.number(100 * maxIncrease, 3));
  }

  /** One row per metric: runs, mean, standard deviation, min, max and range. */
  public static String renderNoise(List<RunNoise.Spread> spreads) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"metric", "runs", "mean", "stdev", "min", "max", "range"});
    for (RunNoise.Spread s : spreads) {
      rows.add(new String[] {s.metric(), String.valueOf(s.runs()), value(s.metric(), s.mean()),
          plain(s.stdev()), value(s.metric(), s.min()), value(s.metric(), s.max()), plain(s.range())});
    }
    return table(rows) + "noise floor: a diff smaller than the range (or about 2 stdev) is within run-to-run noise\n";
  }

  private static String change(MetricDiff d, double maxDrop, double maxIncrease) {
    if (d.regression(maxDrop, maxIncrease)) {
      return "REGRESSION";
    }
    if (d.pValue() == null || d.delta() == null || d.delta() == 0) {
      return "";
    }
    return !d.significant() ? "noise" : d.worse() ? "worse, within allowance" : "better";
  }

  private static String delta(MetricDiff d) {
    Double delta = d.delta();
    if (delta == null) {
      return "n/a";
    }
    String sign = delta > 0 ? "+" : "";
    Double relative = d.relativeDelta();
    return sign + plain(delta) + (relative == null ? "" : String.format(Locale.ROOT, " (%s%.1f%%)", sign,
        100 * relative));
  }

  private static String value(String metric, Double value) {
    return value == null ? "n/a" : Format.value(metric, value);
  }

  private static String plain(double value) {
    return Format.number(value, 6);
  }

  private static String table(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    rows.forEach(row -> {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    });
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i])).append(i + 1 < row.length ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
