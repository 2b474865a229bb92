package dev.gauntlet.junit5;

import dev.gauntlet.scenario.Metrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * One SLO of a run as verdict.json states it. Immutable and thread-safe.
 *
 * @param name     unique in the run: the metric, plus {@code @scope} unless the whole run
 * @param metric   the metric's name
 * @param scope    {@code whole}, {@code during_faults} or {@code outside_faults}
 * @param min      lowest passing value, or null
 * @param max      highest passing value, or null
 * @param measured the measured value in the metric's unit (seconds, a fraction, USD), or null
 * @param status   {@code passed}, {@code failed} or {@code unresolved}
 * @param message  one sentence with the measured value and the threshold, or why it could not be judged
 */
public record SloOutcome(
    String name,
    String metric,
    String scope,
    Double min,
    Double max,
    Double measured,
    String status,
    String message) {

  public static final String PASSED = "passed";
  public static final String FAILED = "failed";
  public static final String UNRESOLVED = "unresolved";

  /** By how much a failed SLO missed its bound: {@code 0.252 below the minimum}; empty otherwise. */
  public Optional<String> miss() {
    if (!FAILED.equals(status) || measured == null) {
      return Optional.empty();
    }
    if (min != null && measured < min) {
      return Optional.of(format(min - measured) + " below the minimum");
    }
    if (max != null && measured > max) {
      return Optional.of(format(measured - max) + " above the maximum");
    }
    return Optional.empty();
  }

  /** The message with the miss appended, as junit.xml writes it. */
  public String describe() {
    return miss().map(m -> message + " (" + m + ")").orElse(message);
  }

  /** {@code value} in this SLO's unit: {@code 1.5 s}, {@code 0.250}, {@code 0.0012 USD}. */
  String format(double value) {
    Metrics.Unit unit = Metrics.UNITS.get(metric);
    if (unit == Metrics.Unit.RATIO) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    String number =
        BigDecimal.valueOf(value)
            .setScale(6, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString();
    return unit == Metrics.Unit.SECONDS
        ? number + " s"
        : unit == Metrics.Unit.USD
            ? number + " USD"
            : unit == Metrics.Unit.MB_PER_INFERENCE ? number + " MB/inference" : number;
  }
}
