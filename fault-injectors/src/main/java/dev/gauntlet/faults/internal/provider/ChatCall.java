package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One chat call as a {@link TurnFault} sees it. Confined to the serving thread.
 *
 * @param body      the request body as sent
 * @param request   the parts of it the scripted model reads
 * @param item      the dataset item the conversation belongs to, null when unknown
 * @param scripted  what the script says this turn
 * @param callIndex the call's index within its task
 * @param random    draws for this fault, call and task, from the scenario seed
 */
public record ChatCall(JsonNode body, ChatRequest request, Item item, Reply scripted, int callIndex,
    RandomGenerator random) {

  /** A function tool offered in the request. */
  public record Tool(String name, JsonNode parameters) {}

  /** The function tools the request offers, in its order. */
  public List<Tool> tools() {
    List<Tool> tools = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      JsonNode function = tool.path("function");
      if (function.hasNonNull("name")) {
        tools.add(new Tool(function.get("name").asText(), function.path("parameters")));
      }
    }
    return tools;
  }

  /** The offered tool called {@code name}. */
  public Optional<Tool> tool(String name) {
    return tools().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Whether the request asked for JSON ({@code response_format} {@code json_object} or {@code json_schema}). */
  public boolean wantsJson() {
    String type = body.path("response_format").path("type").asText("");
    return type.equals("json_object") || type.equals("json_schema");
  }
}
