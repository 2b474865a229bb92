package dev.gauntlet.faults.internal.provider;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gauntlet.faults.internal.OpenAiErrors;
import dev.gauntlet.faults.internal.anthropic.AnthropicRoutes;
import dev.gauntlet.faults.internal.anthropic.MessagesHandler;
import dev.gauntlet.faults.internal.openai.EmbeddingsHandler;
import dev.gauntlet.faults.internal.openai.OpenAiRoutes;
import dev.gauntlet.faults.internal.openai.ResponsesHandler;
import dev.gauntlet.faults.internal.passthrough.PassthroughRoutes;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Routes {@code /providers/{name}/v1/…} to the scripted provider of that name, whatever wire format the path names:
 * {@code POST chat/completions}, {@code POST responses}, {@code POST embeddings} (OpenAI), {@code POST messages}
 * (Anthropic), and {@code GET models} and {@code GET models/{id}} in the format the client speaks. Anything else is a
 * 404 in that format. Providers in {@code passthrough} or {@code replay} mode go to {@link PassthroughRoutes} first,
 * every path under {@code v1/} included. Thread-safe.
 */
public final class ProviderTransformer implements ResponseDefinitionTransformerV2 {

  private static final Pattern ROUTE =
      Pattern.compile(
          "/providers/([^/]+)/v1/(chat/completions|messages|responses|embeddings|models)(?:/([^/]+))?/?");
  private static final Pattern PROVIDER = Pattern.compile("/providers/([^/]+)(?:/.*)?");

  /** Embedding models listed beside the providers' chat models. */
  private static final List<String> EMBEDDING_MODELS =
      List.of("text-embedding-3-small", "text-embedding-3-large");

  private final Scenario scenario;
  private final ChatHandler chat;
  private final MessagesHandler messages;
  private final ResponsesHandler responses;
  private final EmbeddingsHandler embeddings;

  /** Providers in passthrough or replay mode; null when the plane serves scripted providers only. */
  private final PassthroughRoutes passthrough;

  /** Whether any provider passes through or replays: if none does, no call can block. */
  private final boolean relayed;

  public ProviderTransformer(Scenario scenario, ChatHandler chat, ProviderCalls calls) {
    this(scenario, chat, calls, null);
  }

  /** Routes to scripted providers and, for providers in passthrough or replay mode, to {@code passthrough}. */
  public ProviderTransformer(
      Scenario scenario, ChatHandler chat, ProviderCalls calls, PassthroughRoutes passthrough) {
    this.passthrough = passthrough;
    this.relayed =
        passthrough != null && scenario.providers().stream().anyMatch(PassthroughRoutes::serves);
    this.scenario = scenario;
    this.chat = chat;
    this.messages = new MessagesHandler(calls);
    this.responses = new ResponsesHandler(calls);
    this.embeddings = new EmbeddingsHandler(calls);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    return answer(event.getRequest(), event.getId());
  }

  /**
   * The answer to {@code request}, whose serve event (the key its ledger entry waits under) is {@code eventId}. It
   * never blocks for scripted providers; for providers in passthrough or replay mode it may wait on the upstream
   * (see {@link #blocks}).
   */
  public ResponseDefinition answer(Request request, UUID eventId) {
    String path = request.getUrl().split("\\?", 2)[0];
    Matcher route = ROUTE.matcher(path);
    Matcher named = PROVIDER.matcher(path);
    Optional<Provider> provider =
        named.matches() ? scenario.provider(named.group(1)) : Optional.empty();
    boolean anthropic =
        AnthropicRoutes.speaksAnthropic(request)
            || path.endsWith("/messages")
            || provider.map(p -> p.api().equals("anthropic")).orElse(false);
    if (passthrough != null && provider.isPresent() && PassthroughRoutes.serves(provider.get())) {
      String rest = request.getUrl().substring(("/providers/" + named.group(1)).length());
      if (rest.startsWith("/v1/") || rest.startsWith("/v1?") || rest.equals("/v1")) {
        return passthrough.handle(provider.get(), rest.substring(3), request, eventId);
      }
    }
    if (!route.matches()) {
      return notFound(anthropic, "Invalid URL (" + request.getMethod() + " " + path + ")", eventId);
    }
    if (provider.isEmpty()) {
      return notFound(
          anthropic, "provider must be one of " + names() + ", but was " + named.group(1), eventId);
    }
    return serve(provider.get(), route.group(2), route.group(3), anthropic, request, eventId);
  }

  /** Whether answering {@code url} may block: it names a provider in passthrough or replay mode. */
  public boolean blocks(String url) {
    if (!relayed) {
      return false; // every provider is scripted: the hot path skips the path match
    }
    Matcher named = PROVIDER.matcher(url.split("\\?", 2)[0]);
    return named.matches()
        && scenario.provider(named.group(1)).map(PassthroughRoutes::serves).orElse(false);
  }

  private ResponseDefinition serve(
      Provider provider,
      String endpoint,
      String modelId,
      boolean anthropic,
      Request request,
      UUID id) {
    boolean post = request.getMethod().equals(RequestMethod.POST);
    boolean get = request.getMethod().equals(RequestMethod.GET);
    if (post && modelId == null) {
      switch (endpoint) {
        case "chat/completions":
          return chat.handle(provider.name(), provider.model(), request, id);
        case "messages":
          return messages.handle(provider.name(), request, id);
        case "responses":
          return responses.handle(provider.name(), request, id);
        case "embeddings":
          return embeddings.handle(provider.name(), request, id);
        default:
          break;
      }
    }
    if (get && endpoint.equals("models")) {
      return models(provider, modelId, anthropic, id);
    }
    return notFound(
        anthropic, "Invalid URL (" + request.getMethod() + " " + request.getUrl() + ")", id);
  }

  /** Every provider's model, the called provider's first, so a client that takes the first model gets its own. */
  private ResponseDefinition models(Provider called, String modelId, boolean anthropic, UUID id) {
    List<String> chatModels =
        Stream.concat(Stream.of(called.model()), scenario.providers().stream().map(Provider::model))
            .distinct()
            .toList();
    if (anthropic) {
      return modelId == null
          ? AnthropicRoutes.models(chatModels, id)
          : chatModels.contains(modelId)
              ? AnthropicRoutes.model(modelId, id)
              : AnthropicRoutes.error(404, "model: " + modelId, id);
    }
    List<String> all =
        Stream.concat(chatModels.stream(), EMBEDDING_MODELS.stream()).distinct().toList();
    return modelId == null ? OpenAiRoutes.models(all, id) : OpenAiRoutes.model(all, modelId, id);
  }

  private static ResponseDefinition notFound(boolean anthropic, String message, UUID id) {
    return anthropic
        ? AnthropicRoutes.error(404, message, id)
        : OpenAiRoutes.error(OpenAiErrors.notFound(message), id);
  }

  private String names() {
    return scenario.providers().stream()
        .map(Provider::name)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public String getName() {
    return "gauntlet-provider";
  }
}
