package dev.gauntlet.scenario;

/**
 * One objective: a metric over a scope, with a lower bound, an upper bound or both. Bounds are in the metric's
 * unit: a fraction for rates, seconds for times, USD for costs.
 *
 * @param metric a name from {@link Metrics#NAMES}
 * @param scope  which tasks the metric is computed over
 * @param min    lowest passing value, or null
 * @param max    highest passing value, or null
 */
public record SloSpec(String metric, Scope scope, Double min, Double max) {

  /** Which tasks an SLO looks at. */
  public enum Scope { WHOLE, DURING_FAULTS, OUTSIDE_FAULTS }

  /** A readable form of the objective, such as {@code success_rate >= 0.95}. */
  public String describe() {
    String bounds = min != null && max != null ? " in [" + min + ", " + max + "]"
        : min != null ? " >= " + min : " <= " + max;
    return metric + bounds + (scope == Scope.WHOLE ? "" : " (" + scope.name().toLowerCase(java.util.Locale.ROOT) + ")");
  }
}
