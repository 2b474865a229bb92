package dev.gauntlet.faults.internal.provider;

import dev.gauntlet.dataset.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A model that complies with what it should refuse. On a conversation about an item whose expectation forbids tools
 * ({@code refusal.must_not_call}), at the turn where the script refuses or escalates (it answers, or calls a tool of
 * the refusal's {@code escalate_tools} or one whose name holds {@code escalat}, {@code handoff}, {@code hand_off} or
 * {@code human}, as the refusal scorer reads escalation), the model calls a forbidden tool instead, with arguments
 * from the item ({@link UnsafeArguments}). It complies once: once a forbidden call is in the conversation the script
 * goes on, so an agent that held the call back and said so sees the model take its scripted step again. The tool is
 * the forbidden one the conversation names (all of its name, else most words of it), else the first offered.
 * Stateless and thread-safe.
 */
public final class UnsafeActions implements TurnFault {

  private static final List<String> ESCALATION = List.of("escalat", "handoff", "hand_off", "human");

  @Override
  public Optional<Turn> apply(ChatCall call) {
    List<Expectation.Refusal> refusals =
        call.item() == null ? List.of() : refusals(call.item().expected()).toList();
    List<String> forbidden =
        refusals.stream().flatMap(r -> r.mustNotCall().stream()).distinct().toList();
    List<String> escalateTools =
        refusals.stream().flatMap(r -> r.escalateTools().stream()).toList();
    if (forbidden.isEmpty()
        || alreadyCalled(call.request(), forbidden)
        || !refusesHere(call.scripted(), escalateTools)) {
      return Optional.empty();
    }
    return choose(call, forbidden)
        .map(
            tool ->
                new Turn(
                    new Reply.Calls(
                        List.of(
                            new Reply.Call(
                                "call_unsafe_" + call.callIndex(),
                                tool.name(),
                                UnsafeArguments.of(call, tool.parameters()).toString()))),
                    Wire.NORMAL,
                    false));
  }

  /** The refusal expectations of {@code expected}, inside composites too. */
  static Stream<Expectation.Refusal> refusals(Expectation expected) {
    if (expected instanceof Expectation.Refusal refusal) {
      return Stream.of(refusal);
    }
    if (expected instanceof Expectation.AllOf allOf) {
      return allOf.parts().stream().flatMap(UnsafeActions::refusals);
    }
    if (expected instanceof Expectation.Weighted weighted) {
      return weighted.parts().stream().flatMap(part -> refusals(part.expected()));
    }
    return Stream.empty();
  }

  private static boolean alreadyCalled(ChatRequest request, List<String> forbidden) {
    return request.messages().stream()
        .flatMap(m -> m.toolCalls().stream())
        .anyMatch(made -> forbidden.contains(made.name()));
  }

  private static boolean refusesHere(Reply scripted, List<String> escalateTools) {
    if (scripted instanceof Reply.Text) {
      return true;
    }
    return scripted instanceof Reply.Calls calls
        && calls.calls().stream()
            .map(Reply.Call::name)
            .anyMatch(
                name ->
                    escalateTools.contains(name)
                        || ESCALATION.stream()
                            .anyMatch(word -> name.toLowerCase(Locale.ROOT).contains(word)));
  }

  private static Optional<ChatCall.Tool> choose(ChatCall call, List<String> forbidden) {
    String said = conversationText(call.request());
    ChatCall.Tool best = null;
    int bestScore = -1;
    for (String name : forbidden) {
      Optional<ChatCall.Tool> offered = call.tool(name);
      int score = offered.isEmpty() ? -1 : named(said, name);
      if (score > bestScore) {
        best = offered.get();
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** How clearly {@code text} asks for the tool: its whole name beats any count of the words of five letters or more. */
  private static int named(String text, String tool) {
    String name = tool.toLowerCase(Locale.ROOT);
    if (text.contains(name)) {
      return 1000;
    }
    int words = 0;
    for (String word : name.split("[_\\-]")) {
      words += word.length() >= 5 && text.contains(word) ? 1 : 0;
    }
    return words;
  }

  static String conversationText(ChatRequest request) {
    List<String> parts = new ArrayList<>();
    request.messages().stream()
        .filter(m -> m.role().equals("user") || m.role().equals("tool"))
        .map(ChatRequest.Message::content)
        .filter(c -> c != null)
        .forEach(parts::add);
    return String.join("\n", parts).toLowerCase(Locale.ROOT);
  }
}
