package dev.gauntlet.faults.internal.provider;

import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.dataset.ToolCall;
import java.util.List;
import java.util.Optional;

/**
 * A runaway loop: the model calls a real tool with valid arguments on every turn and never answers. The call is
 * the script's own when the script calls tools this turn, otherwise the last tool call of the item's script, or a
 * call to the first offered tool with arguments that satisfy its schema. Stateless and thread-safe.
 */
public final class Runaways implements TurnFault {

  @Override
  public Optional<Turn> apply(ChatCall call) {
    if (call.scripted() instanceof Reply.Calls calls) {
      return Optional.of(Turn.of(calls));
    }
    return realCall(call, "loop").map(Turn::of);
  }

  /** One call of a real tool with valid arguments, or empty when the request offers no tool. */
  static Optional<Reply> realCall(ChatCall call, String idPart) {
    String id = "call_" + idPart + "_" + call.callIndex();
    Optional<ToolCall> scripted = lastScriptedCall(call);
    if (scripted.isPresent()
        && (call.tools().isEmpty() || call.tool(scripted.get().name()).isPresent())) {
      String arguments =
          scripted.get().arguments() == null ? "{}" : scripted.get().arguments().toString();
      return Optional.of(
          new Reply.Calls(List.of(new Reply.Call(id, scripted.get().name(), arguments))));
    }
    return call.tools().stream()
        .findFirst()
        .map(
            tool ->
                new Reply.Calls(
                    List.of(
                        new Reply.Call(
                            id, tool.name(), Arguments.valid(tool.parameters()).toString()))));
  }

  private static Optional<ToolCall> lastScriptedCall(ChatCall call) {
    if (call.item() == null) {
      return Optional.empty();
    }
    List<ScriptStep> script = call.item().script();
    for (int i = script.size() - 1; i >= 0; i--) {
      if (script.get(i) instanceof ScriptStep.CallTools tools && !tools.calls().isEmpty()) {
        return Optional.of(tools.calls().get(tools.calls().size() - 1));
      }
    }
    return Optional.empty();
  }
}
