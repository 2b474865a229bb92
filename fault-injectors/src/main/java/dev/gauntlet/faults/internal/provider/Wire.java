package dev.gauntlet.faults.internal.provider;

/**
 * How a completion deviates from a well-formed one on the wire. Immutable.
 *
 * @param finishReason the {@code finish_reason} to send instead of the natural one, or null
 * @param refusal      whether the reply's text goes in {@code message.refusal}, content null
 * @param cut          whether and how the body is broken
 */
public record Wire(String finishReason, boolean refusal, Cut cut) {

  /** A well-formed completion. */
  public static final Wire NORMAL = new Wire(null, false, Cut.NONE);

  /** How a body is broken. */
  public enum Cut {
    /** Whole. */
    NONE,
    /** Cut off halfway: a stream before its finish frame and {@code [DONE]}, a JSON body mid-object. */
    TRUNCATED,
    /** A stream with a {@code data:} frame that is not JSON; a JSON body that is not JSON. */
    MALFORMED_FRAME
  }
}
