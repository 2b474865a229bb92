package dev.gauntlet.faults.internal.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.CallCounter;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.OpenAiErrors;
import dev.gauntlet.faults.internal.anthropic.AnthropicErrors;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.run.TaskCorrelation;
import dev.gauntlet.scenario.Price;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Serves {@code /providers/{name}/v1/…} for providers in {@code passthrough} and {@code replay} mode: every path and
 * method, forwarded to the upstream or answered from recorded exchanges. {@code POST} calls are LLM calls: they are
 * joined to a task ({@code X-Gauntlet-Task-Id}, else {@code unmatched}) and numbered within it exactly as scripted
 * calls are, counted against quotas, hit by answer-replacing faults (which then never reach the upstream), and
 * written to the ledger with the upstream's token usage. Thread-safe.
 */
public final class PassthroughRoutes {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TASK_HEADER = TaskCorrelation.TASK_HEADER;

  private final Scenario scenario;
  private final ActiveFaults faults;
  private final LedgerTimings ledger;
  private final Clock clock;
  private final CallCounter calls = new CallCounter();
  private final Map<String, Upstream> upstreams = new HashMap<>();
  private final Map<String, FixtureStore> stores = new HashMap<>();

  public PassthroughRoutes(Scenario scenario, ActiveFaults faults, LedgerTimings ledger, Clock clock) {
    this(scenario, faults, ledger, clock, System::getenv);
  }

  /**
   * @throws IllegalStateException when a provider's {@code api_key_env} names a variable {@code env} has no value for
   */
  public PassthroughRoutes(Scenario scenario, ActiveFaults faults, LedgerTimings ledger, Clock clock,
      Function<String, String> env) {
    this.scenario = scenario;
    this.faults = faults;
    this.ledger = ledger;
    this.clock = clock;
    for (Provider p : scenario.providers()) {
      if (p.mode() == Provider.Mode.PASSTHROUGH) {
        upstreams.put(p.name(), new Upstream(p, key(p, env)));
      }
      Optional.ofNullable(p.mode() == Provider.Mode.REPLAY ? p.fixtures() : p.record())
          .ifPresent(dir -> stores.put(p.name(), new FixtureStore(dir)));
    }
  }

