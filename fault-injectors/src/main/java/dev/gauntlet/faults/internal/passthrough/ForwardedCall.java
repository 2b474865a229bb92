package dev.gauntlet.faults.internal.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.anthropic.AnthropicErrors;
import dev.gauntlet.faults.internal.anthropic.MessagesCodec;
import dev.gauntlet.faults.internal.openai.ResponsesCodec;
import dev.gauntlet.faults.internal.provider.ChatCodec;
import dev.gauntlet.faults.internal.provider.EventStream;
import dev.gauntlet.faults.internal.provider.ProviderCalls;
import dev.gauntlet.faults.internal.provider.RelayedCall;
import dev.gauntlet.faults.internal.provider.Turn;
import dev.gauntlet.faults.internal.provider.TurnCodec;
import dev.gauntlet.faults.internal.provider.UpstreamReply;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.scenario.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One LLM call to a provider in {@code passthrough} or {@code replay} mode, from its arrival to its ledger entry,
 * through the same pipeline as a scripted call ({@link ProviderCalls#relay}): a quota's refusal or an answer fault
 * answers in place of the upstream, which is then never asked; otherwise the upstream's (or the fixture's) answer is
 * relayed, rewritten by the turn fault that hit the call when there is one (read with the endpoint's
 * {@link TurnCodec}, written back in the same format with the upstream's id, model and usage), and paced by the
 * latency fault that hit it, on top of the time the upstream took. An answer that cannot be read, or an error, is
 * relayed as it came. Confined to the serving thread.
 */
final class ForwardedCall {

  private static final Map<String, TurnCodec> CODECS =
      Map.of(
          "/chat/completions",
          new ChatCodec(),
          "/messages",
          new MessagesCodec(),
          "/responses",
          new ResponsesCodec());

  private final Provider provider;
  private final JsonNode json;
  private final Optional<TurnCodec> codec;
  private final RelayedCall call;
  private final ProviderCalls calls;

  ForwardedCall(
      Provider provider,
      String path,
      String body,
      Request request,
      UUID eventId,
      ProviderCalls calls) {
    this.provider = provider;
    this.calls = calls;
    Optional<JsonNode> parsed = EventStream.object(body);
    this.json = parsed.orElseGet(JsonNodeFactory.instance::objectNode);
    this.codec = parsed.flatMap(p -> Optional.ofNullable(CODECS.get(path.split("\\?", 2)[0])));
    this.call =
        codec
            .map(c -> calls.relay(provider.name(), c.ask(json, provider.model()), request, eventId))
            .orElseGet(
                () ->
                    calls.relay(
                        provider.name(),
                        json.path("model").asText(provider.model()),
                        Usage.counted(json),
                        request,
                        eventId));
  }

  /** The quota's or the fault's answer, recorded, or empty when the call goes to the upstream. */
  Optional<ResponseDefinition> failure() {
    return call.failure(
            refusal ->
                anthropic() ? AnthropicErrors.translated(refusal, call.requestId()) : refusal,
            hit ->
                anthropic()
                    ? AnthropicErrors.fromFault(hit, call.requestId(), calls.clock())
                    : hit.response().respond())
        .map(this::error);
  }

  /** The call's seeded request id, {@code req_…}, for the answers made here. */
  String requestId() {
    return call.requestId();
  }

  /** The answer to the call, given how the upstream (or the fixtures) answered it. */
  ResponseDefinition answer(UpstreamExchanges.Outcome outcome) {
    return outcome.fold(
        this::answer,
        failed -> {
          call.failed(failed.status());
          return error(failed);
        });
  }

  private ResponseDefinition answer(UpstreamExchange ex) {
    ResponseDefinition relayed =
        relay(ex, ex.responseBody(), call.quotaHeaders(), call.requestId());
    if (ex.status() / 100 != 2) {
      call.failed(ex.status());
      return relayed;
    }
    Usage usage = Usage.of(json, ex);
    if (!call.rewrites()) {
      return call.served(Optional.empty(), relayed, usage.input(), usage.output(), ex.streamed());
    }
    Optional<UpstreamReply> reply = codec.flatMap(c -> c.read(ex.responseBody(), ex.streamed()));
    if (reply.isEmpty()) {
      return call.unread(relayed, ex.status(), usage.input(), usage.output(), ex.streamed());
    }
    Optional<Turn> turn = call.rewrite(reply.get().reply());
    ResponseDefinition answer =
        turn.map(
                t ->
                    relay(
                        ex,
                        codec
                            .get()
                            .write(
                                json, reply.get(), t, usage.input(), usage.output(), ex.streamed()),
                        call.quotaHeaders(),
                        call.requestId()))
            .orElse(relayed);
    return call.served(turn, answer, usage.input(), usage.output(), ex.streamed());
  }

  private ResponseDefinition error(HttpAnswer answer) {
    return anthropic()
        ? Answers.json(answer, null)
        : Answers.json(answer.withHeaders(call.quotaHeaders()), call.requestId());
  }

  private boolean anthropic() {
    return provider.api().equals("anthropic");
  }

  /**
   * The upstream's (or the fixture's) answer with {@code body} as the agent gets it: its headers, the quotas' on top,
   * and {@code x-request-id} when the upstream sent no request id.
   */
  static ResponseDefinition relay(
      UpstreamExchange ex, String body, Map<String, String> extra, String requestId) {
    ResponseDefinitionBuilder builder =
        new ResponseDefinitionBuilder().withStatus(ex.status()).withBody(body);
    ex.responseHeaders().forEach(builder::withHeader);
    extra.forEach(builder::withHeader);
    if (requestId != null
        && ex.responseHeaders().keySet().stream().noneMatch(h -> h.endsWith("request-id"))) {
      builder.withHeader("x-request-id", requestId);
    }
    return builder.build();
  }
}
