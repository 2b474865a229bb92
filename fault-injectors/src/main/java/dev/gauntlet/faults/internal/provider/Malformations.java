package dev.gauntlet.faults.internal.provider;

import dev.gauntlet.scenario.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Malformed answers: broken JSON in tool-call arguments or in JSON-mode content, truncated or malformed streams,
 * {@code finish_reason} {@code length} or {@code content_filter} with the answer cut, and refusals. Stateless and
 * thread-safe.
 */
public final class Malformations implements TurnFault {

  static final String REFUSAL = "I'm sorry, but I can't help with that request.";

  private final Fault.MalformedOutput.Variant variant;

  public Malformations(Fault.MalformedOutput.Variant variant) {
    this.variant = variant;
  }

  @Override
  public Optional<Turn> apply(ChatCall call) {
    Reply scripted = call.scripted();
    return switch (variant) {
      case INVALID_JSON_ARGUMENTS ->
          scripted instanceof Reply.Calls calls
              ? Optional.of(Turn.of(cutArguments(calls)))
              : Optional.empty();
      case INVALID_JSON_CONTENT ->
          scripted instanceof Reply.Text text
              ? Optional.of(Turn.of(new Reply.Text(brokenContent(call, text.content()))))
              : Optional.empty();
      case TRUNCATED_STREAM ->
          Optional.of(turn(scripted, Wire.Stop.NATURAL, false, Wire.Cut.TRUNCATED));
      case MALFORMED_SSE ->
          Optional.of(turn(scripted, Wire.Stop.NATURAL, false, Wire.Cut.MALFORMED_FRAME));
      case FINISH_LENGTH ->
          Optional.of(turn(cut(scripted), Wire.Stop.LENGTH, false, Wire.Cut.NONE));
      case REFUSAL ->
          Optional.of(turn(new Reply.Text(REFUSAL), Wire.Stop.NATURAL, true, Wire.Cut.NONE));
      case CONTENT_FILTER ->
          Optional.of(
              turn(
                  new Reply.Text(
                      scripted instanceof Reply.Text text ? Arguments.half(text.content()) : ""),
                  Wire.Stop.CONTENT_FILTER,
                  false,
                  Wire.Cut.NONE));
    };
  }

  private static Turn turn(Reply reply, Wire.Stop stop, boolean refusal, Wire.Cut cut) {
    return new Turn(reply, new Wire(stop, refusal, cut), false);
  }

  private static String brokenContent(ChatCall call, String content) {
    return call.wantsJson() ? "{\"answer\": \"" + Arguments.half(content) : Arguments.half(content);
  }

  /** The reply cut halfway: text in half, or each call's arguments in half (no longer JSON). */
  private static Reply cut(Reply reply) {
    return reply instanceof Reply.Text text
        ? new Reply.Text(Arguments.half(text.content()))
        : cutArguments((Reply.Calls) reply);
  }

  private static Reply.Calls cutArguments(Reply.Calls calls) {
    List<Reply.Call> out = new ArrayList<>();
    for (Reply.Call c : calls.calls()) {
      out.add(new Reply.Call(c.id(), c.name(), Arguments.half(c.arguments())));
    }
    return new Reply.Calls(out);
  }
}
