package dev.gauntlet.scenario;

import java.net.URI;
import java.nio.file.Path;
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
 */
public record Provider(String name, String api, String model, Mode mode, URI upstream, String apiKeyEnv,
    Path record, Path fixtures) {

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

  /** A scripted provider, as every provider was before pass-through. */
  public Provider(String name, String api, String model) {
    this(name, api, model, Mode.SCRIPTED, null, null, null, null);
  }

  /** A pass-through provider forwarding to {@code upstream}, recording into {@code record} when not null. */
  public static Provider passthrough(String name, String api, String model, URI upstream, String apiKeyEnv,
      Path record) {
    return new Provider(name, api, model, Mode.PASSTHROUGH, upstream, apiKeyEnv, record, null);
  }

  /** A provider answering from the exchanges recorded in {@code fixtures}. */
  public static Provider replay(String name, String api, String model, Path fixtures) {
    return new Provider(name, api, model, Mode.REPLAY, null, null, null, fixtures);
  }
}
