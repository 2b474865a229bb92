package dev.gauntlet.reports.internal;

import dev.gauntlet.scenario.Metrics;
import dev.gauntlet.scenario.SloSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How numbers are written in messages and reports, by the metric's unit. Thread-safe (stateless). */
public final class Format {

  private Format() {}

  /**
   * A measured value with its unit: ratios to three decimals, seconds with {@code s}, costs with {@code USD}, leak
   * rates with {@code MB/inference}.
   */
  public static String value(String metric, double value) {
    Metrics.Unit unit = Metrics.UNITS.get(metric);
    if (unit == null) {
      return number(value, 6);
    }
    return switch (unit) {
      case RATIO -> String.format(Locale.ROOT, "%.3f", value);
      case SECONDS -> number(value, 3) + " s";
      case USD -> number(value, 6) + " USD";
      case COUNT -> number(value, 0);
      case MB_PER_INFERENCE -> number(value, 3) + " MB/inference";
    };
  }

  /** The bounds of {@code spec}: {@code >= 0.95}, {@code <= 2 s}, {@code in [0.5, 1]}. */
  public static String threshold(SloSpec spec) {
    if (spec.maxDrop() != null) {
      return "at most " + bound(spec.metric(), spec.maxDrop()) + " below the baseline";
    }
    if (spec.maxIncrease() != null) {
      return "at most " + number(100 * spec.maxIncrease(), 3) + "% above the baseline";
    }
    if (spec.min() != null && spec.max() != null) {
      return "in ["
          + bound(spec.metric(), spec.min())
          + ", "
          + bound(spec.metric(), spec.max())
          + "]";
    }
    if (spec.min() != null) {
      return ">= " + bound(spec.metric(), spec.min());
    }
    return spec.max() == null ? "(no bound)" : "<= " + bound(spec.metric(), spec.max());
  }

  /** {@code value} rounded to {@code decimals}, without trailing zeros. */
  public static String number(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }

  private static String bound(String metric, double value) {
    Metrics.Unit unit = Metrics.UNITS.get(metric);
    String text = number(value, 6);
    return switch (unit == null ? Metrics.Unit.COUNT : unit) {
      case SECONDS -> text + " s";
      case USD -> text + " USD";
      case MB_PER_INFERENCE -> text + " MB/inference";
      case RATIO, COUNT -> text;
    };
  }
}