  private static String key(Provider p, Function<String, String> env) {
    if (p.apiKeyEnv() == null) {
      return null;
    }
    String key = env.apply(p.apiKeyEnv());
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("provider " + p.name() + " forwards to " + p.upstream() + " with the key in "
          + "environment variable " + p.apiKeyEnv() + ", but it is not set; export " + p.apiKeyEnv()
          + " before the run, or drop api_key_env to forward the agent's own credentials");
    }
    return key;
  }

  /** Whether {@code provider} is answered here rather than by the scripted mocks. */
  public static boolean serves(Provider provider) {
    return provider.mode() != Provider.Mode.SCRIPTED;
  }

  /**
   * The answer to {@code request} (whose serve event is {@code eventId}), a call to {@code provider} for {@code path}
   * (after {@code /v1}, query included). It may block while the upstream answers.
   */
  public ResponseDefinition handle(Provider provider, String path, Request request, UUID eventId) {
    String method = request.getMethod().getName();
    String body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
    if (!method.equals("POST")) {
      return exchange(provider, method, path, headers(request), body, requestId("req_", eventId.toString()))
          .fold(ex -> relay(ex, Map.of(), null), answer -> Answers.json(answer, null));
    }
    return new Call(provider, path, body, request, eventId).serve();
  }

  /** One LLM call, from its arrival to its ledger entry. */
  private final class Call {
    private final Provider provider;
    private final String path;
    private final String body;
    private final Request request;
    private final UUID eventId;
    private final long arrived = clock.millis();
    private final JsonNode json;
    private final String model;
    private final String taskId;
    private final int index;
    private final String requestId;

    Call(Provider provider, String path, String body, Request request, UUID eventId) {
      this.provider = provider;
      this.path = path;
      this.body = body;
      this.request = request;
      this.eventId = eventId;
      this.json = parse(body);
      this.model = json.path("model").asText(provider.model());
      this.taskId = TaskCorrelation.taskId(request::getHeader);
      String taskKey = taskId != null ? taskId : "unmatched";
      this.index = calls.next(taskKey);
      this.requestId = requestId("req_", Long.toHexString(Seeds.generator(scenario.seed(), "request", taskKey, index)
          .nextLong()));
    }

    ResponseDefinition serve() {
      ActiveFaults.Admission quota = faults.admit(provider.name(), model, Usage.counted(json), arrived);
      if (quota.refusal().isPresent()) {
        HttpAnswer refusal = anthropic() ? AnthropicErrors.error(429, "rate limit exceeded ("
            + quota.refusal().get().fault() + ")", requestId) : quota.refusal().get().refusal();
        return failed(refusal.withHeaders(quota.headers()), quota.refusal().get().fault());
      }
      String taskKey = taskId != null ? taskId : "unmatched";
      Optional<ActiveFaults.Active> hit = faults.decide(provider.name(), model, taskKey, index);
      if (hit.isPresent()) {
        HttpAnswer answer = anthropic() ? AnthropicErrors.fromFault(hit.get(), requestId, clock)
            : hit.get().response().respond();
        return failed(answer.withHeaders(quota.headers()), hit.get().spec().name());
      }
      return exchange(provider, "POST", path, headers(request), body, requestId).fold(ex -> {
        Usage usage = ex.status() / 100 == 2 ? Usage.of(json, ex) : new Usage(0, 0);
        quota.charge(usage.output(), arrived);
        Price price = scenario.prices().get(model);
        ledger.expect(eventId, entry(ex.status(), usage.input(), usage.output(),
            price == null ? 0 : price.cost(usage.input(), usage.output()), null));
        return relay(ex, quota.headers(), requestId);
      }, answer -> failed(answer.withHeaders(quota.headers()), null));
    }

    private ResponseDefinition failed(HttpAnswer answer, String fault) {
      ledger.expect(eventId, entry(answer.status(), 0, 0, 0, fault));
      return Answers.json(answer, anthropic() ? null : requestId);
    }

    private boolean anthropic() {
      return provider.api().equals("anthropic");
    }

    private LedgerEntry entry(int status, long in, long out, double cost, String fault) {
      return new LedgerEntry(arrived, LedgerEntry.LLM, provider.name(), model, null, taskId, null, index, status, in,
          out, cost, fault, false, 0, 0);
    }
  }

  /** An exchange from the upstream or the fixtures, or the error answer that stands for it. */
  private record Outcome(Exchange exchange, HttpAnswer error) {
    <T> T fold(Function<Exchange, T> ok, Function<HttpAnswer, T> failed) {
      return exchange != null ? ok.apply(exchange) : failed.apply(error);
    }
  }

  private Outcome exchange(Provider provider, String method, String path, Map<String, String> headers, String body,
      String requestId) {
    String key = RequestKey.of(method, path, body);
    FixtureStore store = stores.get(provider.name());
    if (provider.mode() == Provider.Mode.REPLAY) {
      return store.find(key).map(ex -> new Outcome(ex, null)).orElseGet(() -> new Outcome(null, error(provider, 404,
          "no recorded exchange for " + method + " " + path + " (request key " + key + ") in " + store.dir()
              + "; record it with mode: passthrough and record: <that folder>, or check that the request is the "
              + "same as when it was recorded", "fixture_not_found", requestId)));
    }
    try {
      Exchange ex = upstreams.get(provider.name()).forward(method, path, headers, body);
      if (store != null) {
        store.write(key, ex);
      }
      return new Outcome(ex, null);
    } catch (IOException e) {
      return new Outcome(null, error(provider, 502, "could not reach the upstream of provider " + provider.name()
          + " at " + provider.upstream() + path + " (" + e + "); is it running? check providers' upstream",
          "upstream_unreachable", requestId));
    } catch (UncheckedIOException e) {
      return new Outcome(null, error(provider, 500, e.getMessage(), "fixture_not_written", requestId));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, error(provider, 503, "interrupted while forwarding", null, requestId));
    }
  }

  /** The upstream's (or the fixture's) answer as the agent gets it, with the quota's headers on top. */
  private static ResponseDefinition relay(Exchange ex, Map<String, String> extra, String requestId) {
    ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder().withStatus(ex.status())
        .withBody(ex.responseBody());
    ex.responseHeaders().forEach(builder::withHeader);
    extra.forEach(builder::withHeader);
    if (requestId != null && ex.responseHeaders().keySet().stream().noneMatch(h -> h.endsWith("request-id"))) {
      builder.withHeader("x-request-id", requestId);
    }
    return builder.build();
  }

  private static HttpAnswer error(Provider provider, int status, String message, String code, String requestId) {
    if (provider.api().equals("anthropic")) {
      return AnthropicErrors.error(status, message, requestId);
    }
    if (status == 404) {
      return OpenAiErrors.notFound(message);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("error").put("message", message).put("type", "server_error").putNull("param").put("code", code);
    return new HttpAnswer(status, Map.of(), body.toString());
  }

  private static Map<String, String> headers(Request request) {
    Map<String, String> out = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      out.put(h.key(), String.join(", ", h.values()));
    }
    return out;
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = body.isBlank() ? null : MAPPER.readTree(body);
      return node != null && node.isObject() ? node : JsonNodeFactory.instance.objectNode();
    } catch (IOException e) {
      return JsonNodeFactory.instance.objectNode();
    }
  }

  private static String requestId(String prefix, String id) {
    return prefix + id;
  }
}
