package dev.gauntlet.faults.internal.provider;

import com.github.tomakehurst.wiremock.http.Request;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.faults.internal.CallCounter;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.Pace;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.run.TaskCorrelation;
import dev.gauntlet.scenario.Price;
import dev.gauntlet.scenario.Scenario;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The one call pipeline of a provider mock, shared by every wire format it speaks (Chat Completions, Responses,
 * embeddings, Anthropic Messages): join a call to a task ({@code X-Gauntlet-Task-Id}, else the task a W3C
 * {@code traceparent} names, see {@link TaskCorrelation}, else the dataset item the conversation matches), number it
 * within the task, give it a seeded request id, count it against the quotas, let an active fault hit it, draw its
 * pace from any latency fault, produce the model's turn once in wire-neutral form with any turn fault applied, and
 * hand its ledger entry over. One instance per provider mock, so a task's calls are numbered alike whatever endpoint
 * each uses. Thread-safe.
 */
public final class ProviderCalls {

  /** Header the load generator sets so that calls can be joined to tasks. */
  public static final String TASK_HEADER = TaskCorrelation.TASK_HEADER;

  private final Scenario scenario;
  private final ScriptedModel model;
  private final ActiveFaults faults;
  private final CallCounter calls = new CallCounter();
  private final LedgerTimings ledger;
  private final Clock clock;

  public ProviderCalls(
      Scenario scenario,
      ScriptedModel model,
      ActiveFaults faults,
      LedgerTimings ledger,
      Clock clock) {
    this.scenario = scenario;
    this.model = model;
    this.faults = faults;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Starts a model call to {@code provider}: the model answers it, so turn faults may hit it too. */
  public ProviderCall begin(String provider, Ask ask, Request request, UUID eventId) {
    return begin(provider, ask.model(), ask, ask.inputTokens(), request, eventId);
  }

  /**
   * Starts a call that carries no conversation (embeddings), which belongs to its task header's task or to
   * {@code unmatched}, and which only faults that replace the answer can hit.
   */
  public ProviderCall begin(
      String provider, String modelName, long inputTokens, Request request, UUID eventId) {
    return begin(provider, modelName, null, inputTokens, request, eventId);
  }

  private ProviderCall begin(
      String provider, String modelName, Ask ask, long inputTokens, Request request, UUID eventId) {
    Decided call = decide(provider, modelName, ask, inputTokens, request);
    Optional<ActiveFaults.Active> hit = call.hit();
    ProviderCall.Outcome outcome =
        hit.isPresent() && hit.get().turn().isEmpty()
            ? ProviderCall.Outcome.fault(hit.get())
            : ask == null || call.quota().refusal().isPresent()
                ? ProviderCall.Outcome.NONE
                : turn(ask, call.item().orElse(null), call.key(), hit);
    return call(call, outcome, eventId);
  }

  /**
   * Starts a model call to {@code provider} whose answer comes from elsewhere (a real provider, a recorded
   * exchange): joined, numbered, counted and decided as {@link #begin(String, Ask, Request, UUID)} does, so that
   * a task's calls share one numbering and one set of draws whichever mode each provider is in; a turn fault that
   * hits it rewrites the answer once it is known.
   */
  public RelayedCall relay(String provider, Ask ask, Request request, UUID eventId) {
    return new RelayedCall(
        this, decide(provider, ask.model(), ask, ask.inputTokens(), request), ask, eventId);
  }

  /** Starts a relayed call that carries no conversation, which only faults that replace the answer can hit. */
  public RelayedCall relay(
      String provider, String modelName, long inputTokens, Request request, UUID eventId) {
    return new RelayedCall(
        this, decide(provider, modelName, null, inputTokens, request), null, eventId);
  }

  /** A call joined, numbered, counted against the quotas and decided, before its answer is made. */
  record Decided(
      ProviderCall.Key key,
      Optional<Item> item,
      ActiveFaults.Admission quota,
      Optional<ActiveFaults.Active> hit,
      Optional<Pace> pace) {}

  private Decided decide(
      String provider, String modelName, Ask ask, long inputTokens, Request request) {
    long arrived = clock.millis();
    long stamped = System.nanoTime();
    Optional<Item> item = ask == null ? Optional.empty() : model.match(ask.conversation());
    String taskId = TaskCorrelation.taskId(request::getHeader);
    String taskKey = taskId != null ? taskId : item.map(Item::id).orElse("unmatched");
    int index = calls.next(taskKey);
    String requestId =
        "req_"
            + Long.toHexString(
                Seeds.generator(scenario.seed(), "request", taskKey, index).nextLong());
    ProviderCall.Key key =
        new ProviderCall.Key(
            arrived, provider, modelName, taskId, taskKey, index, requestId, stamped);
    ActiveFaults.Admission quota = faults.admit(provider, modelName, inputTokens, arrived);
    Optional<ActiveFaults.Active> hit =
        quota.refusal().isPresent()
            ? Optional.empty()
            : ask == null
                ? faults.decide(provider, modelName, taskKey, index)
                : faults.hit(provider, modelName, taskKey, index);
    return new Decided(
        key, item, quota, hit, faults.latencies().pace(provider, modelName, taskKey, index));
  }

  /** The call as decided, with {@code outcome}; its ledger entry waits under {@code eventId}. */
  ProviderCall call(Decided call, ProviderCall.Outcome outcome, UUID eventId) {
    return new ProviderCall(
        call.key(),
        call.item(),
        call.quota(),
        outcome,
        scenario.prices().get(call.key().model()),
        entry -> ledger.expect(eventId, entry, call.key().stampedNanos()),
        clock,
        call.pace());
  }

  /** Hands {@code entry} over, to be written once the answer to serve event {@code eventId} has gone out. */
  void record(UUID eventId, LedgerEntry entry) {
    ledger.expect(eventId, entry);
  }

  /** Hands {@code entry} over as {@link #record(UUID, LedgerEntry)} does; its tsMs was read at {@code stampedNanos}. */
  void record(UUID eventId, LedgerEntry entry, long stampedNanos) {
    ledger.expect(eventId, entry, stampedNanos);
  }

  /** The scenario's price of {@code modelName}, if it has one. */
  Optional<Price> price(String modelName) {
    return Optional.ofNullable(scenario.prices().get(modelName));
  }

  /** The scripted turn, rewritten by the turn fault that hit the call if it applies to it. */
  private ProviderCall.Outcome turn(
      Ask ask, Item item, ProviderCall.Key key, Optional<ActiveFaults.Active> hit) {
    Reply scripted = model.reply(item, ask.conversation());
    Optional<Turn> changed =
        hit.flatMap(
            h ->
                h.turn()
                    .orElseThrow()
                    .apply(
                        new ChatCall(
                            ask,
                            item,
                            scripted,
                            key.index(),
                            Seeds.generator(
                                scenario.seed(), h.spec().name(), key.taskKey(), key.index()))));
    return changed
        .map(t -> ProviderCall.Outcome.turn(t, hit.get().spec().name()))
        .orElse(ProviderCall.Outcome.turn(Turn.of(scripted), null));
  }

  /** The scenario's seed, for answers derived from it. */
  public long seed() {
    return scenario.seed();
  }

  /** The clock that times calls. */
  public Clock clock() {
    return clock;
  }
}
