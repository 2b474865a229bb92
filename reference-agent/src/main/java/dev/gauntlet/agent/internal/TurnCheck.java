package dev.gauntlet.agent.internal;

import java.util.Set;

/**
 * The resilient agent's check of a model turn before it is used: an answer cut short
 * ({@code finish_reason} {@code length}), filtered ({@code content_filter}), refused, or with
 * tool-call arguments that are not a JSON object is not an answer, and counts as a transient
 * provider failure, so that it is retried and then sent to the fallback provider. Stateless.
 */
public final class TurnCheck {
  private static final Set<String> UNUSABLE_FINISH = Set.of("length", "content_filter");

  private TurnCheck() {}

  /** @throws MalformedResponseException when the turn cannot be used */
  public static ModelTurn usable(ModelTurn turn) {
    if (UNUSABLE_FINISH.contains(turn.finishReason())) {
      throw new MalformedResponseException(
          "provider " + turn.provider() + " stopped with finish_reason " + turn.finishReason());
    }
    if (turn.refusal().isPresent()) {
      throw new MalformedResponseException(
          "provider " + turn.provider() + " refused: " + turn.refusal().get());
    }
    for (RequestedToolCall call : turn.toolCalls()) {
      if (ArgumentSchema.parseObject(call.arguments()) == null) {
        throw new MalformedResponseException(
            "provider "
                + turn.provider()
                + " sent arguments of "
                + call.name()
                + " that are not a JSON object: "
                + call.arguments());
      }
    }
    return turn;
  }
}
