package dev.gauntlet.reports.leak;

/** Student's t distribution: its CDF through the regularised incomplete beta function, and quantiles by bisection. */
final class StudentT {

  private static final double[] LANCZOS = {
    76.18009172947146,
    -86.50532032941677,
    24.01409824083091,
    -1.231739572450155,
    0.1208650973866179e-2,
    -0.5395239384953e-5
  };

  private StudentT() {}

  /** The {@code p} quantile (p in (0, 1)) with {@code df} degrees of freedom. */
  static double quantile(double p, double df) {
    if (p == 0.5) {
      return 0;
    }
    if (p < 0.5) {
      return -quantile(1 - p, df);
    }
    double lo = 0;
    double hi = 1;
    while (cdf(hi, df) < p) {
      hi *= 2;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = (lo + hi) / 2;
      if (cdf(mid, df) < p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** P(T ≤ t). */
  static double cdf(double t, double df) {
    double tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /** The regularised incomplete beta function I_x(a, b). */
  static double incompleteBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double front =
        Math.exp(
            logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    return x < (a + 1) / (a + b + 2)
        ? front * continuedFraction(x, a, b) / a
        : 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  // Lentz's method for the incomplete beta's continued fraction (Numerical Recipes, 6.4).
  private static double continuedFraction(double x, double a, double b) {
    double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 10_000; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 / nonZero(1 + even * d, tiny);
      c = nonZero(1 + even / c, tiny);
      h *= d * c;
      double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 / nonZero(1 + odd * d, tiny);
      c = nonZero(1 + odd / c, tiny);
      double step = d * c;
      h *= step;
      if (Math.abs(step - 1) < 1e-15) {
        break;
      }
    }
    return h;
  }

  private static double nonZero(double v, double tiny) {
    return Math.abs(v) < tiny ? tiny : v;
  }

  static double logGamma(double x) {
    double tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
    double series = 1.000000000190015;
    for (int j = 0; j < LANCZOS.length; j++) {
      series += LANCZOS[j] / (x + 1 + j);
    }
    return -tmp + Math.log(2.5066282746310005 * series / x);
  }
}
