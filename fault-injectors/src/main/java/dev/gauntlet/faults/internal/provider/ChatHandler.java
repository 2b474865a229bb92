package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.CallCounter;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.OpenAiErrors;
import dev.gauntlet.faults.internal.Quota;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.scenario.Price;
import dev.gauntlet.scenario.Scenario;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves one {@code POST …/chat/completions}: matches the conversation to a dataset item, counts it against any
 * quota that is on, lets an active fault hit it (replacing the answer or rewriting the model's turn), or answers
 * with the item's script; hands a ledger entry to {@link LedgerTimings}. Thread-safe.
 */
public final class ChatHandler {

  /** Header the load generator sets so that calls can be joined to tasks. */
  public static final String TASK_HEADER = "X-Gauntlet-Task-Id";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Scenario scenario;
  private final ScriptedModel model;
  private final ActiveFaults faults;
  private final CallCounter calls = new CallCounter();
  private final LedgerTimings ledger;
  private final Clock clock;

  public ChatHandler(Scenario scenario, ScriptedModel model, ActiveFaults faults, LedgerTimings ledger,
      Clock clock) {
    this.scenario = scenario;
    this.model = model;
    this.faults = faults;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** The response to one chat call to {@code provider}, whose default model is {@code defaultModel}. */
  public ResponseDefinition handle(String provider, String defaultModel, Request request, UUID eventId) {
    long arrived = clock.millis();
    JsonNode body;
    ChatRequest chat;
    try {
      body = MAPPER.readTree(request.getBody());
      chat = ChatRequest.from(body);
    } catch (IOException | RuntimeException e) {
      return Answers.json(OpenAiErrors.badRequest("request body must be a JSON object, but was not: "
          + e.getMessage()), null);
    }
    String modelName = chat.model() != null ? chat.model() : defaultModel;
    Optional<Item> item = model.match(chat);
    String taskId = request.getHeader(TASK_HEADER);
    String taskKey = taskId != null ? taskId : item.map(Item::id).orElse("unmatched");
    int callIndex = calls.next(taskKey);
    String requestId = "req_" + Long.toHexString(Seeds.generator(scenario.seed(), "request", taskKey, callIndex)
        .nextLong());
    Call call = new Call(arrived, provider, modelName, taskId, item.map(Item::id).orElse(null), callIndex);
    long prompt = chat.promptTokens();

    ActiveFaults.Admission quota = faults.admit(provider, modelName, prompt, arrived);
    Optional<Quota.Decision> refused = quota.refusal();
    if (refused.isPresent()) {
      ledger.expect(eventId, call.entry(429, 0, 0, 0, refused.get().fault(), false));
      return Answers.json(refused.get().refusal().withHeaders(quota.headers()), requestId);
    }
    Optional<ActiveFaults.Active> hit = faults.hit(provider, modelName, taskKey, callIndex);
    if (hit.isPresent() && hit.get().turn().isEmpty()) {
      HttpAnswer answer = hit.get().response().respond().withHeaders(quota.headers());
      ledger.expect(eventId, call.entry(answer.status(), 0, 0, 0, hit.get().spec().name(), false));
      return Answers.json(answer, requestId);
    }
    Reply scripted = model.reply(item.orElse(null), chat);
    Optional<Turn> changed = hit.flatMap(h -> h.turn().orElseThrow().apply(new ChatCall(body, chat,
        item.orElse(null), scripted, callIndex, Seeds.generator(scenario.seed(), h.spec().name(), taskKey, callIndex))));
    Turn turn = changed.orElse(Turn.of(scripted));
    Completion completion = new Completion("chatcmpl-" + requestId.substring(4), arrived / 1000, modelName,
        turn.reply(), prompt, turn.reply().completionTokens(), turn.wire());
    quota.charge(completion.completion(), arrived);
    ledger.expect(eventId, call.entry(200, completion.prompt(), completion.completion(),
        cost(modelName, completion), changed.isPresent() ? hit.get().spec().name() : null, turn.hallucinated()));
    return respond(chat, completion, requestId, arrived, quota.headers());
  }

  private ResponseDefinition respond(ChatRequest chat, Completion completion, String requestId, long arrived,
      Map<String, String> quotaHeaders) {
    String body = chat.stream() ? CompletionStream.body(completion, chat.includeUsage()) : completion.body();
    HttpAnswer answer = new HttpAnswer(200,
        Map.of("openai-processing-ms", Long.toString(Math.max(0, clock.millis() - arrived))), body)
        .withHeaders(quotaHeaders);
    return Answers.build(answer, chat.stream() ? "text/event-stream" : "application/json", requestId);
  }

  private double cost(String modelName, Completion completion) {
    Price price = scenario.prices().get(modelName);
    return price == null ? 0 : price.cost(completion.prompt(), completion.completion());
  }

  /** What the ledger knows about a call before its outcome. */
  private record Call(long arrived, String provider, String model, String taskId, String itemId, int index) {
    LedgerEntry entry(int status, long in, long out, double cost, String fault, boolean hallucinated) {
      return new LedgerEntry(arrived, LedgerEntry.LLM, provider, model, null, taskId, itemId, index, status, in, out,
          cost, fault, hallucinated, 0, 0);
    }
  }
}
