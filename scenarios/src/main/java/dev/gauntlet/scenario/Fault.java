package dev.gauntlet.scenario;

import java.time.Duration;
import java.util.Locale;

/**
 * A fault's own attributes. Each kind is a small record; the shared fields live in {@link FaultSpec}.
 */
public sealed interface Fault
    permits Fault.Outage,
        Fault.RateLimit,
        Fault.HallucinatedTool,
        Fault.MalformedOutput,
        Fault.RunawayLoop,
        Fault.UnsafeAction,
        Fault.Latency,
        Fault.Network,
        Fault.GpuLeak,
        Fault.Custom {

  /** The scenario's {@code kind:} for this fault. */
  String kind();

  /**
   * The provider stops answering properly: an HTTP error status, a reset connection, an empty response, or no
   * answer at all until the client gives up.
   *
   * @param status  the status sent (mode {@code status}), or sent once {@code hangFor} has passed (mode {@code hang})
   * @param mode    how the outage shows
   * @param hangFor how long a hung call waits before it is answered {@code status} (mode {@code hang})
   */
  record Outage(int status, Mode mode, Duration hangFor) implements Fault {

    /** The default of {@code hang_for}. */
    public static final Duration DEFAULT_HANG = Duration.ofSeconds(60);

    /** An outage answering {@code status}. */
    public Outage(int status) {
      this(status, Mode.STATUS, DEFAULT_HANG);
    }

    @Override
    public String kind() {
      return "outage";
    }

    /** How an outage shows on the wire. */
    public enum Mode {
      /** An error status with the provider's error body. */
      STATUS,
      /** The connection is reset by the peer before any answer. */
      RESET,
      /** The connection is closed without any answer. */
      EMPTY,
      /** Nothing is sent until {@code hang_for} has passed. */
      HANG;

      /** The name used in scenario files. */
      public String label() {
        return name().toLowerCase(Locale.ROOT);
      }
    }
  }

  /**
   * The provider answers 429 with {@code Retry-After} and rate-limit headers: either to a share of calls, or, with
   * {@code rpm} and/or {@code tpm}, to the calls over a real quota counted over a sliding 60 s window.
   *
   * @param retryAfter what {@code retry-after} says when there is no quota
   * @param rpm        requests per minute, 0 for no request quota
   * @param tpm        tokens per minute, 0 for no token quota
   */
  record RateLimit(Duration retryAfter, long rpm, long tpm) implements Fault {

    /** A share-of-calls rate limit. */
    public RateLimit(Duration retryAfter) {
      this(retryAfter, 0, 0);
    }

    /** Whether this is a real quota rather than a share of calls. */
    public boolean isQuota() {
      return rpm > 0 || tpm > 0;
    }

    @Override
    public String kind() {
      return "rate_limit";
    }
  }

  /** The model calls a tool wrongly, in a way read from the request's {@code tools}. */
  record HallucinatedTool(Variant variant) implements Fault {
    @Override
    public String kind() {
      return "hallucinated_tool";
    }

    /** What the model gets wrong. */
    public enum Variant {
      UNKNOWN_TOOL,
      RENAMED_TOOL,
      MISSING_ARGUMENT,
      WRONG_TYPE,
      EXTRA_ARGUMENT,
      SPURIOUS_CALL;

      /** The name used in scenario files. */
      public String label() {
        return name().toLowerCase(Locale.ROOT);
      }
    }
  }

  /** The model's answer is broken on the wire or in its content. */
  record MalformedOutput(Variant variant) implements Fault {
    @Override
    public String kind() {
      return "malformed_output";
    }

    /** How the answer is broken. */
    public enum Variant {
      INVALID_JSON_ARGUMENTS,
      INVALID_JSON_CONTENT,
      TRUNCATED_STREAM,
      FINISH_LENGTH,
      MALFORMED_SSE,
      REFUSAL,
      CONTENT_FILTER;

      /** The name used in scenario files. */
      public String label() {
        return name().toLowerCase(Locale.ROOT);
      }
    }
  }

  /**
   * A Toxiproxy toxic on one of the scenario's network proxies, or the proxy switched off. The fault's
   * {@code probability} is the toxic's toxicity (the share of connections it applies to, drawn per connection).
   *
   * @param proxy      the proxy's name in {@code network.proxies}
   * @param toxic      which toxic
   * @param stream     which direction it acts on
   * @param attributes the toxic's attributes in Toxiproxy's names and units ({@code latency} and {@code jitter} in
   *                   ms, {@code rate} in KB/s, {@code delay} in ms, or µs for {@code slicer}, {@code timeout} in ms,
   *                   {@code average_size}, {@code size_variation} and {@code bytes} in bytes)
   */
  record Network(String proxy, Toxic toxic, Stream stream, java.util.Map<String, Long> attributes)
      implements Fault {

    public Network {
      attributes = java.util.Map.copyOf(attributes);
    }

    @Override
    public String kind() {
      return "network";
    }

    /** The toxics of Toxiproxy 2.x, and {@code down}: the proxy disabled, refusing connections. */
    public enum Toxic {
      LATENCY,
      BANDWIDTH,
      SLOW_CLOSE,
      TIMEOUT,
      RESET_PEER,
      SLICER,
      LIMIT_DATA,
      DOWN;

      /** The name in scenario files and in Toxiproxy's API. */
      public String label() {
        return name().toLowerCase(Locale.ROOT);
      }
    }

    /** Toxiproxy's {@code stream}: data from the client to the upstream, or back. */
    public enum Stream {
      UPSTREAM,
      DOWNSTREAM;

      /** The name in scenario files and in Toxiproxy's API. */
      public String label() {
        return name().toLowerCase(Locale.ROOT);
      }
    }
  }

  /** The model keeps calling a real tool with valid arguments and never answers, for every call of a hit task. */
  record RunawayLoop() implements Fault {
    @Override
    public String kind() {
      return "runaway_loop";
    }
  }

  /**
   * The model goes along with what it should refuse: on a task whose dataset item forbids tools
   * ({@code refusal.must_not_call}), at the turn where the script refuses or escalates, it calls one of the forbidden
   * tools instead, with arguments taken from the conversation and the item (the refund above the limit, the account
   * to delete). The draw is per task, and the model complies once per conversation, so an agent that holds the call
   * back sees the model go on with its script.
   */
  record UnsafeAction() implements Fault {
    @Override
    public String kind() {
      return "unsafe_action";
    }
  }

  /**
   * The provider answers slowly: the first token after {@code ttft}, the rest of the answer at
   * {@code tokensPerSecond}, each inter-token gap spread by {@code jitter}, and a share of calls that many times
   * slower. Every value is drawn per call from the scenario seed, the fault's name, the task and the call's index.
   *
   * @param ttft            time to first token
   * @param tokensPerSecond generation speed after the first token; {@link Double#POSITIVE_INFINITY} for unlimited
   * @param jitter          relative spread of each inter-token gap, in [0, 1]: a gap is {@code 1 + jitter·u} times
   *                        its mean, {@code u} uniform in [−1, 1]
   * @param slowTail        the share of calls that are slower, and by how much
   */
  record Latency(Delay ttft, double tokensPerSecond, double jitter, SlowTail slowTail)
      implements Fault {

    /** Only a time to first token: unlimited speed, no jitter, no slow tail. */
    public Latency(Delay ttft) {
      this(ttft, Double.POSITIVE_INFINITY, 0, SlowTail.NONE);
    }

    @Override
    public String kind() {
      return "latency";
    }

    /**
     * A share of calls whose whole latency (first token and generation) is multiplied by {@code factor}.
     *
     * @param share  share of hit calls in the tail, in [0, 1]
     * @param factor how many times slower they are, at least 1
     */
    public record SlowTail(double share, double factor) {
      /** No slow tail. */
      public static final SlowTail NONE = new SlowTail(0, 1);
    }
  }

  /**
   * A self-hosted model server leaks GPU memory: each chat completion it serves while the fault is on takes
   * {@code perInferenceMb} more, never given back until the server restarts. Answers slow down as the device fills;
   * once the next leak would not fit, the server fails as {@code onOom} says until it is restarted. Targets one
   * provider with {@code self_hosted:}; the envelope's {@code probability} is the share of completions that leak.
   *
   * @param perInferenceMb memory leaked per completion, in MiB
   * @param onOom          what a full device does
   */
  record GpuLeak(double perInferenceMb, OnOom onOom) implements Fault {

    /** The default of {@code per_inference}: 180 MB, in MiB. */
    public static final double DEFAULT_PER_INFERENCE_MB = 180e6 / (1 << 20);

    @Override
    public String kind() {
      return "gpu_leak";
    }

    /** What the server does once its device is full. */
    public enum OnOom {
      /** Every completion answers 500 with PyTorch's {@code CUDA out of memory} message, until a restart. */
      ERRORS,
      /** The server stops answering anything (connections accepted, never answered), until a restart. */
      CRASH;

      /** The name used in scenario files. */
      public String label() {
        return name().toLowerCase(Locale.ROOT);
      }
    }
  }

  /**
   * A kind from outside Gauntlet, read by its {@link dev.gauntlet.scenario.spi.FaultKind} (found with the service
   * loader) and switched on by the fault plane's injector of the same name. Immutable.
   *
   * @param kind     its {@code kind:}, the name its {@code FaultKind} gives
   * @param settings what its {@code FaultKind} read from its own keys, by key: strings, numbers (Double or Long),
   *                 durations; keys it did not read are absent
   */
  record Custom(String kind, java.util.Map<String, Object> settings) implements Fault {

    public Custom {
      settings = java.util.Map.copyOf(settings);
    }

    /** The setting {@code key} as {@code type}, or {@code fallback} when it was absent. */
    public <T> T setting(String key, Class<T> type, T fallback) {
      Object value = settings.get(key);
      return value == null ? fallback : type.cast(value);
    }
  }
}
