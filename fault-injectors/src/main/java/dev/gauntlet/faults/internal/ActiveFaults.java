package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.internal.provider.TurnFault;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.faults.spi.ProviderFaults;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The provider faults that are on now, and the per-call decision whether one of them hits. Three sorts: faults that
 * replace the HTTP answer ({@link #activate}), faults that rewrite what the model says ({@link #activateTurn}), and
 * quotas that count every call ({@link #activateQuota}). Thread-safe: faults are switched rarely and read on every
 * call, hence copy-on-write.
 */
public final class ActiveFaults implements ProviderFaults {

  /** A fault that is on, with what it does. Compared by identity, so equal specs stay distinct. */
  public static final class Active {
    private final FaultSpec spec;
    private final FaultResponse response;
    private final TurnFault turn;
    private final boolean perTask;

    Active(FaultSpec spec, FaultResponse response, TurnFault turn, boolean perTask) {
      this.spec = spec;
      this.response = response;
      this.turn = turn;
      this.perTask = perTask;
    }

    public FaultSpec spec() {
      return spec;
    }

    /**
     * The answer that replaces the call's; for a fault that rewrites the model's turn instead ({@link #turn()} is
     * present) calling it throws {@link IllegalStateException}.
     */
    public FaultResponse response() {
      return response;
    }

    /** The rewrite of the model's turn, for faults such as hallucinated tool calls; empty for answer faults. */
    public Optional<TurnFault> turn() {
      return Optional.ofNullable(turn);
    }
  }

  private final long seed;
  private final List<Active> active = new CopyOnWriteArrayList<>();
  private final List<QuotaEntry> quotas = new CopyOnWriteArrayList<>();
  private final Latencies latencies;

  private record QuotaEntry(FaultSpec spec, Quota quota) {}

  public ActiveFaults(long seed) {
    this.seed = seed;
    this.latencies = new Latencies(seed);
  }

  /** The latency faults, which slow a call down whatever else hits it. */
  public Latencies latencies() {
    return latencies;
  }

  @Override
  public FaultSwitch activate(FaultSpec spec, FaultResponse answer) {
    return add(new Active(spec, answer, null, false));
  }

  /**
   * Makes calls hit by {@code spec} answer with the turn {@code turn} makes. With {@code perTask} the draw is made
   * once per task rather than per call, so a hit task is hit on every call while the fault is on.
   */
  public FaultSwitch activateTurn(FaultSpec spec, TurnFault turn, boolean perTask) {
    FaultResponse none =
        () -> {
          throw new IllegalStateException(
              spec.name() + " rewrites the model's turn; read Active.turn()");
        };
    return add(new Active(spec, none, turn, perTask));
  }

  /** Counts every targeted call against {@code quota} while the returned switch is open. */
  public FaultSwitch activateQuota(FaultSpec spec, Quota quota) {
    QuotaEntry entry = new QuotaEntry(spec, quota);
    quotas.add(entry);
    return () -> quotas.removeIf(q -> q == entry);
  }

  private FaultSwitch add(Active entry) {
    active.add(entry);
    return () -> active.removeIf(a -> a == entry);
  }

  /**
   * The first fault that replaces the answer, in the order switched on, that targets this call and whose seeded
   * draw for {@code (name, taskKey, callIndex)} falls under its probability; a rerun with the same seed decides
   * the same. Faults that rewrite the model's turn are left out: see {@link #hit}.
   */
  public Optional<Active> decide(String provider, String model, String taskKey, int callIndex) {
    return find(provider, model, taskKey, callIndex, false);
  }

  /**
   * Like {@link #decide}, but any fault, answer or turn rewrite: for calls the scripted model answers, whatever their
   * wire format ({@code ProviderCalls}). {@link #decide} is for calls that carry no model turn (embeddings, answers
   * passed through from a real provider).
   */
  public Optional<Active> hit(String provider, String model, String taskKey, int callIndex) {
    return find(provider, model, taskKey, callIndex, true);
  }

  private Optional<Active> find(
      String provider, String model, String taskKey, int callIndex, boolean turns) {
    for (Active a : active) {
      FaultSpec spec = a.spec();
      if ((turns || a.turn == null)
          && spec.targets(provider, model)
          && draw(a, taskKey, callIndex) < spec.probability()) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  private double draw(Active a, String taskKey, int callIndex) {
    return a.perTask
        ? Seeds.unit(seed, a.spec().name(), taskKey)
        : Seeds.unit(seed, a.spec().name(), taskKey, callIndex);
  }

  /**
   * Counts one call against every quota that targets it, at {@code nowMs} with {@code promptTokens}.
   *
   * @return what the quotas say; {@link Admission#NONE} when none is on
   */
  public Admission admit(String provider, String model, long promptTokens, long nowMs) {
    List<Quota.Decision> decisions = new ArrayList<>();
    for (QuotaEntry q : quotas) {
      if (q.spec().targets(provider, model)) {
        decisions.add(q.quota().admit(provider, model, promptTokens, nowMs).named(q.spec().name()));
      }
    }
    return decisions.isEmpty() ? Admission.NONE : new Admission(decisions);
  }

  /** The quotas' verdict on one call: headers for its answer, a refusal, and where to charge its output. */
  public static final class Admission {
    /** No quota is on. */
    public static final Admission NONE = new Admission(List.of());

    private final List<Quota.Decision> decisions;

    Admission(List<Quota.Decision> decisions) {
      this.decisions = List.copyOf(decisions);
    }

    /** The 429 of the first quota that refused the call, with its fault's name. */
    public Optional<Quota.Decision> refusal() {
      return decisions.stream().filter(d -> d.refusal() != null).findFirst();
    }

    /** The {@code x-ratelimit-*} headers every answer to this call carries. */
    public java.util.Map<String, String> headers() {
      java.util.Map<String, String> headers = new java.util.HashMap<>();
      decisions.forEach(d -> headers.putAll(d.headers()));
      return headers;
    }

    /** Adds the answer's completion tokens to the quotas that admitted the call. */
    public void charge(long completionTokens, long nowMs) {
      decisions.stream()
          .filter(d -> d.refusal() == null)
          .forEach(d -> d.charge(completionTokens, nowMs));
    }

    /** The refusal as an answer, if any. */
    public Optional<HttpAnswer> refusedAnswer() {
      return refusal().map(Quota.Decision::refusal);
    }
  }
}
