package dev.gauntlet.scenario;

/**
 * One objective: a metric over a scope, with a lower bound, an upper bound or both; or, relative to a baseline run,
 * the largest drop or rise allowed. Bounds and drops are in the metric's unit: a fraction for rates, seconds for
 * times, USD for costs; a rise is a fraction of the baseline's value.
 *
 * @param metric      a name from {@link Metrics#NAMES}
 * @param scope       which tasks the metric is computed over
 * @param min         lowest passing value, or null
 * @param max         highest passing value, or null
 * @param maxDrop     largest drop below the baseline's value that passes, or null
 * @param maxIncrease largest rise above the baseline's value that passes, as a fraction of it (0.1 is 10%), or null
 */
public record SloSpec(
    String metric, Scope scope, Double min, Double max, Double maxDrop, Double maxIncrease) {

  /** An absolute objective. */
  public SloSpec(String metric, Scope scope, Double min, Double max) {
    this(metric, scope, min, max, null, null);
  }

  /** Whether the objective is against a baseline run rather than fixed bounds. */
  public boolean relative() {
    return maxDrop != null || maxIncrease != null;
  }

  /** Which tasks an SLO looks at. */
  public enum Scope {
    WHOLE,
    DURING_FAULTS,
    OUTSIDE_FAULTS
  }

  /** The scope as scenario files and verdict.json write it: {@code whole} (also when none was given), … */
  public String scopeLabel() {
    return scope == null ? "whole" : scope.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A readable form of the objective, such as {@code success_rate >= 0.95}. */
  public String describe() {
    String bounds =
        maxDrop != null
            ? " drops at most " + maxDrop + " below the baseline"
            : maxIncrease != null
                ? " rises at most " + maxIncrease * 100 + "% above the baseline"
                : min != null && max != null
                    ? " in [" + min + ", " + max + "]"
                    : min != null ? " >= " + min : " <= " + max;
    return metric
        + bounds
        + (scope == Scope.WHOLE
            ? ""
            : " (" + scope.name().toLowerCase(java.util.Locale.ROOT) + ")");
  }
}
