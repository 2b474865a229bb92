package dev.gauntlet.faults.internal.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * How an answer deviates from a well-formed one on the wire, in terms every wire format renders its own way.
 * Immutable.
 *
 * @param stop    why the model stopped, {@link Stop#NATURAL} for the reply's own reason
 * @param refusal whether the reply's text is a refusal (Chat {@code message.refusal}, Responses {@code refusal}
 *                part, Anthropic {@code stop_reason: refusal})
 * @param cut     whether and how the body is broken
 */
public record Wire(Stop stop, boolean refusal, Cut cut) {

  /** A well-formed answer. */
  public static final Wire NORMAL = new Wire(Stop.NATURAL, false, Cut.NONE);

  /** Why the model stopped. */
  public enum Stop {
    /** Text ends the turn, tool calls ask for results. */
    NATURAL,
    /** The output-token limit cut the answer ({@code length}, {@code max_tokens}, {@code max_output_tokens}). */
    LENGTH,
    /** A content filter cut the answer. */
    CONTENT_FILTER
  }

  /** How a body is broken. */
  public enum Cut {
    /** Whole. */
    NONE,
    /** Cut off halfway: a stream before its final events, a JSON body mid-object. */
    TRUNCATED,
    /** A stream with a {@code data:} frame that is not JSON; a JSON body that is not JSON. */
    MALFORMED_FRAME
  }

  /** {@code whole}, a non-streamed JSON body, broken as {@link #cut} says. */
  public String body(String whole) {
    return switch (cut) {
      case NONE -> whole;
      case TRUNCATED -> whole.substring(0, whole.length() / 2);
      case MALFORMED_FRAME -> whole.replaceFirst("\\{", "{\"choices\": [{") + "}";
    };
  }

  /**
   * A stream of server-sent-event {@code frames}, broken as {@link #cut} says: truncated after half of them, or with
   * {@code broken} (a frame whose data is not JSON) in their middle.
   */
  public String stream(List<String> frames, String broken) {
    List<String> out = new ArrayList<>(frames);
    switch (cut) {
      case NONE -> {}
      case TRUNCATED -> out = out.subList(0, out.size() / 2);
      case MALFORMED_FRAME -> out.add(out.size() / 2, broken);
    }
    return String.join("", out);
  }
}
