package dev.gauntlet.faults.internal.provider;

import com.github.tomakehurst.wiremock.http.Request;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.faults.internal.CallCounter;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.scenario.Scenario;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * What every scripted provider endpoint does alike for one call, whatever its wire format: join it to a task
 * ({@code X-Gauntlet-Task-Id}, else the dataset item the conversation matches), number it within the task, give it a
 * seeded request id, let an active fault decide on it, and hand its ledger entry over. Thread-safe.
 */
public final class ProviderCalls {

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

  /**
   * Starts one call to {@code provider} for {@code modelName}; {@code conversation} is null for calls that carry none
   * (embeddings), which then belong to their task header's task or to {@code unmatched}.
   */
  public ProviderCall begin(String provider, String modelName, ChatRequest conversation, Request request,
      UUID eventId) {
    long arrived = clock.millis();
    Optional<Item> item = conversation == null ? Optional.empty() : model.match(conversation);
    String taskId = request.getHeader(ChatHandler.TASK_HEADER);
    String taskKey = taskId != null ? taskId : item.map(Item::id).orElse("unmatched");
    int index = calls.next(taskKey);
    String requestId = "req_" + Long.toHexString(Seeds.generator(scenario.seed(), "request", taskKey, index)
        .nextLong());
    Optional<ActiveFaults.Active> hit = faults.decide(provider, modelName, taskKey, index);
    return new ProviderCall(new ProviderCall.Key(arrived, provider, modelName, taskId, taskKey, index, requestId),
        item, hit, scenario.prices().get(modelName), entry -> ledger.expect(eventId, entry), clock);
  }

  /** The model's next turn in {@code conversation}, which {@code call} matched (or did not) to an item. */
  public Reply reply(ProviderCall call, ChatRequest conversation) {
    return model.reply(call.item().orElse(null), conversation);
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
