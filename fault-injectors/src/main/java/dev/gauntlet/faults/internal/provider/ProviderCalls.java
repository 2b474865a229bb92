package dev.gauntlet.faults.internal.provider;

import com.github.tomakehurst.wiremock.http.Request;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.faults.internal.CallCounter;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.run.TaskCorrelation;
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

  public ProviderCalls(Scenario scenario, ScriptedModel model, ActiveFaults faults, LedgerTimings ledger,
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
  public ProviderCall begin(String provider, String modelName, long inputTokens, Request request, UUID eventId) {
    return begin(provider, modelName, null, inputTokens, request, eventId);
  }

  private ProviderCall begin(String provider, String modelName, Ask ask, long inputTokens, Request request,
      UUID eventId) {
    long arrived = clock.millis();
    Optional<Item> item = ask == null ? Optional.empty() : model.match(ask.conversation());
    String taskId = TaskCorrelation.taskId(request::getHeader);
    String taskKey = taskId != null ? taskId : item.map(Item::id).orElse("unmatched");
    int index = calls.next(taskKey);
    String requestId = "req_" + Long.toHexString(Seeds.generator(scenario.seed(), "request", taskKey, index)
        .nextLong());
    ProviderCall.Key key = new ProviderCall.Key(arrived, provider, modelName, taskId, taskKey, index, requestId);
    ActiveFaults.Admission quota = faults.admit(provider, modelName, inputTokens, arrived);
    Optional<ActiveFaults.Active> hit = quota.refusal().isPresent() ? Optional.empty()
        : ask == null ? faults.decide(provider, modelName, taskKey, index)
        : faults.hit(provider, modelName, taskKey, index);
    ProviderCall.Outcome outcome = hit.isPresent() && hit.get().turn().isEmpty() ? ProviderCall.Outcome.fault(hit.get())
        : ask == null || quota.refusal().isPresent() ? ProviderCall.Outcome.NONE
        : turn(ask, item.orElse(null), key, hit);
    return new ProviderCall(key, item, quota, outcome, scenario.prices().get(modelName),
        entry -> ledger.expect(eventId, entry), clock,
        faults.latencies().pace(provider, modelName, taskKey, index));
  }

  /** The scripted turn, rewritten by the turn fault that hit the call if it applies to it. */
  private ProviderCall.Outcome turn(Ask ask, Item item, ProviderCall.Key key, Optional<ActiveFaults.Active> hit) {
    Reply scripted = model.reply(item, ask.conversation());
    Optional<Turn> changed = hit.flatMap(h -> h.turn().orElseThrow().apply(new ChatCall(ask, item, scripted,
        key.index(), Seeds.generator(scenario.seed(), h.spec().name(), key.taskKey(), key.index()))));
    return changed.map(t -> ProviderCall.Outcome.turn(t, hit.get().spec().name()))
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
