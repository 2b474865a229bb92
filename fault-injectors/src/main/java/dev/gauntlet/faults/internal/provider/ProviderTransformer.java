package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.OpenAiErrors;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Routes {@code /providers/{name}/v1/…} to the scripted provider of that name: {@code POST chat/completions} and
 * {@code GET models}. Anything else is an OpenAI-shaped 404. Thread-safe.
 */
public final class ProviderTransformer implements ResponseDefinitionTransformerV2 {

  private static final Pattern ROUTE = Pattern.compile("/providers/([^/]+)/v1/(chat/completions|models)/?");

  private final Scenario scenario;
  private final ChatHandler chat;

  public ProviderTransformer(Scenario scenario, ChatHandler chat) {
    this.scenario = scenario;
    this.chat = chat;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = request.getUrl().split("\\?", 2)[0];
    Matcher route = ROUTE.matcher(path);
    if (!route.matches()) {
      return Answers.json(OpenAiErrors.notFound("no route for " + request.getMethod() + " " + path), null);
    }
    Optional<Provider> provider = scenario.provider(route.group(1));
    if (provider.isEmpty()) {
      return Answers.json(OpenAiErrors.notFound("provider must be one of " + names() + ", but was "
          + route.group(1)), null);
    }
    boolean isChat = route.group(2).equals("chat/completions");
    if (isChat && request.getMethod().equals(RequestMethod.POST)) {
      return chat.handle(provider.get().name(), provider.get().model(), request, event.getId());
    }
    if (!isChat && request.getMethod().equals(RequestMethod.GET)) {
      return Answers.json(new HttpAnswer(200, Map.of(), models(provider.get())), null);
    }
    return Answers.json(OpenAiErrors.notFound("no route for " + request.getMethod() + " " + path), null);
  }

  private String names() {
    return scenario.providers().stream().map(Provider::name).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String models(Provider provider) {
    ObjectNode list = JsonNodeFactory.instance.objectNode().put("object", "list");
    list.putArray("data").addObject()
        .put("id", provider.model()).put("object", "model").put("created", 0).put("owned_by", "gauntlet");
    return list.toString();
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
