package dev.gauntlet.faults.internal.provider;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.Pace;
import dev.gauntlet.faults.internal.Quota;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Price;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One provider call in flight, as {@link ProviderCalls#begin} numbered and decided it: refused by a quota, answered
 * by a fault, or served with {@link #turn()}. {@link #failure} or {@link #served} hands its ledger entry over once
 * the wire format has rendered the outcome. Immutable apart from that hand-over, which happens once.
 */
public final class ProviderCall {

  /**
   * Who made the call and how it is known; {@code arrived} is the clock's reading when the call was taken up, made at
   * {@code stampedNanos} on {@link System#nanoTime()} (the ledger's {@code queued_ms} counts up to it).
   */
  record Key(
      long arrived,
      String provider,
      String model,
      String taskId,
      String taskKey,
      int index,
      String requestId,
      long stampedNanos) {}

  /** What the pipeline decided: a fault that replaces the answer, or the turn to serve and the fault behind it. */
  record Outcome(ActiveFaults.Active fault, Turn turn, String turnFault) {
    static final Outcome NONE = new Outcome(null, null, null);

    static Outcome fault(ActiveFaults.Active fault) {
      return new Outcome(fault, null, null);
    }

    static Outcome turn(Turn turn, String turnFault) {
      return new Outcome(null, turn, turnFault);
    }
  }

  private final Key key;
  private final Optional<Item> item;
  private final ActiveFaults.Admission quota;
  private final Outcome outcome;
  private final Price price;
  private final Consumer<LedgerEntry> ledger;
  private final Clock clock;
  private final Optional<Pace> pace;

  ProviderCall(
      Key key,
      Optional<Item> item,
      ActiveFaults.Admission quota,
      Outcome outcome,
      Price price,
      Consumer<LedgerEntry> ledger,
      Clock clock,
      Optional<Pace> pace) {
    this.pace = pace;
    this.key = key;
    this.item = item;
    this.quota = quota;
    this.outcome = outcome;
    this.price = price;
    this.ledger = ledger;
    this.clock = clock;
  }

  /**
   * The answer that replaces this call's, recorded in the ledger, or empty when the call is to be served: a quota's
   * 429 (in OpenAI's shape, passed through {@code refusal}) or the answer of the fault that hit it (made by
   * {@code fault}).
   */
  public Optional<HttpAnswer> failure(
      UnaryOperator<HttpAnswer> refusal, Function<ActiveFaults.Active, HttpAnswer> fault) {
    Optional<Quota.Decision> refused = quota.refusal();
    if (refused.isPresent()) {
      return Optional.of(failed(refusal.apply(refused.get().refusal()), refused.get().fault()));
    }
    if (outcome.fault() != null) {
      return Optional.of(failed(fault.apply(outcome.fault()), outcome.fault().spec().name()));
    }
    return Optional.empty();
  }

  private HttpAnswer failed(HttpAnswer answer, String faultName) {
    ledger.accept(entry(answer.status(), 0, 0, 0, faultName, false));
    return answer;
  }

  /** The model's turn to serve, wire-neutral, turn faults applied; only for model calls {@link #failure} spared. */
  public Turn turn() {
    if (outcome.turn() == null) {
      throw new IllegalStateException("call " + key.requestId() + " has no turn to serve");
    }
    return outcome.turn();
  }

  /** The quotas' {@code x-ratelimit-*} headers, for every OpenAI answer to this call. */
  public Map<String, String> quotaHeaders() {
    return quota.headers();
  }

  /** The dataset item the conversation matched, if any. */
  public Optional<Item> item() {
    return item;
  }

  /** The seeded request id, {@code req_…}. */
  public String requestId() {
    return key.requestId();
  }

  /** The model asked for (or the provider's default). */
  public String model() {
    return key.model();
  }

  /** When the call arrived, epoch milliseconds. */
  public long arrived() {
    return key.arrived();
  }

  /** Milliseconds since the call arrived, for {@code openai-processing-ms}. */
  public long elapsedMs() {
    return Math.max(0, clock.millis() - key.arrived());
  }

  /**
   * Records the call as answered with its turn (or, for calls without one, normally), charging the quotas with the
   * output tokens and naming the turn fault that changed it, if one did.
   */
  public void served(long inputTokens, long outputTokens) {
    quota.charge(outputTokens, key.arrived());
    double cost = price == null ? 0 : price.cost(inputTokens, outputTokens);
    boolean hallucinated = outcome.turn() != null && outcome.turn().hallucinated();
    String fault =
        outcome.turnFault() != null ? outcome.turnFault() : pace.map(Pace::fault).orElse(null);
    ledger.accept(entry(200, inputTokens, outputTokens, cost, fault, hallucinated));
  }

  /**
   * {@code response} slowed down as the latency fault that hit this call drew it (as it is when none did): a whole
   * answer is sent after the time to first token plus the generation of {@code outputTokens}; a stream sends its
   * first token after the time to first token and each later one a drawn gap after the one before (see
   * {@link Pace#schedule}).
   */
  public ResponseDefinition paced(ResponseDefinition response, long outputTokens, boolean stream) {
    if (pace.isEmpty()) {
      return response;
    }
    Pace p = pace.get();
    return stream
        ? Answers.streamed(response, p, outputTokens)
        : Answers.delayed(response, p.whole(outputTokens));
  }

  /** The pace the latency fault that hit this call drew, if one did. */
  public Optional<Pace> pace() {
    return pace;
  }

  private LedgerEntry entry(
      int status, long in, long out, double cost, String faultName, boolean hallucinated) {
    return new LedgerEntry(
        key.arrived(),
        LedgerEntry.LLM,
        key.provider(),
        key.model(),
        null,
        key.taskId(),
        item.map(Item::id).orElse(null),
        key.index(),
        status,
        in,
        out,
        cost,
        faultName,
        hallucinated,
        0,
        0);
  }
}
