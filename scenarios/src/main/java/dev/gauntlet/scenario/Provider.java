package dev.gauntlet.scenario;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An LLM provider endpoint that the fault plane serves to the agent. Immutable and thread-safe.
 *
 * @param name      identifier used by faults ({@code provider: primary}) and in the ledger
 * @param api       wire format: {@code openai} or {@code anthropic}
 * @param model     model name the agent is told to use with this provider
 * @param mode      where answers come from: the dataset's scripts, a real provider, or recorded exchanges
 * @param upstream  base URL requests are forwarded to in {@link Mode#PASSTHROUGH}, such as
 *                  {@code https://api.openai.com/v1}; null otherwise
 * @param apiKeyEnv name of the environment variable holding the upstream's API key; null to forward the agent's
 *                  own credentials unchanged
 * @param record    folder that pass-through writes each exchange to as a fixture; null to record nothing
 * @param fixtures  folder of recorded exchanges that {@link Mode#REPLAY} answers from; null otherwise
 * @param selfHosted the simulated GPU of a self-hosted, vLLM-like model server ({@code self_hosted:}); null for a
 *                  hosted API. A self-hosted provider listens on a port of its own and can leak memory
 *                  ({@code kind: gpu_leak})
 */
public record Provider(
    String name,
    String api,
    String model,
    Mode mode,
    URI upstream,
    String apiKeyEnv,
    Path record,
    Path fixtures,
    SelfHosted selfHosted) {

  /** Where a provider's answers come from. */
  public enum Mode {
    /** From the golden dataset's model scripts: deterministic and free. */
    SCRIPTED,
    /** Forwarded to {@link Provider#upstream()}, faults applied on the way, optionally recorded. */
    PASSTHROUGH,
    /** From the exchanges recorded in {@link Provider#fixtures()}. */
    REPLAY
  }

  public Provider {
    Objects.requireNonNull(mode, "mode");
  }

  /** A hosted provider (no simulated GPU) in {@code mode}. */
  public Provider(
      String name,
      String api,
      String model,
      Mode mode,
      URI upstream,
      String apiKeyEnv,
      Path record,
      Path fixtures) {
    this(name, api, model, mode, upstream, apiKeyEnv, record, fixtures, null);
  }

  /** A scripted provider, as every provider was before pass-through. */
  public Provider(String name, String api, String model) {
    this(name, api, model, Mode.SCRIPTED, null, null, null, null);
  }

  /** A scripted, OpenAI-speaking self-hosted model server with the simulated GPU {@code gpu}. */
  public static Provider selfHosted(String name, String model, SelfHosted gpu) {
    return new Provider(
        name,
        "openai",
        model,
        Mode.SCRIPTED,
        null,
        null,
        null,
        null,
        Objects.requireNonNull(gpu, "gpu"));
  }

  /** Whether this provider is a simulated self-hosted model server. */
  public boolean isSelfHosted() {
    return selfHosted != null;
  }

  /**
   * The simulated GPU of a self-hosted model server (vLLM on one device). Sizes are MiB (2<sup>20</sup> bytes), as
   * NVML and DCGM count them. Immutable and thread-safe.
   *
   * @param vramMb     device memory
   * @param baselineMb memory taken at (re)start: weights and KV cache
   * @param coldStart  how long a restart takes until the server answers again
   * @param slowdown   latency multiplier reached at 100% of {@code vramMb}; it grows linearly from 1 at
   *                   {@link #SLOWDOWN_FROM} of it
   * @param latency    how long one completion takes without memory pressure
   */
  public record SelfHosted(
      double vramMb, double baselineMb, Duration coldStart, double slowdown, Duration latency) {

    /** The share of {@code vramMb} above which answers slow down. */
    public static final double SLOWDOWN_FROM = 0.8;

    /** The default of {@code cold_start}. */
    public static final Duration DEFAULT_COLD_START = Duration.ofSeconds(15);

    /** The default of {@code slowdown}. */
    public static final double DEFAULT_SLOWDOWN = 3.0;

    /** The default of {@code latency}. */
    public static final Duration DEFAULT_LATENCY = Duration.ofMillis(50);

    public SelfHosted {
      Objects.requireNonNull(coldStart, "coldStart");
      Objects.requireNonNull(latency, "latency");
    }

    /**
     * How many times slower a completion is with {@code usedMb} taken: 1 up to {@link #SLOWDOWN_FROM} of the
     * device, then linearly up to {@code slowdown} at a full device (and no further).
     */
    public double latencyFactor(double usedMb) {
      double share = Math.min(1, usedMb / vramMb);
      return share <= SLOWDOWN_FROM
          ? 1
          : 1 + (slowdown - 1) * (share - SLOWDOWN_FROM) / (1 - SLOWDOWN_FROM);
    }
  }

  /** A pass-through provider forwarding to {@code upstream}, recording into {@code record} when not null. */
  public static Provider passthrough(
      String name, String api, String model, URI upstream, String apiKeyEnv, Path record) {
    return new Provider(name, api, model, Mode.PASSTHROUGH, upstream, apiKeyEnv, record, null);
  }

  /** A provider answering from the exchanges recorded in {@code fixtures}. */
  public static Provider replay(String name, String api, String model, Path fixtures) {
    return new Provider(name, api, model, Mode.REPLAY, null, null, null, fixtures);
  }
}
