package dev.gauntlet.faults.internal.passthrough;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.provider.ProviderCalls;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Serves {@code /providers/{name}/v1/…} for providers in {@code passthrough} and {@code replay} mode: every path and
 * method, forwarded to the upstream or answered from recorded exchanges. {@code POST} calls are LLM calls and go
 * through the scripted providers' pipeline, {@link ProviderCalls}: joined to a task and numbered within it in the
 * one numbering every provider shares, counted against quotas, hit by answer faults (which then never reach the
 * upstream), their answers rewritten by turn faults and paced by latency faults (see {@link ForwardedCall}), and
 * written to the ledger with the upstream's token usage. Thread-safe.
 */
public final class PassthroughRoutes {

  private final ProviderCalls calls;
  private final UpstreamExchanges exchanges;

  /** Routes whose LLM calls go through {@code calls}, the pipeline the scripted providers use. */
  public PassthroughRoutes(Scenario scenario, ProviderCalls calls) {
    this(scenario, calls, System::getenv);
  }

  /**
   * @throws IllegalStateException when a provider's {@code api_key_env} names a variable {@code env} has no value for
   */
  public PassthroughRoutes(Scenario scenario, ProviderCalls calls, Function<String, String> env) {
    this.calls = calls;
    this.exchanges = new UpstreamExchanges(scenario, env);
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
      return exchanges
          .exchange(provider, method, path, headers(request), body, "req_" + eventId)
          .fold(
              ex -> ForwardedCall.relay(ex, ex.responseBody(), Map.of(), null),
              answer -> Answers.json(answer, null));
    }
    ForwardedCall call = new ForwardedCall(provider, path, body, request, eventId, calls);
    Optional<ResponseDefinition> failure = call.failure();
    return failure.orElseGet(
        () ->
            call.answer(
                exchanges.exchange(
                    provider, method, path, headers(request), body, call.requestId())));
  }

  private static Map<String, String> headers(Request request) {
    Map<String, String> out = new LinkedHashMap<>();
    for (HttpHeader h : request.getHeaders().all()) {
      out.put(h.key(), String.join(", ", h.values()));
    }
    return out;
  }
}
