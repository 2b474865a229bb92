package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.dataset.AnswerTemplate;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.faults.internal.tools.CanonicalJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays the dataset's model scripts: finds the item by the conversation's first user message and answers the step
 * given by the assistant turns so far that followed the script ({@link #progress}). Immutable and thread-safe.
 */
public final class ScriptedModel {

  public static final String UNKNOWN = "I don't know how to help with that.";
  public static final String APOLOGY = "I'm sorry, I could not find that information.";

  private final Map<String, Item> byInput = new HashMap<>();

  public ScriptedModel(Dataset dataset) {
    dataset.items().forEach(item -> byInput.putIfAbsent(item.input(), item));
  }

  /** The item whose input is exactly the conversation's first user message. */
  public Optional<Item> match(ChatRequest request) {
    String input = request.firstUserContent();
    return input == null ? Optional.empty() : Optional.ofNullable(byInput.get(input));
  }

  /** The model's next turn in {@code request}'s conversation about {@code item} (null when unknown). */
  public Reply reply(Item item, ChatRequest request) {
    if (item == null || item.script().isEmpty()) {
      return new Reply.Text(UNKNOWN);
    }
    int step = progress(item, request);
    ScriptStep next = step < item.script().size() ? item.script().get(step) : finalAnswer(item);
    if (next instanceof ScriptStep.CallTools calls) {
      return toolCalls(item.id(), step, calls);
    }
    String template = ((ScriptStep.Answer) next).template();
    return new Reply.Text(
        AnswerTemplate.of(template).render(ToolResults.of(request)::last).orElse(APOLOGY));
  }

  /**
   * How far the conversation is through the script: every assistant turn counts, except one whose tool calls the
   * script does not make at that step (a fault's invention, refused or failed), after which the model takes the
   * step again, as a real model corrects itself when told its call was wrong.
   */
  static int progress(Item item, ChatRequest request) {
    int step = 0;
    for (ChatRequest.Message m : request.messages()) {
      if (m.role().equals("assistant")
          && (m.toolCalls().isEmpty()
              || step >= item.script().size()
              || scripted(item.script().get(step), m.toolCalls()))) {
        step++;
      }
    }
    return step;
  }

  private static boolean scripted(ScriptStep step, List<ChatRequest.ToolCallMade> made) {
    if (!(step instanceof ScriptStep.CallTools calls)) {
      return false;
    }
    List<String> expected =
        calls.calls().stream()
            .map(c -> c.name() + '\u0000' + CanonicalJson.of(c.arguments()))
            .toList();
    for (ChatRequest.ToolCallMade call : made) {
      ObjectNode arguments = Arguments.parse(call.arguments());
      if (arguments == null
          || !expected.contains(call.name() + '\u0000' + CanonicalJson.of(arguments))) {
        return false;
      }
    }
    return true;
  }

  private static ScriptStep finalAnswer(Item item) {
    for (int i = item.script().size() - 1; i >= 0; i--) {
      if (item.script().get(i) instanceof ScriptStep.Answer answer) {
        return answer;
      }
    }
    return new ScriptStep.Answer(APOLOGY);
  }

  private static Reply toolCalls(String itemId, int step, ScriptStep.CallTools calls) {
    List<Reply.Call> out = new ArrayList<>();
    for (int i = 0; i < calls.calls().size(); i++) {
      var call = calls.calls().get(i);
      out.add(
          new Reply.Call(
              "call_" + itemId + "_" + step + "_" + i,
              call.name(),
              call.arguments() == null ? "{}" : call.arguments().toString()));
    }
    return new Reply.Calls(out);
  }
}
