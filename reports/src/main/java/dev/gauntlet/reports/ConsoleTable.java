package dev.gauntlet.reports;

import dev.gauntlet.reports.internal.Margin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The verdict as an aligned plain-text table for a terminal or a CI log, followed by one verdict line:
 * {@code verdict: FAILED (2 of 5 SLOs failed: success_rate, recovery_time) seed=42}. When an SLO failed, a last
 * column says by how much ({@code 0.252 below the minimum}), so a CI log shows what broke without opening a file.
 * Thread-safe (stateless).
 */
public final class ConsoleTable {

  private static final String[] HEADER = {"SLO", "threshold", "measured", "status", "miss"};

  private ConsoleTable() {}

  /** The table and the verdict line, each line ending in a newline. */
  public static String render(Verdict verdict) {
    int columns = verdict.withStatus(Status.FAILED).isEmpty() ? HEADER.length - 1 : HEADER.length;
    List<String[]> rows = new ArrayList<>();
    rows.add(Arrays.copyOf(HEADER, columns));
    for (SloResult slo : verdict.slos()) {
      String[] row = {
        oneLine(slo.name()),
        slo.threshold(),
        slo.measuredText(),
        slo.status().name(),
        Margin.of(slo).orElse("")
      };
      rows.add(Arrays.copyOf(row, columns));
    }
    int[] widths = widths(rows);
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      line(out, row, widths);
    }
    if (verdict.harness().fellBehind()) {
      out.append(oneLine(verdict.harness().summary())).append('\n');
    }
    for (FaultPlaneCheck check : verdict.faultPlaneChecks()) {
      // Only beside a verdict that did not pass: a check changes an outcome only through the SLOs
      // it leaves
      // unresolved (a passed one stands), so on a passed run its finding is for summary.md and
      // verdict.json.
      if (check.unresolved() && verdict.status() != Status.PASSED) {
        // Not "UNRESOLVED": the check only leaves the SLOs it distorted unresolved, and the table
        // above says which.
        out.append("harness check ")
            .append(check.name())
            .append(": ")
            .append(oneLine(check.message()))
            .append('\n');
      }
    }
    return out.append("verdict: ")
        .append(verdict.status().name())
        .append(" (")
        .append(oneLine(verdict.reason()))
        .append(") seed=")
        .append(verdict.seed())
        .append('\n')
        .toString();
  }

  private static int[] widths(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
      }
    }
    return widths;
  }

  private static void line(StringBuilder out, String[] row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      line.append(row[i])
          .append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()) + 2));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}]+", " ");
  }
}
