package dev.gauntlet.faults.internal.provider;

import dev.gauntlet.dataset.Item;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One model call as a {@link TurnFault} sees it, whatever wire format it came in. Confined to the serving thread.
 *
 * @param ask       what the request asks, wire-neutral
 * @param item      the dataset item the conversation belongs to, null when unknown
 * @param scripted  what the script says this turn
 * @param callIndex the call's index within its task
 * @param random    draws for this fault, call and task, from the scenario seed
 */
public record ChatCall(Ask ask, Item item, Reply scripted, int callIndex, RandomGenerator random) {

  /** A function tool offered in the request: its name and the JSON schema of its arguments. */
  public record Tool(String name, com.fasterxml.jackson.databind.JsonNode parameters) {}

  /** The conversation so far. */
  public ChatRequest request() {
    return ask.conversation();
  }

  /** The function tools the request offers, in its order. */
  public List<Tool> tools() {
    return ask.tools();
  }

  /** The offered tool called {@code name}. */
  public Optional<Tool> tool(String name) {
    return tools().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Whether the request asked for a JSON answer (JSON mode or a JSON schema). */
  public boolean wantsJson() {
    return ask.wantsJson();
  }
}
