package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Provider;
import java.time.Duration;
import java.util.Locale;

/**
 * Binds a provider's {@code self_hosted:} block, the simulated GPU of a vLLM-like model server: {@code vram},
 * {@code baseline}, {@code cold_start}, {@code slowdown} and {@code latency}. Stateless.
 */
final class SelfHostedBinder {

  /** A cold start longer than this would outlast most runs' windows. */
  static final Duration MAX_COLD_START = Duration.ofMinutes(5);

  /** A base latency longer than this would time out every client before memory mattered. */
  static final Duration MAX_LATENCY = Duration.ofSeconds(30);

  private SelfHostedBinder() {}

  /** The simulated GPU, or null when {@code map} is null or any of its values is wrong (reported). */
  static Provider.SelfHosted bind(YamlMap map) {
    if (map == null) {
      return null;
    }
    Double vram = map.mebibytes("vram", true);
    Double baseline = map.mebibytes("baseline", true);
    Duration coldStart =
        orDefault(map.duration("cold_start", false), Provider.SelfHosted.DEFAULT_COLD_START);
    Double slowdown = map.number("slowdown", false, 1, 100);
    Duration latency =
        orDefault(map.duration("latency", false), Provider.SelfHosted.DEFAULT_LATENCY);
    map.rejectUnknown();
    boolean fits = vram == null || baseline == null || baseline < vram;
    if (!fits) {
      map.problems()
          .add(
              map.value("baseline", false),
              map.child("baseline"),
              "must be less than vram ("
                  + mebibytes(vram)
                  + "), so that something is left to leak, but was "
                  + mebibytes(baseline));
    }
    boolean bounded =
        atMost(map, "cold_start", coldStart, MAX_COLD_START)
            & atMost(map, "latency", latency, MAX_LATENCY);
    if (vram == null || baseline == null || !fits || !bounded) {
      return null;
    }
    return new Provider.SelfHosted(
        vram,
        baseline,
        coldStart,
        slowdown == null ? Provider.SelfHosted.DEFAULT_SLOWDOWN : slowdown,
        latency);
  }

  private static boolean atMost(YamlMap map, String key, Duration value, Duration max) {
    if (value.compareTo(max) <= 0) {
      return true;
    }
    map.problems()
        .add(
            map.value(key, false),
            map.child(key),
            "must be at most "
                + Values.format(max)
                + ", so that a run still ends, but was "
                + Values.format(value));
    return false;
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }

  /** A size in MiB as a person reads it: {@code 57344 MiB}, {@code 171.7 MiB}. */
  static String mebibytes(double mib) {
    return mib == Math.rint(mib)
        ? (long) mib + " MiB"
        : String.format(Locale.ROOT, "%.1f MiB", mib);
  }
}
