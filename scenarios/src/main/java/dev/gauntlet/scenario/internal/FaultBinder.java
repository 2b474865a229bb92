package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Window;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Binds one entry of {@code faults:}: the shared envelope here, the fault's own attributes in the binder of its
 * kind. A built-in kind is a record and an entry in {@link #KINDS}; a kind from outside Gauntlet comes through the
 * {@link dev.gauntlet.scenario.spi.FaultKind} SPI ({@link CustomKinds}).
 */
final class FaultBinder {

  private static final Map<String, Function<YamlMap, Fault>> KINDS =
      new TreeMap<>(
          Map.of(
              "outage", FaultBinder::outage,
              "rate_limit", FaultBinder::rateLimit,
              "hallucinated_tool", FaultBinder::hallucinatedTool,
              "malformed_output", FaultBinder::malformedOutput,
              "runaway_loop", map -> new Fault.RunawayLoop(),
              "unsafe_action", map -> new Fault.UnsafeAction(),
              "latency", LatencyBinder::bind,
              "network", NetworkBinder::fault,
              "gpu_leak", FaultBinder::gpuLeak));

  /** The kinds from outside Gauntlet on the class path, loaded once. */
  private static final CustomKinds CUSTOM = CustomKinds.load(KINDS.keySet());

  /** Every kind's name, built-in and custom, in order. */
  private static final List<String> NAMES =
      java.util.stream.Stream.concat(KINDS.keySet().stream(), CUSTOM.names().stream())
          .sorted()
          .toList();

  /** A hang longer than this would keep a run from ending when its workload does. */
  static final Duration MAX_HANG = Duration.ofMinutes(5);

  private FaultBinder() {}

  /**
   * @param providers        provider names the fault may target
   * @param workloadDuration how long the workload runs, or null when unknown; a window must start before it ends
   */
  static FaultSpec bind(YamlMap map, int index, List<String> providers, Duration workloadDuration) {
    String kind = map.oneOf("kind", true, NAMES);
    String name = map.string("name", false);
    Window window = window(map.map("window", true), workloadDuration);
    Double probability = map.number("probability", false, 0, 1);
    String provider = map.string("provider", false);
    if (provider != null && !providers.contains(provider)) {
      map.problems()
          .add(
              map.value("provider", false),
              map.child("provider"),
              "must name a provider of this scenario "
                  + providers
                  + ", but was '"
                  + provider
                  + "'");
    }
    String model = map.string("model", false);
    Fault fault =
        kind == null
            ? null
            : CUSTOM.has(kind) ? CUSTOM.bind(kind, map) : KINDS.get(kind).apply(map);
    if (fault instanceof Fault.Network && (provider != null || model != null)) {
      map.problems()
          .add(
              map.value(provider != null ? "provider" : "model", false),
              map.child(provider != null ? "provider" : "model"),
              "must be absent for a network fault, which acts on a proxy (proxy:), not on LLM calls");
    }
    if (fault instanceof Fault.GpuLeak) {
      gpuLeakTarget(map, provider, model);
    }
    if (fault instanceof Fault.RateLimit limit
        && limit.isQuota()
        && probability != null
        && probability != 1.0) {
      map.problems()
          .add(
              map.value("probability", false),
              map.child("probability"),
              "must be 1 (or absent) for a rate_limit with rpm or tpm, since the quota decides which calls are "
                  + "refused, but was "
                  + probability);
    }
    map.rejectUnknown();
    if (fault == null || window == null) {
      return null;
    }
    return new FaultSpec(
        name == null ? kind + "-" + index : name,
        window,
        probability == null ? 1.0 : probability,
        provider,
        model,
        fault);
  }

  private static Window window(YamlMap map, Duration workloadDuration) {
    if (map == null) {
      return null;
    }
    Duration start = map.duration("start", true);
    Duration duration = map.duration("duration", true);
    map.rejectUnknown();
    if (start != null && workloadDuration != null && start.compareTo(workloadDuration) >= 0) {
      map.problems()
          .add(
              map.value("start", false),
              map.child("start"),
              "must be before the workload ends ("
                  + Values.format(workloadDuration)
                  + "), but was "
                  + Values.format(start));
    }
    return start == null || duration == null ? null : new Window(start, duration);
  }

  private static Fault outage(YamlMap map) {
    Long status = map.integer("status", false, 100, 599);
    String mode =
        map.oneOf("mode", false, labels(Fault.Outage.Mode.values(), Fault.Outage.Mode::label));
    Duration hangFor = map.duration("hang_for", false);
    if (status != null && !List.of(500L, 502L, 503L, 529L).contains(status)) {
      map.problems()
          .add(
              map.value("status", false),
              map.child("status"),
              "must be one of [500, 502, 503, 529], but was " + status);
      return null;
    }
    Fault.Outage.Mode outageMode =
        mode == null
            ? Fault.Outage.Mode.STATUS
            : Fault.Outage.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    if (hangFor != null && outageMode != Fault.Outage.Mode.HANG) {
      map.problems()
          .add(
              map.value("hang_for", false),
              map.child("hang_for"),
              "must be absent unless mode is hang, but was "
                  + Values.format(hangFor)
                  + " with mode "
                  + outageMode.label());
    }
    if (hangFor != null && (hangFor.isZero() || hangFor.compareTo(MAX_HANG) > 0)) {
      map.problems()
          .add(
              map.value("hang_for", false),
              map.child("hang_for"),
              "must be in (0s, "
                  + Values.format(MAX_HANG)
                  + "], so that a run still ends, but was "
                  + Values.format(hangFor));
      return null;
    }
    return new Fault.Outage(
        status == null ? 503 : status.intValue(),
        outageMode,
        hangFor == null ? Fault.Outage.DEFAULT_HANG : hangFor);
  }

  private static Fault rateLimit(YamlMap map) {
    Duration retryAfter = map.duration("retry_after", false);
    Long rpm = map.integer("rpm", false, 1, 100_000_000);
    Long tpm = map.integer("tpm", false, 1, 10_000_000_000L);
    boolean quota = rpm != null || tpm != null;
    if (quota && retryAfter != null) {
      map.problems()
          .add(
              map.value("retry_after", false),
              map.child("retry_after"),
              "must be absent when rpm or tpm is set, since retry-after is then the time until the quota frees, "
                  + "but was "
                  + Values.format(retryAfter));
    }
    return new Fault.RateLimit(
        retryAfter == null ? Duration.ofSeconds(1) : retryAfter,
        rpm == null ? 0 : rpm,
        tpm == null ? 0 : tpm);
  }

  /** A leak acts on one self-hosted server as a whole (that it is self-hosted is checked with the providers). */
  private static void gpuLeakTarget(YamlMap map, String provider, String model) {
    if (provider == null) {
      map.problems()
          .add(
              map.node(),
              map.child("provider"),
              "is required for a gpu_leak fault, which leaks on one self-hosted provider, but is missing");
    }
    if (model != null) {
      map.problems()
          .add(
              map.value("model", false),
              map.child("model"),
              "must be absent for a gpu_leak fault, which acts on the whole server, but was '"
                  + model
                  + "'");
    }
  }

  private static Fault gpuLeak(YamlMap map) {
    Double perInference = map.mebibytes("per_inference", false);
    String onOom =
        map.oneOf(
            "on_oom", false, labels(Fault.GpuLeak.OnOom.values(), Fault.GpuLeak.OnOom::label));
    return new Fault.GpuLeak(
        perInference == null ? Fault.GpuLeak.DEFAULT_PER_INFERENCE_MB : perInference,
        onOom == null
            ? Fault.GpuLeak.OnOom.ERRORS
            : Fault.GpuLeak.OnOom.valueOf(onOom.toUpperCase(Locale.ROOT)));
  }

  private static Fault hallucinatedTool(YamlMap map) {
    String variant =
        map.oneOf(
            "variant",
            true,
            labels(Fault.HallucinatedTool.Variant.values(), Fault.HallucinatedTool.Variant::label));
    return variant == null
        ? null
        : new Fault.HallucinatedTool(
            Fault.HallucinatedTool.Variant.valueOf(variant.toUpperCase(Locale.ROOT)));
  }

  private static Fault malformedOutput(YamlMap map) {
    String variant =
        map.oneOf(
            "variant",
            true,
            labels(Fault.MalformedOutput.Variant.values(), Fault.MalformedOutput.Variant::label));
    return variant == null
        ? null
        : new Fault.MalformedOutput(
            Fault.MalformedOutput.Variant.valueOf(variant.toUpperCase(Locale.ROOT)));
  }

  private static <E> List<String> labels(E[] values, Function<E, String> label) {
    return Arrays.stream(values).map(label).toList();
  }
}
